import * as HttpApp from "@effect/platform/HttpApp"
import { describe, expect, it } from "@effect/vitest"
import { UizaServer } from "@uiza-effect/server"
import * as Redacted from "effect/Redacted"
import { createUser, emulation, fixture, login, newUser, uuid } from "./support.js"

const { user: userPath, changePassword: changePasswordPath } = UizaServer.paths

const recordedUser = fixture("user-retrieve").data
const recorded422 = fixture("error-422-user-create")

describe("create (POST /admin/user)", () => {
  it("creates a user and answers it with the recorded field names, without its password", async () => {
    let now = new Date("2019-03-01T07:52:01.000Z")
    const { call, adminKey } = emulation({ now: () => now })
    now = new Date("2019-03-01T07:52:02.000Z")
    const reply = await call("POST", userPath, {
      token: adminKey,
      body: {
        status: 1,
        username: "user_test_01",
        email: "user_test@uiza.io",
        fullname: "User Test",
        avatar: "https://exemple.com/avatar.jpeg",
        dob: "05/15/2018",
        gender: 0,
        password: "FMpsr<4[dGPu?B#u",
        isAdmin: 1
      }
    })
    expect(reply.status).toBe(200)
    expect(Object.keys(reply.json).sort()).toEqual(Object.keys(fixture("user-create-full")).sort())
    const user = reply.json.data
    expect(Object.keys(user).sort()).toEqual(Object.keys(recordedUser).sort())
    expect(user).toEqual({
      id: expect.stringMatching(uuid),
      isAdmin: 1,
      username: "user_test_01",
      email: "user_test@uiza.io",
      avatar: "https://exemple.com/avatar.jpeg",
      fullName: "User Test",
      updatedAt: "2019-03-01T07:52:02.000Z",
      createdAt: "2019-03-01T07:52:02.000Z",
      status: 1
    })
    expect(reply.text).not.toContain("FMpsr")
    expect(reply.text).not.toContain("password")
  })

  it("leaves out unset optional fields and makes a non-admin by default", async () => {
    const { call, adminKey } = emulation()
    const reply = await call("POST", userPath, { token: adminKey, body: newUser({ status: 0 }) })
    expect(reply.status).toBe(200)
    expect(reply.json.data).not.toHaveProperty("fullName")
    expect(reply.json.data).not.toHaveProperty("avatar")
    expect(reply.json.data).toMatchObject({ isAdmin: 0, status: 0 })
  })

  it("answers missing fields with the recorded 422 envelope, one entry per field", async () => {
    const { call, adminKey } = emulation()
    const reply = await call("POST", userPath, { token: adminKey, body: { password: "12345" } })
    expect(reply.status).toBe(422)
    expect(Object.keys(reply.json).sort()).toEqual(Object.keys(recorded422).sort())
    expect(reply.json).toMatchObject({
      code: 422,
      type: "ERROR",
      retryable: false,
      message: "Parameters validation error!"
    })
    expect(reply.json.data).toEqual([
      { type: "required", field: "status", message: "The 'status' field is required!" },
      recorded422.data[0], // username required
      { type: "required", field: "email", message: "The 'email' field is required!" },
      recorded422.data[1] // password stringMin
    ])
  })

  it("answers an empty body like a body without fields", async () => {
    const { call, adminKey } = emulation()
    const reply = await call("POST", userPath, { token: adminKey })
    expect(reply.status).toBe(422)
    expect(reply.json.data.map((error: { field: string }) => error.field)).toEqual([
      "status",
      "username",
      "email",
      "password"
    ])
  })

  it.each([
    ["password", "x".repeat(5), "stringMin"],
    ["password", "x".repeat(26), "stringMax"],
    ["password", 123456, "string"],
    ["username", "   ", "stringEmpty"],
    ["username", 5, "string"],
    ["email", "not-an-email", "email"],
    ["status", 2, "enumValue"],
    ["status", "1", "enumValue"],
    ["gender", "male", "enumValue"],
    ["isAdmin", true, "enumValue"],
    ["dob", "2018-05-15", "date"],
    ["dob", "02/30/2001", "date"],
    ["dob", "13/01/2000", "date"],
    ["fullname", 42, "string"],
    ["avatar", ["a"], "string"]
  ])("answers %s = %j with a %s field error", async (field, value, type) => {
    const { call, adminKey } = emulation()
    const reply = await call("POST", userPath, { token: adminKey, body: newUser({ [field]: value }) })
    expect(reply.status).toBe(422)
    expect(reply.json.data).toEqual([{ type, field, message: expect.stringContaining(`'${field}'`) }])
  })

  it("accepts the bounds of a password: 6 and 25 characters", async () => {
    const { call, adminKey } = emulation()
    for (const password of ["x".repeat(6), "x".repeat(25)]) {
      expect((await call("POST", userPath, { token: adminKey, body: newUser({ password }) })).status).toBe(200)
    }
  })

  it("answers a taken username or email, in any case, with unique field errors", async () => {
    const { call, adminKey } = emulation()
    const first = await createUser(call, adminKey)
    const reply = await call("POST", userPath, {
      token: adminKey,
      body: newUser({ username: first.username.toUpperCase(), email: first.email.toUpperCase() })
    })
    expect(reply.status).toBe(422)
    expect(reply.json.data).toEqual([
      { type: "unique", field: "username", message: "The 'username' field is already taken!" },
      { type: "unique", field: "email", message: "The 'email' field is already taken!" }
    ])
  })

  it("creates one user of concurrent creates with the same username", async () => {
    const { call, adminKey } = emulation()
    const body = newUser()
    const statuses = await Promise.all(
      Array.from(
        { length: 5 },
        (_, i) =>
          call("POST", userPath, { token: adminKey, body: { ...body, email: `racer${i}@example.com` } }).then((r) =>
            r.status
          )
      )
    )
    expect(statuses.sort()).toEqual([200, 422, 422, 422, 422])
  })

  it("answers a body that is not JSON, or not an object, with 400", async () => {
    const { call, adminKey } = emulation()
    for (const raw of ["{oops", "[]", "\"user\"", "null"]) {
      const reply = await call("POST", userPath, { token: adminKey, raw })
      expect(reply.status).toBe(400)
      expect(reply.json).toMatchObject({ code: 400, type: "ERROR" })
    }
  })

  it("answers a missing, unknown or revoked token with 401", async () => {
    const { call, adminKey, server } = emulation({ tokens: [UizaServer.randomToken(), UizaServer.randomToken()] })
    const revoked = server.tokens[1] ?? ""
    expect((await call("POST", UizaServer.logoutPath, { token: revoked })).status).toBe(200)
    for (const token of [undefined, "", UizaServer.randomToken(), `Bearer ${adminKey}`, revoked]) {
      const reply = await call("POST", userPath, { token, body: newUser() })
      expect(reply.status).toBe(401)
      expect(reply.json).toMatchObject({ code: 401, type: "ERROR", message: "Unauthorized", data: null })
    }
  })

  it("refuses a user token with 403", async () => {
    const { call, adminKey } = emulation()
    const user = await createUser(call, adminKey)
    const token = await login(call, user.email, user.password)
    const reply = await call("POST", userPath, { token, body: newUser() })
    expect(reply.status).toBe(403)
    expect(reply.json).toMatchObject({ code: 403, type: "ERROR", data: null })
  })
})

