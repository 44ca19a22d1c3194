import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { describe, expect, inject, it } from "@effect/vitest"
import { BrowserUiza } from "@uiza-effect/browser"
import { User } from "@uiza-effect/core"
import * as Effect from "effect/Effect"

const serverUrl = inject("uizaServerUrl")
const tokens = inject("uizaTokens")
const deadUrl = inject("deadServerUrl")
const noCorsUrl = inject("noCorsServerUrl")

describe("BrowserUiza in Chromium", () => {
  it("runs in a real browser, on another origin than the server", () => {
    expect(navigator.userAgent).toMatch(/Chrome/)
    expect(new URL(serverUrl).origin).not.toBe(location.origin)
  })

  it.effect("logs out cross-origin, then gets a typed 401 with the same token", () =>
    Effect.gen(function*() {
      const layer = BrowserUiza.layer({ workspaceApiDomain: serverUrl, authorization: tokens[0] })
      const result = yield* Effect.provide(User.logout(), layer)
      expect(result.message).toBe("Logout success")
      expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/)

      const error = yield* Effect.flip(Effect.provide(User.logout(), layer))
      expect(error._tag).toBe("UnauthorizedError")
      if (error._tag !== "UnauthorizedError") return
      expect(error.status).toBe(401)
      expect(error.code).toBe(401)
      expect(error.attempts).toBe(1)
      expect(error.descriptionLink).toBe("https://docs.uiza.io/#log-out")
    }))

  it.effect("sends no trace headers and no cookies, and never follows redirects, even inside a traced program", () =>
    Effect.gen(function*() {
      // The real fetch, observed: what the page actually sends cross-origin.
      const sent: Array<{ readonly headers: Headers; readonly init: RequestInit }> = []
      const observedFetch: typeof fetch = (input, init) => {
        sent.push({ headers: new Headers(init?.headers), init: init ?? {} })
        return fetch(input, init)
      }
      const layer = BrowserUiza.layer({ workspaceApiDomain: serverUrl, authorization: tokens[3] })
      const result = yield* User.logout().pipe(
        Effect.provide(layer),
        Effect.provideService(FetchHttpClient.Fetch, observedFetch),
        Effect.withSpan("app.signOut")
      )
      expect(result.message).toBe("Logout success")
      expect(sent).toHaveLength(1)
      const [{ headers, init }] = sent
      // Trace headers would need the API's CORS rules to allow them: they are off.
      expect(headers.has("traceparent")).toBe(false)
      expect(headers.has("b3")).toBe(false)
      expect([...headers.keys()].sort()).toEqual(["accept", "authorization", "content-type"])
      expect(init).toMatchObject({ credentials: "omit", redirect: "manual", mode: "cors" })
    }))

  it.effect("a CORS refusal and a refused port are the same ConnectionError, whose message names CORS", () =>
    Effect.gen(function*() {
      const failureAt = (domain: string) =>
        Effect.flip(
          Effect.provide(User.logout(), BrowserUiza.layer({ workspaceApiDomain: domain, authorization: tokens[4] }))
        )
      const refusedByCors = yield* failureAt(noCorsUrl)
      const refusedPort = yield* failureAt(deadUrl)
      for (const [error, origin] of [[refusedByCors, noCorsUrl], [refusedPort, deadUrl]] as const) {
        expect(error).toMatchObject({ _tag: "ConnectionError", reason: "NETWORK", possiblyDelivered: true })
        expect(error.message).toContain(origin)
        expect(error.message).toContain("a likely cause is CORS")
        expect(error.message).toContain("Authorization and Content-Type")
        expect(error.message).not.toContain(tokens[4])
      }
      expect(refusedByCors.message.replace(noCorsUrl, "")).toBe(refusedPort.message.replace(deadUrl, ""))
    }))
})
