import * as HttpApp from "@effect/platform/HttpApp"
import { describe, expect, it } from "@effect/vitest"
import { NodeUizaServer, UizaServer } from "@uiza-effect/server"
import * as Effect from "effect/Effect"

const handlerOf = (server: UizaServer.UizaServer) => HttpApp.toWebHandler(server.app)

const logoutRequest = (init: RequestInit = {}) =>
  new Request(`http://uiza.test${UizaServer.logoutPath}`, { method: "POST", ...init })

describe("UizaServer (in memory)", () => {
  it("answers a valid token with the documented envelope and revokes it", async () => {
    const server = UizaServer.make({ tokens: ["uap-a"] })
    const handler = handlerOf(server)
    const response = await handler(logoutRequest({ headers: { authorization: "uap-a" }, body: "{}" }))
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toContain("application/json")
    const body = await response.json()
    expect(body).toMatchObject({
      data: { message: "Logout success" },
      version: 3,
      policy: "public",
      serviceName: "api",
      message: "OK",
      code: 200,
      type: "SUCCESS"
    })
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(new Date(body.datetime).toISOString()).toBe(body.datetime)
    expect(server.isValid("uap-a")).toBe(false)

    const again = await handler(logoutRequest({ headers: { authorization: "uap-a" } }))
    expect(again.status).toBe(401)
    expect(await again.json()).toMatchObject({ code: 401, type: "ERROR", message: "Unauthorized", data: null })
  })

  it("answers a missing or unknown token with the 401 envelope", async () => {
    const server = UizaServer.make({ tokens: ["uap-a"] })
    const handler = handlerOf(server)
    for (const headers of [{}, { authorization: "uap-b" }, { authorization: "Bearer uap-a" }]) {
      const response = await handler(logoutRequest({ headers }))
      expect(response.status).toBe(401)
      expect(await response.json()).toMatchObject({ code: 401, type: "ERROR", retryable: false })
    }
    expect(server.isValid("uap-a")).toBe(true)
  })

  it("accepts no body, and answers a body that is not JSON with the 400 envelope", async () => {
    const server = UizaServer.make({ tokens: ["uap-a", "uap-b"] })
    const handler = handlerOf(server)
    expect((await handler(logoutRequest({ headers: { authorization: "uap-a" } }))).status).toBe(200)
    const bad = await handler(logoutRequest({ headers: { authorization: "uap-b" }, body: "{oops" }))
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ code: 400, type: "ERROR", message: "Bad Request" })
    expect(server.isValid("uap-b")).toBe(true)
  })

  it("answers another method with 405 and another path with the 404 envelope", async () => {
    const handler = handlerOf(UizaServer.make())
    const get = await handler(new Request(`http://uiza.test${UizaServer.logoutPath}`))
    expect(get.status).toBe(405)
    const missing = await handler(new Request("http://uiza.test/api/public/v3/admin/user/nothing", { method: "POST" }))
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ code: 404, type: "ERROR", message: "Not found" })
  })

  it("allows cross-origin calls from a browser page", async () => {
    const handler = handlerOf(UizaServer.make())
    const preflight = await handler(
      new Request(`http://uiza.test${UizaServer.logoutPath}`, {
        method: "OPTIONS",
        headers: {
          origin: "http://page.test",
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization, content-type"
        }
      })
    )
    expect(preflight.status).toBeLessThan(300)
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*")
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization")
    const response = await handler(logoutRequest({ headers: { origin: "http://page.test" } }))
    expect(response.headers.get("access-control-allow-origin")).toBe("*")
  })

  it("revokes a token once even under concurrent logouts", async () => {
    const server = UizaServer.make({ tokens: ["uap-a"] })
    const handler = handlerOf(server)
    const statuses = await Promise.all(
      Array.from(
        { length: 10 },
        () => handler(logoutRequest({ headers: { authorization: "uap-a" } })).then((r) => r.status)
      )
    )
    expect(statuses.filter((status) => status === 200)).toHaveLength(1)
    expect(statuses.filter((status) => status === 401)).toHaveLength(9)
  })

  it("makes random tokens of the documented shape", () => {
    const tokens = new Set(Array.from({ length: 100 }, UizaServer.randomToken))
    expect(tokens.size).toBe(100)
    for (const token of tokens) expect(token).toMatch(/^uap-[0-9a-f]{32}-[0-9a-f]{8}$/)
    expect(UizaServer.make().tokens).toHaveLength(1)
  })

  it("accepts tokens added later", async () => {
    const server = UizaServer.make({ tokens: [] })
    server.addToken("uap-late")
    expect((await handlerOf(server)(logoutRequest({ headers: { authorization: "uap-late" } }))).status).toBe(200)
  })
})

describe("NodeUizaServer", () => {
  it.scoped("listens on 127.0.0.1 on a free port and closes with its scope", () =>
    Effect.gen(function*() {
      const url = yield* Effect.scoped(
        Effect.gen(function*() {
          const server = yield* NodeUizaServer.start({ tokens: ["uap-a"] })
          expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
          const response = yield* Effect.promise(() =>
            fetch(`${server.url}${UizaServer.logoutPath}`, { method: "POST", headers: { authorization: "uap-a" } })
          )
          expect(response.status).toBe(200)
          return server.url
        })
      )
      const afterClose = yield* Effect.promise(() =>
        fetch(`${url}${UizaServer.logoutPath}`, { method: "POST" }).then(() => "answered", () => "refused")
      )
      expect(afterClose).toBe("refused")
    }))
})