describe("retrieve (GET /admin/user?id=)", () => {
  it("answers the user, as created", async () => {
    const { call, adminKey } = emulation()
    const created = await call("POST", userPath, { token: adminKey, body: newUser({ fullname: "Ann" }) })
    const reply = await call("GET", userPath, { token: adminKey, query: { id: created.json.data.id } })
    expect(reply.status).toBe(200)
    expect(reply.json.data).toEqual(created.json.data)
  })

  it("answers an unknown id with the 404 envelope", async () => {
    const { call, adminKey } = emulation()
    const reply = await call("GET", userPath, { token: adminKey, query: { id: crypto.randomUUID() } })
    expect(reply.status).toBe(404)
    expect(Object.keys(reply.json).sort()).toEqual(Object.keys(fixture("error-404")).sort())
    expect(reply.json).toMatchObject({ code: 404, type: "ERROR", message: "Not found", data: null })
  })

  it("answers an empty id with a required field error", async () => {
    const { call, adminKey } = emulation()
    const reply = await call("GET", userPath, { token: adminKey, query: { id: "" } })
    expect(reply.status).toBe(422)
    expect(reply.json.data).toEqual([{ type: "required", field: "id", message: "The 'id' field is required!" }])
  })

  it("lets a user token see itself and no other user", async () => {
    const { call, adminKey, server } = emulation()
    const user = await createUser(call, adminKey)
    const other = await createUser(call, adminKey)
    const token = await login(call, user.username, user.password)
    expect((await call("GET", userPath, { token, query: { id: user.id } })).json.data.id).toBe(user.id)
    expect((await call("GET", userPath, { token, query: { id: other.id } })).status).toBe(404)
    expect((await call("GET", userPath, { token, query: { id: server.admin.id } })).status).toBe(404)
  })

  it("answers without a token with 401", async () => {
    const { call, server } = emulation()
    expect((await call("GET", userPath, { query: { id: server.admin.id } })).status).toBe(401)
  })
})

