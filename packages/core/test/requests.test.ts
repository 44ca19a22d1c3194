import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import { UizaConfig, User } from "@uiza-effect/core"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { currentTracerDisabledWhen, currentTracerPropagation, PlatformHttpClient } from "../src/PlatformHttpClient.js"
import { fixture, reply, stubUiza, token } from "./support/stubHttpClient.js"

describe("User.logout", () => {
  it("looks the HttpClient up under the platform's own key, and sets the platform's own tracing FiberRefs", () => {
    expect(PlatformHttpClient.key).toBe(HttpClient.HttpClient.key)
    expect(currentTracerDisabledWhen).toBe(HttpClient.currentTracerDisabledWhen)
    expect(currentTracerPropagation).toBe(HttpClient.currentTracerPropagation)
  })

  it.effect("sends exactly one POST to the logout URL with the raw token and no body, as documented", () =>
    Effect.gen(function*() {
      const stub = stubUiza(reply(200, fixture("logout-200-documented.json")))
      yield* Effect.provide(User.logout(), stub.layer)

      expect(stub.requests).toHaveLength(1)
      const [request] = stub.requests
      expect(request.method).toBe("POST")
      expect(request.url).toBe("https://your-workspace-api-domain.uiza.co/api/public/v3/admin/user/logout")
      expect(request.headers["authorization"]).toBe(token)
      expect(request.headers["content-type"]).toBe("application/json")
      expect(request.headers["accept"]).toBe("application/json")
      expect(request.body._tag).toBe("Empty")
      // No trace headers: they would fail the CORS preflight of a browser call.
      expect(Object.keys(request.headers).sort()).toEqual(["accept", "authorization", "content-type"])
    }))

  it.effect("keeps a port and an https URL as given, with no trailing slash", () =>
    Effect.gen(function*() {
      const stub = stubUiza(reply(200, fixture("logout-200-flat.json")), {
        workspaceApiDomain: "https://Workspace.Example.COM:8443/"
      })
      yield* Effect.provide(User.logout(), stub.layer)
      expect(stub.requests[0].url).toBe("https://workspace.example.com:8443/api/public/v3/admin/user/logout")
    }))

  it.effect("decodes the documented reply shape with its metadata", () =>
    Effect.gen(function*() {
      const result = yield* Effect.provide(
        User.logout(),
        stubUiza(reply(200, fixture("logout-200-documented.json"))).layer
      )
      expect(result).toBeInstanceOf(User.LogoutResult)
      expect({ ...result }).toEqual({
        message: "Logout success",
        requestId: "187f008e-92ce-4f7b-a7ba-00308ad0c69c",
        datetime: new Date("2018-06-22T19:03:47.686Z"),
        version: 3,
        serviceName: "api",
        policy: "public",
        code: 200,
        type: "SUCCESS"
      })
    }))

  it.effect("decodes the flat reply shape (message at the top level)", () =>
    Effect.gen(function*() {
      const result = yield* Effect.provide(User.logout(), stubUiza(reply(200, fixture("logout-200-flat.json"))).layer)
      expect({ ...result }).toEqual({ message: "Logout success", code: 200, type: "SUCCESS" })
    }))

  it.effect("prefers data.message over the top-level message", () =>
    Effect.gen(function*() {
      const body = JSON.stringify({ data: { message: "Logout success" }, message: "OK", code: 200 })
      const result = yield* Effect.provide(User.logout(), stubUiza(reply(200, body)).layer)
      expect(result.message).toBe("Logout success")
    }))

  it.effect("falls back to the top-level message when data has none", () =>
    Effect.gen(function*() {
      for (const data of [null, [], {}, { message: 7 }]) {
        const body = JSON.stringify({ data, message: "Logout success", code: 200, type: "SUCCESS" })
        const result = yield* Effect.provide(User.logout(), stubUiza(reply(200, body)).layer)
        expect(result.message).toBe("Logout success")
      }
    }))

  it.effect("drops metadata that does not decode instead of failing a logout that happened", () =>
    Effect.gen(function*() {
      const body = JSON.stringify({ message: "Logout success", requestId: 12, datetime: "not a date", version: "3" })
      const result = yield* Effect.provide(User.logout(), stubUiza(reply(200, body)).layer)
      expect({ ...result }).toEqual({ message: "Logout success" })
    }))

  it.effect("a 2xx other than 200 is a success too", () =>
    Effect.gen(function*() {
      const result = yield* Effect.provide(User.logout(), stubUiza(reply(201, fixture("logout-200-flat.json"))).layer)
      expect(result.message).toBe("Logout success")
    }))

  it("LogoutResult round-trips through its schema", () => {
    const result = User.LogoutResult.make({ message: "Logout success", datetime: new Date(0), requestId: "r" })
    const encoded = Schema.encodeSync(User.LogoutResult)(result)
    expect(Schema.decodeSync(User.LogoutResult)(encoded)).toEqual(result)
  })
})

describe("User.logout on a fetch-based HttpClient", () => {
  // A fetch that records the init it was called with and answers the documented reply.
  const recordingFetch = () => {
    const inits: Array<RequestInit> = []
    const fetch = (_input: RequestInfo | URL, init?: RequestInit) => {
      inits.push(init ?? {})
      return Promise.resolve(new Response(fixture("logout-200-documented.json"), { status: 200 }))
    }
    return { inits, fetch: fetch as typeof globalThis.fetch }
  }

  const config = UizaConfig.layer({ workspaceApiDomain: "api.uiza.example", authorization: token })

  it.effect("asks fetch not to follow redirects, so a redirect is never followed with the token", () =>
    Effect.gen(function*() {
      const recorded = recordingFetch()
      yield* User.logout().pipe(
        Effect.provide([FetchHttpClient.layer, config]),
        Effect.provideService(FetchHttpClient.Fetch, recorded.fetch)
      )
      expect(recorded.inits).toHaveLength(1)
      expect(recorded.inits[0].redirect).toBe("manual")
    }))

  it.effect("keeps the rest of the user's RequestInit", () =>
    Effect.gen(function*() {
      const recorded = recordingFetch()
      yield* User.logout().pipe(
        Effect.provide([FetchHttpClient.layer, config]),
        Effect.provideService(FetchHttpClient.Fetch, recorded.fetch),
        Effect.provideService(FetchHttpClient.RequestInit, { credentials: "omit", redirect: "follow", keepalive: true })
      )
      expect(recorded.inits[0]).toMatchObject({ credentials: "omit", keepalive: true, redirect: "manual" })
    }))
})
