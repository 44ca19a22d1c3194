import * as HttpBody from "@effect/platform/HttpBody"
import * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import { User } from "@uiza-effect/core"
import { UizaTest } from "@uiza-effect/testing"
import { NodeUizaTest } from "@uiza-effect/testing/node"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"

const authPath = "/api/public/v3/admin/user/auth"

const createToken = (baseUrl: string, username: string, password: string) =>
  Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    const response = yield* client.post(`${baseUrl}${authPath}`, {
      body: HttpBody.unsafeJson({ username, password, domain: "acme.uiza.co" })
    })
    return { status: response.status, json: (yield* response.json) as { data?: { token?: string } } }
  })

describe("the emulation's options through the test kits", () => {
  it.effect("UizaTest.layer: the seeded admin and the reply shapes", () =>
    Effect.gen(function*() {
      const kit = yield* UizaTest.UizaTest
      expect(kit.admin.username).toBe("owner")
      expect(Redacted.value(kit.admin.password)).toBe("owner-password")
      const login = yield* createToken(kit.baseUrl, kit.admin.username, Redacted.value(kit.admin.password))
      expect(login.status).toBe(200)
      expect(yield* kit.isValid(login.json.data?.token ?? "")).toBe(true)
      // The recorded logout shape, without `data`, is what the emulation answers now.
      const logout = yield* User.logout()
      expect(logout.message).toBe("Logout success")
      const [, request] = yield* kit.requests
      expect(request?.url).toContain("/logout")
    }).pipe(
      Effect.provide(UizaTest.layer({
        admin: { username: "owner", password: "owner-password" },
        replyShapes: { logout: "flat" }
      }))
    ))

  it.effect("UizaTest.layer: the clock expires tokens", () => {
    let now = new Date("2019-03-01T00:00:00.000Z")
    return Effect.gen(function*() {
      const kit = yield* UizaTest.UizaTest
      expect(yield* kit.isValid(kit.token)).toBe(true)
      now = new Date("2019-03-01T00:01:00.000Z")
      expect(yield* kit.isValid(kit.token)).toBe(false)
      const error = yield* Effect.flip(User.logout())
      expect(error._tag).toBe("UnauthorizedError")
    }).pipe(Effect.provide(UizaTest.layer({ now: () => now, tokenLifetime: "1 minute", maxRetries: 0 })))
  })

  it.scoped("NodeUizaTest.start: the seeded admin over a real socket", () =>
    Effect.gen(function*() {
      const server = yield* NodeUizaTest.start({ admin: { email: "owner@example.com", password: "socket-owner" } })
      expect(server.admin.email).toBe("owner@example.com")
      const response = yield* Effect.promise(() =>
        fetch(`${server.url}${authPath}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username: "owner@example.com", password: "socket-owner", domain: "acme.uiza.co" })
        })
      )
      expect(response.status).toBe(200)
      const { data } = yield* Effect.promise(() => response.json() as Promise<{ data: { token: string } }>)
      expect(server.isValid(data.token)).toBe(true)
    }))
})