describe("list (GET /admin/user)", () => {
  it("lists the seeded admin first, with the default limit of 20", async () => {
    const { call, adminKey, server } = emulation()
    const reply = await call("GET", userPath, { token: adminKey })
    expect(reply.status).toBe(200)
    expect(Object.keys(reply.json).sort()).toEqual(Object.keys(fixture("user-list-page")).sort())
    expect(reply.json.metadata).toEqual({ total: 1, result: 1, page: 1, limit: UizaServer.listLimit.default })
    expect(reply.json.data).toEqual([expect.objectContaining({ id: server.admin.id, isAdmin: 1, status: 1 })])
  })

  it("pages newest first, as documented, with 1, 2 and 0 users on the last page", async () => {
    const { call, adminKey, server } = emulation()
    const ids = [server.admin.id]
    for (let i = 0; i < 4; i++) ids.push((await createUser(call, adminKey)).id)
    const page = async (page: number, limit: number) => {
      const reply = await call("GET", userPath, {
        token: adminKey,
        query: { page: String(page), limit: String(limit) }
      })
      expect(reply.status).toBe(200)
      return reply.json
    }
    // 5 users by 2: 2, 2, then 1 on the last page.
    const pages = [await page(1, 2), await page(2, 2), await page(3, 2)]
    expect(pages.map((p) => p.metadata)).toEqual([
      { total: 5, result: 2, page: 1, limit: 2 },
      { total: 5, result: 2, page: 2, limit: 2 },
      { total: 5, result: 1, page: 3, limit: 2 }
    ])
    expect(pages.flatMap((p) => p.data.map((user: { id: string }) => user.id))).toEqual([...ids].reverse())
    // 5 users by 5 then by 4: a full last page, then 1.
    expect((await page(1, 5)).metadata).toEqual({ total: 5, result: 5, page: 1, limit: 5 })
    expect((await page(2, 4)).data).toHaveLength(1)
    // A page past the end is empty, with the total.
    const past = await page(4, 2)
    expect(past.data).toEqual([])
    expect(past.metadata).toEqual({ total: 5, result: 0, page: 4, limit: 2 })
    // 4 users by 2: the third page is empty.
    await call("DELETE", userPath, { token: adminKey, body: { id: ids[4] } })
    expect((await page(2, 2)).metadata).toEqual({ total: 4, result: 2, page: 2, limit: 2 })
    expect((await page(3, 2)).metadata).toEqual({ total: 4, result: 0, page: 3, limit: 2 })
  })

  it("accepts limit up to the maximum, and answers bad page or limit with field errors", async () => {
    const { call, adminKey } = emulation()
    const max = String(UizaServer.listLimit.max)
    expect((await call("GET", userPath, { token: adminKey, query: { limit: max } })).json.metadata.limit).toBe(
      UizaServer.listLimit.max
    )
    for (
      const query of [{ limit: "0" }, { limit: String(UizaServer.listLimit.max + 1) }, { limit: "x" }, { page: "0" }, {
        page: "1.5"
      }, { page: "-1" }]
    ) {
      const reply = await call("GET", userPath, { token: adminKey, query })
      expect(reply.status).toBe(422)
      expect(reply.json.data).toEqual([
        { type: "number", field: Object.keys(query)[0], message: expect.stringContaining("integer") }
      ])
    }
  })

  it("lists only itself to a user token", async () => {
    const { call, adminKey } = emulation()
    const user = await createUser(call, adminKey)
    await createUser(call, adminKey)
    const token = await login(call, user.email, user.password)
    const reply = await call("GET", userPath, { token })
    expect(reply.json.metadata).toEqual({ total: 1, result: 1, page: 1, limit: 20 })
    expect(reply.json.data.map((u: { id: string }) => u.id)).toEqual([user.id])
  })
})

