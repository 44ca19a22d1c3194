import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { describe, expect, it } from "@effect/vitest"
import { UizaConfig, User } from "@uiza-effect/core"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import { performance } from "node:perf_hooks"
import * as FaultServer from "../support/faultServer.js"
import { logout, logoutError, TOKEN } from "../support/uiza.js"

describe("timeouts on a real socket", () => {
  it.scopedLive("headers then a stalled body: TimeoutError in phase body, one attempt", () =>
    Effect.gen(function*() {
      const server = yield* FaultServer.make([
        { _tag: "StallBody", status: 200, headers: { "content-type": "application/json" }, firstChunk: "{\"data\":" }
      ])
      const error = yield* logoutError(server.url, { timeout: "300 millis" })
      expect(error._tag).toBe("TimeoutError")
      if (error._tag !== "TimeoutError") return
      expect(error.phase).toBe("body")
      expect(error.possiblyDelivered).toBe(true)
      expect(error.attempts).toBe(1)
      expect(server.requests.length).toBe(1)
      // The timed-out attempt hung up: nothing keeps reading in the background.
      yield* FaultServer.eventually(() => server.openSockets() === 0, 2_000, "the stalled socket to close")
    }))

  it.scopedLive("no headers at all: TimeoutError in phase response, one attempt", () =>
    Effect.gen(function*() {
      const server = yield* FaultServer.make([{ _tag: "StallBeforeHeaders" }])
      const error = yield* logoutError(server.url, { maxRetries: 3 }, { timeout: "300 millis" })
      expect(error._tag).toBe("TimeoutError")
      if (error._tag !== "TimeoutError") return
      expect(error.phase).toBe("response")
      expect(error.possiblyDelivered).toBe(true)
      expect(error.attempts).toBe(1)
      expect(server.requests.length).toBe(1)
      // The request was cancelled at the limit: its socket is closed, not left waiting for headers.
      yield* FaultServer.eventually(() => server.openSockets() === 0, 2_000, "the stalled socket to close")
    }))

  it.scopedLive("a slow but complete reply within the timeout succeeds", () =>
    Effect.gen(function*() {
      const server = yield* FaultServer.make([{ ...FaultServer.logoutSuccess(), delayMs: 150 }])
      const result = yield* logout(server.url, { timeout: "5 seconds" })
      expect(result._tag).toBe("Right")
    }))
})

