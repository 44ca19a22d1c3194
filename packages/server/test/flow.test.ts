import * as HttpApp from "@effect/platform/HttpApp"
import { describe, expect, it } from "@effect/vitest"
import { NodeUizaServer, UizaServer } from "@uiza-effect/server"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { inspect } from "node:util"
import type { Call } from "./support.js"
import { caller, login, loginAsAdmin } from "./support.js"

const { user: userPath, changePassword: changePasswordPath, checkToken: checkTokenPath } = UizaServer.paths

const userPassword = "first-secret-1"
const newPassword = "second-secret-2"

/**
 * Admin logs in → creates a user → the user logs in, sees only itself →
 * changes its password → the admin deletes it → the user's token gets 401 →
 * the admin logs out. Returns the passwords used, to look for in the replies.
 */
const flow = async (call: Call, server: UizaServer.UizaServer) => {
  const admin = await loginAsAdmin(call, server)
  const created = await call("POST", userPath, {
    token: admin,
    body: { username: "flow", email: "flow@example.com", password: userPassword, status: 1 }
  })
  expect(created.status).toBe(200)
  const id = created.json.data.id
  expect((await call("GET", userPath, { token: admin })).json.metadata.total).toBe(2)

  const user = await login(call, "flow@example.com", userPassword)
  const own = await call("GET", userPath, { token: user })
  expect(own.json.data.map((u: { id: string }) => u.id)).toEqual([id])
  expect((await call("GET", userPath, { token: user, query: { id } })).json.data.username).toBe("flow")
  expect((await call("POST", checkTokenPath, { token: user })).status).toBe(200)
  const changed = await call("PUT", changePasswordPath, {
    token: user,
    body: { oldPassword: userPassword, newPassword }
  })
  expect(changed.status).toBe(200)
  expect((await call("PUT", userPath, { token: admin, body: { id, password: "third-secret-3" } })).status).toBe(200)

  expect((await call("DELETE", userPath, { token: admin, body: { id } })).status).toBe(200)
  const revoked = await call("GET", userPath, { token: user })
  expect(revoked.status).toBe(401)
  expect(revoked.json).toMatchObject({ code: 401, type: "ERROR" })
  expect(server.isValid(user)).toBe(false)

  expect((await call("POST", UizaServer.logoutPath, { token: admin })).status).toBe(200)
  expect((await call("POST", checkTokenPath, { token: admin })).status).toBe(401)
  return [userPassword, newPassword, "third-secret-3", Redacted.value(server.admin.password)]
}

describe("the whole flow", () => {
  it("in memory, with no password in any reply", async () => {
    const server = UizaServer.make()
    const call = caller(HttpApp.toWebHandler(server.app))
    const passwords = await flow(call, server)
    expect(call.texts.length).toBeGreaterThan(10)
    for (const text of call.texts) {
      for (const password of passwords) expect(text).not.toContain(password)
      expect(text).not.toMatch(/"(password|oldPassword|newPassword)"/)
    }
  })

  it("shows no password when the server object is printed", () => {
    const server = UizaServer.make({ admin: { password: "printed-never" } })
    expect(inspect(server, { depth: 10 })).not.toContain("printed-never")
    expect(JSON.stringify(server)).not.toContain("printed-never")
    expect(String(server.admin.password)).not.toContain("printed-never")
  })

  it.scoped("over a real socket on 127.0.0.1, with the seeded admin", () =>
    Effect.gen(function*() {
      const server = yield* NodeUizaServer.start({ admin: { password: "socket-admin" } })
      expect(server.admin.email).toBe(UizaServer.defaultAdmin.email)
      const call = caller((request) => fetch(request), server.url)
      const passwords = yield* Effect.promise(() => flow(call, server))
      expect(passwords).toContain("socket-admin")
      for (const text of call.texts) for (const password of passwords) expect(text).not.toContain(password)
    }))
})