describe("update (PUT /admin/user)", () => {
  it("changes the given fields, keeps the others, and moves updatedAt", async () => {
    let now = new Date("2019-03-01T00:00:00.000Z")
    const { call, adminKey } = emulation({ now: () => now })
    const created = await call("POST", userPath, {
      token: adminKey,
      body: newUser({ fullname: "Ann", avatar: "https://example.com/a.png" })
    })
    now = new Date("2019-03-02T00:00:00.000Z")
    const reply = await call("PUT", userPath, {
      token: adminKey,
      body: { id: created.json.data.id, fullname: "Ann B", status: 0 }
    })
    expect(reply.status).toBe(200)
    expect(reply.json.data).toEqual({
      ...created.json.data,
      fullName: "Ann B",
      status: 0,
      updatedAt: "2019-03-02T00:00:00.000Z"
    })
    const retrieved = await call("GET", userPath, { token: adminKey, query: { id: created.json.data.id } })
    expect(retrieved.json.data).toEqual(reply.json.data)
  })

  it("changes the password, which then logs in instead of the old one", async () => {
    const { call, adminKey } = emulation()
    const user = await createUser(call, adminKey)
    expect((await call("PUT", userPath, { token: adminKey, body: { id: user.id, password: "brand-new-1" } })).status)
      .toBe(200)
    expect(await login(call, user.email, "brand-new-1")).toMatch(/^uap-/)
    const old = await call("POST", UizaServer.paths.auth, {
      body: { username: user.email, password: user.password, domain: "d" }
    })
    expect(old.status).toBe(401)
  })

  it("answers a missing id with 422 and an unknown id with 404", async () => {
    const { call, adminKey } = emulation()
    const missing = await call("PUT", userPath, { token: adminKey, body: { fullname: "x" } })
    expect(missing.status).toBe(422)
    expect(missing.json.data).toEqual([{ type: "required", field: "id", message: "The 'id' field is required!" }])
    expect((await call("PUT", userPath, { token: adminKey, body: { id: crypto.randomUUID() } })).status).toBe(404)
  })

  it("answers bad fields and a taken email with field errors, and changes nothing", async () => {
    const { call, adminKey } = emulation()
    const user = await createUser(call, adminKey)
    const other = await createUser(call, adminKey)
    const reply = await call("PUT", userPath, {
      token: adminKey,
      body: { id: user.id, username: "", password: "short", gender: 3, dob: "1/2/2000", email: other.email }
    })
    expect(reply.status).toBe(422)
    expect(reply.json.data.map((error: { type: string; field: string }) => `${error.field}:${error.type}`)).toEqual([
      "username:stringEmpty",
      "password:stringMin",
      "dob:date",
      "gender:enumValue",
      "email:unique"
    ])
    expect((await call("GET", userPath, { token: adminKey, query: { id: user.id } })).json.data.email).toBe(user.email)
  })

  it("lets a user update itself, but not others, its status or isAdmin", async () => {
    const { call, adminKey, server } = emulation()
    const user = await createUser(call, adminKey)
    const token = await login(call, user.email, user.password)
    const self = await call("PUT", userPath, { token, body: { id: user.id, fullname: "Me", status: 1, isAdmin: 0 } })
    expect(self.status).toBe(200)
    expect(self.json.data.fullName).toBe("Me")
    for (
      const body of [{ id: server.admin.id, fullname: "Hacked" }, { id: user.id, isAdmin: 1 }, {
        id: user.id,
        status: 0
      }]
    ) {
      const reply = await call("PUT", userPath, { token, body })
      expect(reply.status).toBe(403)
    }
    const admin = await call("GET", userPath, { token: adminKey, query: { id: server.admin.id } })
    expect(admin.json.data).not.toHaveProperty("fullName")
  })
})

