import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import { describe, expect, it } from "@effect/vitest"
import { UizaConfig, type UizaError, User } from "@uiza-effect/core"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as TestClock from "effect/TestClock"
import { token } from "./support/stubHttpClient.js"

// An HttpClient whose every request fails in the transport, as undici or fetch report it.
const failingUiza = (cause: unknown, reason: "Transport" | "Encode" | "InvalidUrl" = "Transport", maxRetries = 2) => {
  let requests = 0
  const client = HttpClient.make((request) =>
    Effect.suspend(() => {
      requests++
      return Effect.fail(new HttpClientError.RequestError({ request, reason, cause }))
    })
  )
  const layer = Layer.merge(
    Layer.succeed(HttpClient.HttpClient, client),
    UizaConfig.layer({ workspaceApiDomain: "api.uiza.example", authorization: token, maxRetries })
  )
  return { layer, requests: () => requests }
}

const systemError = (code: string) => Object.assign(new Error(`connect ${code} 10.0.0.1:443`), { code })
// fetch wraps the system error: TypeError("fetch failed", { cause })
const fetchFailure = (code: string) => new TypeError("fetch failed", { cause: systemError(code) })

// Runs a logout to its end, letting the TestClock through every backoff.
const runToEnd = (layer: Layer.Layer<HttpClient.HttpClient | UizaConfig.UizaConfig, UizaError.UizaConfigError>) =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(Effect.flip(Effect.provide(User.logout(), layer)))
    yield* TestClock.adjust("1 minute")
    return yield* Fiber.join(fiber)
  })

describe("transport failures", () => {
  it.effect.each([
    ["ECONNREFUSED", "the connection was refused"],
    ["ENOTFOUND", "the host name could not be resolved"],
    ["EAI_AGAIN", "temporary DNS failure"],
    ["UND_ERR_CONNECT_TIMEOUT", "connecting timed out"],
    ["EHOSTUNREACH", "the host is unreachable"]
  ])(
    "%s happened before anything was sent: retried, then a ConnectionError",
    ([code, words]) =>
      Effect.gen(function*() {
        const uiza = failingUiza(fetchFailure(code))
        const error = yield* runToEnd(uiza.layer)
        expect(error).toMatchObject({
          _tag: "ConnectionError",
          reason: code,
          possiblyDelivered: false,
          retryable: true,
          attempts: 3
        })
        expect(error.message).toContain(words)
        expect(error.message).toContain("https://api.uiza.example")
        expect(uiza.requests()).toBe(3)
      })
  )

  it.effect.each(["ECONNRESET", "UND_ERR_SOCKET", "EPIPE"])(
    "%s may have happened after the request was written: not retried",
    (code) =>
      Effect.gen(function*() {
        const uiza = failingUiza(systemError(code))
        const error = yield* runToEnd(uiza.layer)
        expect(error).toMatchObject({ _tag: "ConnectionError", reason: code, possiblyDelivered: true, attempts: 1 })
        expect(error.message).toContain("may have been delivered")
        expect(uiza.requests()).toBe(1)
      })
  )

  it.effect("a failure with no code (a browser's failed fetch) is treated as possibly delivered", () =>
    Effect.gen(function*() {
      const uiza = failingUiza(new TypeError("Failed to fetch"))
      const error = yield* runToEnd(uiza.layer)
      expect(error).toMatchObject({ _tag: "ConnectionError", reason: "NETWORK", possiblyDelivered: true, attempts: 1 })
      // A browser says the same for a CORS refusal as for a refused port: the message names CORS.
      expect(error.message).toContain("a likely cause is CORS")
      expect(error.message).toContain("Authorization and Content-Type")
    }))

  it.effect("a failure with a system code does not blame CORS", () =>
    Effect.gen(function*() {
      const error = yield* runToEnd(failingUiza(systemError("ECONNRESET")).layer)
      expect(error.message).not.toContain("CORS")
    }))

  it.effect.each([
    "CERT_HAS_EXPIRED",
    "ERR_TLS_CERT_ALTNAME_INVALID",
    "DEPTH_ZERO_SELF_SIGNED_CERT",
    "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    "HOSTNAME_MISMATCH"
  ])(
    "a TLS failure (%s) sent nothing and is not retried",
    (code) =>
      Effect.gen(function*() {
        const uiza = failingUiza(systemError(code))
        const error = yield* runToEnd(uiza.layer)
        expect(error).toMatchObject({
          _tag: "ConnectionError",
          reason: code,
          possiblyDelivered: false,
          retryable: false
        })
        expect(uiza.requests()).toBe(1)
      })
  )

  it.effect.each([["Encode", "ENCODE"], ["InvalidUrl", "INVALID_URL"]] as const)(
    "a local fault (%s) sends nothing and is not retried",
    ([reason, tag]) =>
      Effect.gen(function*() {
        const uiza = failingUiza(new Error("local"), reason)
        const error = yield* runToEnd(uiza.layer)
        expect(error).toMatchObject({
          _tag: "ConnectionError",
          reason: tag,
          possiblyDelivered: false,
          retryable: false
        })
        expect(error.message).toContain("nothing was sent")
        expect(uiza.requests()).toBe(1)
      })
  )

  it.effect("maxRetries 0 makes a single attempt", () =>
    Effect.gen(function*() {
      const uiza = failingUiza(systemError("ECONNREFUSED"), "Transport", 0)
      const error = yield* runToEnd(uiza.layer)
      expect(error).toMatchObject({ _tag: "ConnectionError", attempts: 1 })
      expect(uiza.requests()).toBe(1)
    }))

  it.effect("a per-call maxRetries overrides the client's", () =>
    Effect.gen(function*() {
      const uiza = failingUiza(systemError("ECONNREFUSED"), "Transport", 0)
      const fiber = yield* Effect.fork(Effect.flip(Effect.provide(User.logout({ maxRetries: 4 }), uiza.layer)))
      yield* TestClock.adjust("2 minutes")
      const error = yield* Fiber.join(fiber)
      expect(error).toMatchObject({ _tag: "ConnectionError", attempts: 5 })
      expect(uiza.requests()).toBe(5)
    }))
})
