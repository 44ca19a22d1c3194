import { describe, expect, inject, it } from "@effect/vitest"
import { BrowserUiza } from "@uiza-effect/browser"
import { User } from "@uiza-effect/core"
import * as Effect from "effect/Effect"

const serverUrl = inject("uizaServerUrl")
const tokens = inject("uizaTokens")

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
})
