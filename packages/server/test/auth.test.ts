import { describe, expect, it } from "@effect/vitest"
import { UizaServer } from "@uiza-effect/server"
import * as Redacted from "effect/Redacted"
import { createUser, domain, emulation, fixture, login, loginAsAdmin, tokenShape } from "./support.js"

const { auth: authPath, checkToken: checkTokenPath, user: userPath } = UizaServer.paths

describe("create token (POST /admin/user/auth)", () => {
  it("answers a token of the documented shape and the appId, with no Authorization sent", async () => {
    const { call, server } = emulation({ appId: "a204e9cdeca44948a33e0d012ef74e90" })
    const reply = await call("POST", authPath, {
      body: { username: server.admin.email, password: Redacted.value(server.admin.password), domain }
    })
    expect(reply.status).toBe(200)
    expect(Object.keys(reply.json).sort()).toEqual(Object.keys(fixture("auth-token")).sort())
    expect(reply.json.data).toEqual({ token: expect.stringMatching(tokenShape), appId: server.appId })
    expect(server.isValid(reply.json.data.token)).toBe(true)
    expect(UizaServer.make().appId).toMatch(/^[0-9a-f]{32}$/)
  })

  it("takes the registered email in any case, or the username, and issues a new token each time", async () => {
    const { call, adminKey } = emulation()
    const user = await createUser(call, adminKey, { email: "Mixed.Case@Example.com" })
    const tokens = [
      await login(call, "mixed.case@example.com", user.password),
      await login(call, user.username.toUpperCase(), user.password),
      await login(call, user.username, user.password)
    ]
    expect(new Set(tokens).size).toBe(3)
    for (const token of tokens) {
      const me = await call("GET", userPath, { token })
      expect(me.json.data.map((u: { id: string }) => u.id)).toEqual([user.id])
    }
  })

  it("answers a wrong password, an unknown account and an inactive account with the same 401", async () => {
    const { call, adminKey } = emulation()
    const user = await createUser(call, adminKey)
    const inactive = await createUser(call, adminKey, { status: 0 })
    const attempts = [
      { username: user.email, password: "wrong-password" },
      { username: "nobody@example.com", password: user.password },
      { username: inactive.email, password: inactive.password }
    ]
    const messages = new Set<string>()
    for (const attempt of attempts) {
      const reply = await call("POST", authPath, { body: { ...attempt, domain } })
      expect(reply.status).toBe(401)
      expect(reply.json).toMatchObject({ code: 401, type: "ERROR", data: null })
      messages.add(reply.json.message)
    }
    expect(messages.size).toBe(1)
  })

  it("checks the domain when one is configured", async () => {
    const { call, server } = emulation({ domain: "Acme.Uiza.co" })
    const password = Redacted.value(server.admin.password)
    const other = await call("POST", authPath, { body: { username: "admin", password, domain: "other.uiza.co" } })
    expect(other.status).toBe(401)
    expect(await login(call, "admin", password)).toMatch(tokenShape) // "acme.uiza.co", in another case
  })

  it("answers missing or bad fields with field errors", async () => {
    const { call } = emulation()
    const empty = await call("POST", authPath, { body: {} })
    expect(empty.status).toBe(422)
    expect(empty.json.data.map((error: { field: string; type: string }) => `${error.field}:${error.type}`)).toEqual([
      "username:required",
      "password:required",
      "domain:required"
    ])
    const short = await call("POST", authPath, { body: { username: "admin", password: "12345", domain } })
    expect(short.json.data).toEqual([fixture("error-422-user-create").data[1]])
    expect((await call("POST", authPath, { raw: "username=admin" })).status).toBe(400)
  })
})

describe("check token (POST /admin/user/auth/check-token)", () => {
  it("answers the token and its expiry, 30 days after issue, as MM/DD/YYYY HH:mm:ss in UTC", async () => {
    let now = new Date("2018-10-07T04:29:22.000Z")
    const { call, server } = emulation({ now: () => now })
    const token = await loginAsAdmin(call, server)
    now = new Date("2018-10-08T00:00:00.000Z")
    const reply = await call("POST", checkTokenPath, { token })
    expect(reply.status).toBe(200)
    expect(Object.keys(reply.json).sort()).toEqual(Object.keys(fixture("auth-check-token")).sort())
    expect(reply.json.data).toEqual({ token, expired: "11/06/2018 04:29:22" })
  })

  it("accepts no token once its lifetime has passed, on any endpoint", async () => {
    let now = new Date("2019-03-01T00:00:00.000Z")
    const { call, server, adminKey } = emulation({ now: () => now, tokenLifetime: "1 hour" })
    const token = await loginAsAdmin(call, server)
    expect((await call("POST", checkTokenPath, { token })).json.data.expired).toBe("03/01/2019 01:00:00")
    now = new Date("2019-03-01T00:59:59.999Z")
    expect((await call("GET", userPath, { token })).status).toBe(200)
    now = new Date("2019-03-01T01:00:00.000Z")
    for (const candidate of [token, adminKey]) {
      expect(server.isValid(candidate)).toBe(false)
      expect((await call("POST", checkTokenPath, { token: candidate })).status).toBe(401)
      expect((await call("GET", userPath, { token: candidate })).status).toBe(401)
      expect((await call("POST", UizaServer.logoutPath, { token: candidate })).status).toBe(401)
    }
    // A new login gets a fresh lifetime.
    const fresh = await loginAsAdmin(call, server)
    expect((await call("POST", checkTokenPath, { token: fresh })).json.data.expired).toBe("03/01/2019 02:00:00")
  })

  it("dates the API keys of the options and those added later from when they were given", async () => {
    let now = new Date("2019-01-01T00:00:00.000Z")
    const { call, server, adminKey } = emulation({ now: () => now })
    expect((await call("POST", checkTokenPath, { token: adminKey })).json.data.expired).toBe("01/31/2019 00:00:00")
    now = new Date("2019-01-02T12:00:00.000Z")
    const added = UizaServer.randomToken()
    server.addToken(added)
    expect((await call("POST", checkTokenPath, { token: added })).json.data.expired).toBe("02/01/2019 12:00:00")
  })

  it("answers a missing, unknown or revoked token with 401", async () => {
    const { call, server } = emulation()
    const token = await loginAsAdmin(call, server)
    expect((await call("POST", UizaServer.logoutPath, { token })).status).toBe(200)
    for (const candidate of [undefined, UizaServer.randomToken(), token]) {
      const reply = await call("POST", checkTokenPath, { token: candidate })
      expect(reply.status).toBe(401)
      expect(Object.keys(reply.json).sort()).toEqual(Object.keys(fixture("error-401")).sort())
    }
  })
})

describe("logout (POST /admin/user/logout)", () => {
  it("revokes only the token it is called with", async () => {
    const { call, server, adminKey } = emulation()
    const first = await loginAsAdmin(call, server)
    const second = await loginAsAdmin(call, server)
    const reply = await call("POST", UizaServer.logoutPath, { token: first })
    expect(reply.json).toEqual({
      ...fixture("logout-200-documented"),
      datetime: reply.json.datetime,
      requestId: reply.json.requestId
    })
    expect(server.isValid(first)).toBe(false)
    expect(server.isValid(second)).toBe(true)
    expect(server.isValid(adminKey)).toBe(true)
  })
})
