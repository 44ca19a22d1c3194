/** Reference point: a hand-written fetch logout with the same checks, no Effect. */
const token = sessionStorage.getItem("uiza-token") ?? ""

fetch("https://your-workspace-api-domain.uiza.co/api/public/v3/admin/user/logout", {
  method: "POST",
  headers: { authorization: token, accept: "application/json", "content-type": "application/json" },
  body: "{}",
  credentials: "omit",
  redirect: "manual"
}).then(async (response) => {
  const json = JSON.parse(await response.text())
  if (!response.ok || json.type === "ERROR" || json.code >= 400) {
    throw new Error(json.message ?? `HTTP ${response.status}`)
  }
  console.log(json.data?.message ?? json.message)
}).catch((error) => console.error(error))
