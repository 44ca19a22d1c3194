import { expect, inject, it } from "@effect/vitest"
import page from "../../../examples/browser/index.html?raw"

const serverUrl = inject("uizaServerUrl")
const tokens = inject("uizaTokens")

// The browser page of examples/, driven as a person would: fill the form, submit, read the output.
it("examples/browser logs out from its form, then reports the revoked token", async () => {
  document.body.innerHTML = new DOMParser().parseFromString(page, "text/html").body.innerHTML
  // The example is type-checked with the other examples; here it is only loaded, as the page would.
  await import(/* @vite-ignore */ new URL("../../../examples/browser/main.ts", import.meta.url).href)

  const form = document.querySelector<HTMLFormElement>("#logout")!
  const output = document.querySelector<HTMLPreElement>("#output")!
  const submit = async (domain: string, token: string) => {
    form.querySelector<HTMLInputElement>("[name=domain]")!.value = domain
    form.querySelector<HTMLInputElement>("[name=token]")!.value = token
    output.textContent = ""
    form.requestSubmit()
    await expect.poll(() => output.textContent, { timeout: 10_000 }).not.toMatch(/^(|Logging out…)$/)
    return output.textContent
  }

  expect(await submit(serverUrl, tokens[1])).toMatch(/^Logout success \(request [0-9a-f-]{36}\)$/)
  expect(await submit(serverUrl, tokens[1])).toMatch(/^The token is not valid/)
  expect(await submit("http://example.com", tokens[2])).toMatch(/^Check the form: .*http:\/\//)
})