describe("delete (DELETE /admin/user)", () => {
  it("deletes the user named in the JSON body", async () => {
    const { call, adminKey } = emulation()
    const user = await createUser(call, adminKey)
    const reply = await call("DELETE", userPath, { token: adminKey, body: { id: user.id } })
    expect(reply.status).toBe(200)
    expect(reply.json.data).toEqual(fixture("user-delete-result").data)
    expect((await call("GET", userPath, { token: adminKey, query: { id: user.id } })).status).toBe(404)
    expect((await call("DELETE", userPath, { token: adminKey, body: { id: user.id } })).status).toBe(404)
  })

  it("answers a missing id with 422, and ignores an id in the query", async () => {
    const { call, adminKey, server } = emulation()
    const reply = await call("DELETE", userPath, { token: adminKey, query: { id: server.admin.id } })
    expect(reply.status).toBe(422)
    expect(reply.json.data).toEqual([{ type: "required", field: "id", message: "The 'id' field is required!" }])
  })

  it("refuses a user token with 403, even for itself", async () => {
    const { call, adminKey } = emulation()
    const user = await createUser(call, adminKey)
    const token = await login(call, user.email, user.password)
    expect((await call("DELETE", userPath, { token, body: { id: user.id } })).status).toBe(403)
    expect((await call("GET", userPath, { token, query: { id: user.id } })).status).toBe(200)
  })

  it("revokes every token of the deleted user", async () => {
    const { call, adminKey, server } = emulation()
    const user = await createUser(call, adminKey)
    const tokens = [await login(call, user.email, user.password), await login(call, user.username, user.password)]
    await call("DELETE", userPath, { token: adminKey, body: { id: user.id } })
    for (const token of tokens) {
      expect(server.isValid(token)).toBe(false)
      expect((await call("POST", UizaServer.paths.checkToken, { token })).status).toBe(401)
    }
  })
})

describe("change password (PUT or POST /admin/user/changepassword)", () => {
  it("changes a user's own password without an id, by PUT and by POST", async () => {
    const { call, adminKey } = emulation()
    const user = await createUser(call, adminKey)
    const token = await login(call, user.email, user.password)
    const put = await call("PUT", changePasswordPath, {
      token,
      body: { oldPassword: user.password, newPassword: "second-pass" }
    })
    expect(put.status).toBe(200)
    expect(put.json.data).toEqual(fixture("user-changepassword-result").data)
    const post = await call("POST", changePasswordPath, {
      token,
      body: { id: user.id, oldPassword: "second-pass", newPassword: "third-pass" }
    })
    expect(post.status).toBe(200)
    expect(await login(call, user.email, "third-pass")).toMatch(/^uap-/)
    // The token used stays valid.
    expect((await call("GET", userPath, { token })).status).toBe(200)
  })

  it("answers a wrong old password and a bad new one with field errors", async () => {
    const { call, adminKey } = emulation()
    const user = await createUser(call, adminKey)
    const token = await login(call, user.email, user.password)
    const wrong = await call("PUT", changePasswordPath, {
      token,
      body: { oldPassword: "not-the-password", newPassword: "second-pass" }
    })
    expect(wrong.status).toBe(422)
    expect(wrong.json.data).toEqual([{ type: "mismatch", field: "oldPassword", message: expect.any(String) }])
    const missing = await call("PUT", changePasswordPath, { token, body: { newPassword: "x".repeat(26) } })
    expect(missing.json.data.map((error: { field: string; type: string }) => `${error.field}:${error.type}`))
      .toEqual(["oldPassword:required", "newPassword:stringMax"])
    expect(await login(call, user.email, user.password)).toMatch(/^uap-/)
  })

  it("lets an admin change another user's password, and refuses that to a user", async () => {
    const { call, adminKey, server } = emulation()
    const user = await createUser(call, adminKey)
    const other = await createUser(call, adminKey)
    const admin = await call("PUT", changePasswordPath, {
      token: adminKey,
      body: { id: user.id, oldPassword: user.password, newPassword: "set-by-admin" }
    })
    expect(admin.status).toBe(200)
    const token = await login(call, user.email, "set-by-admin")
    for (const id of [other.id, server.admin.id]) {
      const reply = await call("PUT", changePasswordPath, {
        token,
        body: { id, oldPassword: other.password, newPassword: "taken-over" }
      })
      expect(reply.status).toBe(403)
    }
    const unknown = await call("PUT", changePasswordPath, {
      token: adminKey,
      body: { id: crypto.randomUUID(), oldPassword: "whatever", newPassword: "whatever" }
    })
    expect(unknown.status).toBe(404)
  })
})

