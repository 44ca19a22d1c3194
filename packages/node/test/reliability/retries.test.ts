import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import { performance } from "node:perf_hooks"
import * as FaultServer from "../support/faultServer.js"
import { logout, logoutError } from "../support/uiza.js"

describe("retries on a real socket", () => {
  it.scopedLive("503, 503, 200: success after 3 attempts", () =>
    Effect.gen(function*() {
      const server = yield* FaultServer.make([
        FaultServer.errorEnvelope(503),
        FaultServer.errorEnvelope(503),
        FaultServer.logoutSuccess()
      ])
      const result = yield* logout(server.url)
      expect(result._tag).toBe("Right")
      if (result._tag === "Right") expect(result.right.message).toBe("Logout success")
      expect(server.requests.length).toBe(3)
    }))

  it.scopedLive("400, 401, 404, 422: exactly one attempt", () =>
    Effect.forEach([400, 401, 404, 422], (status) =>
      Effect.gen(function*() {
        const server = yield* FaultServer.make([FaultServer.errorEnvelope(status)])
        const error = yield* logoutError(server.url)
        expect(error._tag).toBe(
          { 400: "BadRequestError", 401: "UnauthorizedError", 404: "NotFoundError", 422: "UnprocessableError" }[status]
        )
        expect(error.attempts).toBe(1)
        expect(server.requests.length).toBe(1)
      }), { concurrency: "unbounded", discard: true }))

  it.scopedLive("500, 502, 504: retried up to maxRetries", () =>
    Effect.forEach([500, 502, 504], (status) =>
      Effect.gen(function*() {
        const server = yield* FaultServer.make([FaultServer.errorEnvelope(status)])
        const error = yield* logoutError(server.url, { maxRetries: 1 })
        expect(error.attempts).toBe(2)
        expect(server.requests.length).toBe(2)
        expect("status" in error && error.status).toBe(status)
      }), { concurrency: "unbounded", discard: true }))

  it.scopedLive("maxRetries 0, per client and per call: one attempt", () =>
    Effect.gen(function*() {
      const perClient = yield* FaultServer.make([FaultServer.errorEnvelope(503)])
      const a = yield* logoutError(perClient.url, { maxRetries: 0 })
      expect(a._tag).toBe("ServiceUnavailableError")
      expect(a.attempts).toBe(1)
      expect(perClient.requests.length).toBe(1)

      const perCall = yield* FaultServer.make([FaultServer.errorEnvelope(503)])
      const b = yield* logoutError(perCall.url, { maxRetries: 5 }, { maxRetries: 0 })
      expect(b.attempts).toBe(1)
      expect(perCall.requests.length).toBe(1)
    }))

  it.scopedLive("Retry-After: 120 is not slept: one attempt, the error carries retryAfter", () =>
    Effect.gen(function*() {
      const server = yield* FaultServer.make([FaultServer.errorEnvelope(503, { "retry-after": "120" })])
      const error = yield* logoutError(server.url)
      expect(error._tag).toBe("ServiceUnavailableError")
      expect(server.requests.length).toBe(1)
      if (error._tag !== "ServiceUnavailableError") return
      expect(error.retryAfter && Duration.toSeconds(error.retryAfter)).toBe(120)
      expect(error.retryable).toBe(true)
    }))

  it.scopedLive("Retry-After as an HTTP-date is parsed", () =>
    Effect.gen(function*() {
      const date = new Date(Date.now() + 300_000).toUTCString()
      const server = yield* FaultServer.make([FaultServer.errorEnvelope(503, { "retry-after": date })])
      const error = yield* logoutError(server.url)
      expect(server.requests.length).toBe(1)
      if (error._tag !== "ServiceUnavailableError") return expect.fail(error._tag)
      const seconds = Duration.toSeconds(error.retryAfter!)
      expect(seconds).toBeGreaterThan(290)
      expect(seconds).toBeLessThanOrEqual(300)
    }))

  it.scopedLive("Retry-After: 1 is honoured: the next attempt comes no sooner than ~1 s later", () =>
    Effect.gen(function*() {
      const server = yield* FaultServer.make([
        FaultServer.errorEnvelope(503, { "retry-after": "1" }),
        FaultServer.logoutSuccess()
      ])
      const result = yield* logout(server.url)
      expect(result._tag).toBe("Right")
      expect(server.requests.length).toBe(2)
      const gap = server.requests[1].at - server.requests[0].at
      console.log(`Retry-After: 1 -> second request ${gap.toFixed(0)} ms after the first`)
      expect(gap).toBeGreaterThanOrEqual(990)
    }))

  it.scopedLive("interrupting during the backoff wait sends no further request", () =>
    Effect.gen(function*() {
      const server = yield* FaultServer.make([FaultServer.errorEnvelope(503, { "retry-after": "1" })])
      const fiber = yield* Effect.fork(logout(server.url))
      yield* Effect.promise(() => server.waitForRequests(1))
      yield* Effect.sleep("100 millis")
      // The wait is at least 1 s; interrupting it must end it at once, not when it is over.
      const interruptedAt = performance.now()
      yield* Fiber.interrupt(fiber)
      expect(performance.now() - interruptedAt).toBeLessThan(100)
      yield* Effect.sleep("1500 millis")
      expect(server.requests.length).toBe(1)
    }))

  it.scopedLive("an overall deadline bounds attempts and the waits between them", () =>
    Effect.gen(function*() {
      // Backoff waits of 0.375-0.5 s, then 0.75-1 s: the deadline ends during the second wait.
      const server = yield* FaultServer.make([FaultServer.errorEnvelope(503)])
      const error = yield* logoutError(server.url, { maxRetries: 5 }, { deadline: "800 millis" })
      expect(error._tag).toBe("TimeoutError")
      if (error._tag !== "TimeoutError") return
      expect(error.phase).toBe("deadline")
      expect(error.attempts).toBe(2)
      // Both attempts were answered (503): the deadline ran out during a wait, nothing was delivered.
      expect(error.possiblyDelivered).toBe(false)
      expect(server.requests.length).toBe(2)

      const stalled = yield* FaultServer.make([FaultServer.errorEnvelope(502), { _tag: "StallBeforeHeaders" }])
      const late = yield* logoutError(stalled.url, {}, { deadline: "1 second" })
      expect(late._tag).toBe("TimeoutError")
      if (late._tag !== "TimeoutError") return
      expect(late.phase).toBe("deadline")
      expect(late.attempts).toBe(2)
      expect(late.possiblyDelivered).toBe(true)
    }))

  it.scopedLive("a Retry-After longer than what is left of the deadline fails at once with the server's answer", () =>
    Effect.gen(function*() {
      const server = yield* FaultServer.make([FaultServer.errorEnvelope(503, { "retry-after": "30" })])
      const error = yield* logoutError(server.url, { deadline: "10 seconds" })
      expect(error._tag).toBe("ServiceUnavailableError")
      if (error._tag !== "ServiceUnavailableError") return
      expect(error.retryAfter && Duration.toSeconds(error.retryAfter)).toBe(30)
      expect(error.attempts).toBe(1)
      expect(server.requests.length).toBe(1)
    }))
})