describe("connection faults on a real socket", () => {
  it.scopedLive("a reset after the request was read: ConnectionError, possibly delivered, not retried", () =>
    Effect.gen(function*() {
      const server = yield* FaultServer.make([{ _tag: "ResetAfterRead" }, FaultServer.logoutSuccess()])
      const error = yield* logoutError(server.url, { maxRetries: 3 })
      expect(error._tag).toBe("ConnectionError")
      if (error._tag !== "ConnectionError") return
      expect(error.possiblyDelivered).toBe(true)
      expect(error.retryable).toBe(false)
      expect(error.attempts).toBe(1)
      expect(server.requests.length).toBe(1)
    }))

  it.scopedLive("a reset before the request was read: a typed ConnectionError", () =>
    Effect.gen(function*() {
      const server = yield* FaultServer.make([{ _tag: "ResetBeforeRead" }])
      const error = yield* logoutError(server.url, { maxRetries: 2 })
      expect(error._tag).toBe("ConnectionError")
      if (error._tag !== "ConnectionError") return
      // The reset may come before undici writes the request (then nothing was sent, and the
      // logout is tried again) or after it: then the client cannot tell whether its bytes were
      // read, assumes they may have been, and does not retry a logout that may have revoked the token.
      expect(error.retryable).toBe(!error.possiblyDelivered)
      expect(error.attempts).toBe(error.possiblyDelivered ? error.attempts : 3)
      expect(server.requests.length).toBe(error.attempts)
    }))

  it.scopedLive("connection refused: ConnectionError, not delivered, retried maxRetries times", () =>
    Effect.gen(function*() {
      const url = yield* FaultServer.closedPort
      const error = yield* logoutError(url, { maxRetries: 2 })
      expect(error._tag).toBe("ConnectionError")
      if (error._tag !== "ConnectionError") return
      expect(error.reason).toBe("ECONNREFUSED")
      expect(error.possiblyDelivered).toBe(false)
      expect(error.retryable).toBe(true)
      expect(error.attempts).toBe(3)
    }))

  it.scopedLive("half a JSON body then a close: a typed error, for 200 and for 503", () =>
    Effect.gen(function*() {
      const body = JSON.stringify({ data: { message: "Logout success" }, code: 200, type: "SUCCESS", message: "OK" })
      for (const status of [200, 503]) {
        const server = yield* FaultServer.make([
          { _tag: "HalfBody", status, headers: { "content-type": "application/json" }, body }
        ])
        const error = yield* logoutError(server.url, { maxRetries: 0, timeout: "5 seconds" })
        expect(["ResponseDecodeError", "ConnectionError", "ServiceUnavailableError"]).toContain(error._tag)
        expect(error.attempts).toBe(1)
        if (status === 200) {
          expect(error._tag).toBe("ResponseDecodeError")
        }
      }
    }))

  it.scopedLive("an HTML 502 of 1 MiB: ServerError 502, a short message, an excerpt of at most 2 KiB", () =>
    Effect.gen(function*() {
      const html = `<html><head><title>502 Bad Gateway</title></head><body>${
        "<p>upstream unavailable</p>".repeat(40_000)
      }</body></html>`.slice(0, 1024 * 1024)
      const server = yield* FaultServer.make([
        { _tag: "Reply", status: 502, headers: { "content-type": "text/html" }, body: html }
      ])
      const error = yield* logoutError(server.url, { maxRetries: 0 })
      expect(error._tag).toBe("ServerError")
      if (error._tag !== "ServerError") return
      expect(error.status).toBe(502)
      expect(error.message).not.toMatch(/<|html/i)
      expect(error.message.length).toBeLessThan(300)
      expect(Buffer.byteLength(error.bodyExcerpt ?? "")).toBeLessThanOrEqual(2048)
      expect(error.bodyExcerpt).toMatch(/^<html>/)
      expect(error.retryable).toBe(true)
    }))

  it.scopedLive("a redirect to another origin never carries the token there, and is a typed error", () =>
    Effect.gen(function*() {
      const elsewhere = yield* FaultServer.make([FaultServer.logoutSuccess()])
      for (const status of [301, 302, 303, 307, 308]) {
        const server = yield* FaultServer.make([{
          _tag: "Reply",
          status,
          headers: { location: `${elsewhere.url}/api/public/v3/admin/user/logout` }
        }])
        const error = yield* logoutError(server.url)
        expect(error._tag).toBe("ResponseDecodeError")
        expect("status" in error && error.status).toBe(status)
        expect(error.attempts).toBe(1)
        expect(server.requests[0].headers.authorization).toBe(TOKEN)
      }
      expect(elsewhere.requests.filter((request) => request.headers.authorization !== undefined)).toEqual([])
      expect(elsewhere.requests.length).toBe(0)
    }))

  it.scopedLive("on a plain FetchHttpClient too, a redirect is a typed error and is never followed", () =>
    Effect.gen(function*() {
      const elsewhere = yield* FaultServer.make([FaultServer.logoutSuccess()])
      for (const status of [302, 307]) {
        const server = yield* FaultServer.make([{ _tag: "Reply", status, headers: { location: `${elsewhere.url}/x` } }])
        const error = yield* User.logout().pipe(
          Effect.flip,
          Effect.provide([
            FetchHttpClient.layer,
            UizaConfig.layer({ workspaceApiDomain: server.url, authorization: TOKEN, maxRetries: 0 })
          ])
        )
        expect(error).toMatchObject({ _tag: "ResponseDecodeError", status })
        expect(error.message).toContain("redirect")
      }
      // Followed, a 302 would have turned into a GET there, answered "Logout success".
      expect(elsewhere.requests.length).toBe(0)
    }))
})

describe("cancellation on a real socket", () => {
  it.scopedLive("interrupting a logout mid-request closes the server's socket at once", () =>
    Effect.gen(function*() {
      const server = yield* FaultServer.make([{ _tag: "StallBeforeHeaders" }])
      const fiber = yield* Effect.fork(logout(server.url))
      yield* Effect.promise(() => server.waitForRequests(1))
      const interruptedAt = performance.now()
      yield* Fiber.interrupt(fiber)
      const closedAt = yield* Effect.promise(() => server.waitForClose(interruptedAt, 5_000))
      const latency = closedAt - interruptedAt
      console.log(`socket closed ${latency.toFixed(1)} ms after the interrupt (headers pending)`)
      expect(latency).toBeLessThan(100)
      expect(server.requests.length).toBe(1)
    }))

  it.scopedLive("interrupting while the body is being read closes the socket too", () =>
    Effect.gen(function*() {
      const server = yield* FaultServer.make([{ _tag: "StallBody", status: 200, firstChunk: "{" }])
      const fiber = yield* Effect.fork(logout(server.url))
      yield* Effect.promise(() => server.waitForRequests(1))
      yield* Effect.sleep("50 millis")
      const interruptedAt = performance.now()
      yield* Fiber.interrupt(fiber)
      const closedAt = yield* Effect.promise(() => server.waitForClose(interruptedAt, 5_000))
      const latency = closedAt - interruptedAt
      console.log(`socket closed ${latency.toFixed(1)} ms after the interrupt (body pending)`)
      expect(latency).toBeLessThan(100)
    }))
})