describe("routing", () => {
  it("answers another method with 405 and Allow, another path with the 404 envelope", async () => {
    const { call, adminKey } = emulation()
    const patch = await call("PATCH", userPath, { token: adminKey, body: {} })
    expect(patch.status).toBe(405)
    expect(patch.headers.get("allow")).toBe("POST, GET, PUT, DELETE")
    expect((await call("GET", changePasswordPath, { token: adminKey })).headers.get("allow")).toBe("PUT, POST")
    expect((await call("GET", UizaServer.paths.auth)).status).toBe(405)
    expect((await call("GET", UizaServer.paths.checkToken, { token: adminKey })).status).toBe(405)
    const missing = await call("GET", "/api/public/v3/admin/users", { token: adminKey })
    expect(missing.status).toBe(404)
    expect(missing.json).toMatchObject({ code: 404, type: "ERROR", message: "Not found" })
  })

  it("allows a browser page the methods and headers of every endpoint", async () => {
    const handler = HttpApp.toWebHandler(UizaServer.make().app)
    for (const method of ["GET", "POST", "PUT", "DELETE"]) {
      const preflight = await handler(
        new Request(`http://uiza.test${userPath}`, {
          method: "OPTIONS",
          headers: {
            origin: "http://page.test",
            "access-control-request-method": method,
            "access-control-request-headers": "authorization, content-type"
          }
        })
      )
      expect(preflight.status).toBeLessThan(300)
      expect(preflight.headers.get("access-control-allow-origin")).toBe("*")
      expect(preflight.headers.get("access-control-allow-methods")).toContain(method)
      expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization")
      expect(preflight.headers.get("access-control-allow-headers")).toContain("content-type")
    }
  })
})

describe("the seeded admin", () => {
  it("has default credentials: admin, admin@example.com and a random password of 6 to 25", () => {
    const { server } = emulation()
    expect(server.admin).toMatchObject({ username: "admin", email: "admin@example.com" })
    expect(server.admin.id).toMatch(uuid)
    const password = Redacted.value(server.admin.password)
    expect(password.length).toBeGreaterThanOrEqual(6)
    expect(password.length).toBeLessThanOrEqual(25)
    expect(Redacted.value(UizaServer.make().admin.password)).not.toBe(password)
  })

  it("takes its credentials from the options, and logs in with them", async () => {
    const { call, server } = emulation({
      admin: { username: "root", email: "root@example.com", password: Redacted.make("root-password"), fullName: "Root" }
    })
    expect(server.admin).toMatchObject({ username: "root", email: "root@example.com" })
    const token = await login(call, "root", "root-password")
    const me = await call("GET", userPath, { token, query: { id: server.admin.id } })
    expect(me.json.data).toMatchObject({ username: "root", fullName: "Root", isAdmin: 1, status: 1 })
  })
})
