/**
 * Retries follow idempotency, for every operation, on a real socket: the
 * fault server counts the requests that reached it.
 *
 * - Repeatable operations retry what the server says to try again (500,
 *   502, 503, 504) and what never left the machine (a refused connection).
 * - `create`, `changePassword` and `Auth.createToken` are never sent again
 *   once a request may have arrived (a 5xx, a reset after the server read
 *   the request): the server sees exactly one. A refused connection sent
 *   nothing, so it is retried.
 * - For every operation, a reset after the server read the request is not
 *   retried: the client cannot tell whether it took effect (a logout or a
 *   delete repeated would meet 401 or 404), and the error says so.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import type * as Tracer from "effect/Tracer"
import { capture } from "../support/capture.js"
import * as FaultServer from "../support/faultServer.js"
import { type Operation, operations, run } from "../support/operations.js"

const repeatable = operations.filter((operation) => operation.idempotent)
const notRepeatable = operations.filter((operation) => !operation.idempotent)

const attemptsOf = (spans: ReadonlyArray<Tracer.Span>, name: string) =>
  spans.find((span) => span.name === `Uiza.${name}`)?.attributes.get("uiza.attempts")

const errorOf = (operation: Operation, url: string, maxRetries = 2) =>
  Effect.flatMap(run(operation, url, { maxRetries }), (either) =>
    either._tag === "Left"
      ? Effect.succeed(either.left)
      : Effect.dieMessage(`expected ${operation.name} to fail`))

/**
 * A port that refuses the first attempt: the server opens on it only once
 * that attempt has started (its debug log line) and had time to be refused,
 * well before the first backoff (at least 375 ms) ends.
 */
const refusedThenServed = (operation: Operation) =>
  Effect.gen(function*() {
    const refusedUrl = yield* FaultServer.closedPort
    const firstAttempt = yield* Deferred.make<void>()
    const watcher = Logger.make(({ message }) => {
      if (String(message).includes(`${operation.name}: attempt 1`)) Deferred.unsafeDone(firstAttempt, Effect.void)
    })
    const call = yield* Effect.fork(
      capture(run(operation, refusedUrl, { maxRetries: 2 })).pipe(
        Effect.provide(Logger.add(watcher)),
        Logger.withMinimumLogLevel(LogLevel.Debug)
      )
    )
    yield* Deferred.await(firstAttempt)
    yield* Effect.sleep("100 millis")
    const server = yield* FaultServer.make([operation.success], { port: Number(new URL(refusedUrl).port) })
    const { exit, spans } = yield* Fiber.join(call)
    return { exit, server, attempts: attemptsOf(spans, operation.name) }
  })

describe("retries follow idempotency on a real socket", () => {
  it("the operations split as documented", () => {
    expect(repeatable.map((operation) => operation.name)).toEqual([
      "User.retrieve",
      "User.list",
      "User.update",
      "User.delete",
      "User.logout",
      "Auth.checkToken"
    ])
    expect(notRepeatable.map((operation) => operation.name)).toEqual([
      "User.create",
      "User.changePassword",
      "Auth.createToken"
    ])
  })

  describe.each(repeatable)("$name, repeatable", (operation) => {
    it.scopedLive(
      "500, 502, 503, 504 are retried, then the success is returned",
      () =>
        Effect.forEach([500, 502, 503, 504], (status) =>
          Effect.gen(function*() {
            const server = yield* FaultServer.make([FaultServer.errorEnvelope(status), operation.success])
            const result = yield* run(operation, server.url, { maxRetries: 2 })
            expect(result._tag).toBe("Right")
            expect(server.requests).toHaveLength(2)
          }), { concurrency: "unbounded", discard: true }),
      { timeout: 20_000 }
    )

    it.scopedLive("503 every time: maxRetries + 1 requests, the last error", () =>
      Effect.gen(function*() {
        const server = yield* FaultServer.make([FaultServer.errorEnvelope(503)])
        const error = yield* errorOf(operation, server.url, 1)
        expect(error).toMatchObject({ _tag: "ServiceUnavailableError", status: 503, attempts: 2 })
        expect(server.requests).toHaveLength(2)
      }), { timeout: 20_000 })

    it.scopedLive("a refused connection is retried: the request arrives once", () =>
      Effect.gen(function*() {
        const { attempts, exit, server } = yield* refusedThenServed(operation)
        expect(exit._tag).toBe("Success")
        if (exit._tag === "Success") expect(exit.value._tag).toBe("Right")
        expect(attempts).toBe(2)
        expect(server.requests).toHaveLength(1)
      }), { timeout: 20_000 })

    it.scopedLive(
      "a reset after the server read the request: one request, reported as possibly delivered",
      () =>
        Effect.gen(function*() {
          const server = yield* FaultServer.make([{ _tag: "ResetAfterRead" }, operation.success])
          const error = yield* errorOf(operation, server.url)
          expect(error).toMatchObject({ _tag: "ConnectionError", possiblyDelivered: true, attempts: 1 })
          expect(server.requests).toHaveLength(1)
        }),
      { timeout: 20_000 }
    )
  })

  describe.each(notRepeatable)("$name, not repeatable", (operation) => {
    it.scopedLive(
      "500, 502, 503 after the request arrived: the server counts exactly one request",
      () =>
        Effect.forEach([500, 502, 503], (status) =>
          Effect.gen(function*() {
            const server = yield* FaultServer.make([FaultServer.errorEnvelope(status), operation.success])
            const error = yield* errorOf(operation, server.url)
            expect(error).toMatchObject({ status, attempts: 1, retryable: true })
            expect(server.requests).toHaveLength(1)
          }), { concurrency: "unbounded", discard: true }),
      { timeout: 20_000 }
    )

    it.scopedLive(
      "a reset after the server read the request: exactly one request, possibly delivered",
      () =>
        Effect.gen(function*() {
          const server = yield* FaultServer.make([{ _tag: "ResetAfterRead" }, operation.success])
          const error = yield* errorOf(operation, server.url)
          expect(error).toMatchObject({ _tag: "ConnectionError", possiblyDelivered: true, attempts: 1 })
          expect(server.requests).toHaveLength(1)
        }),
      { timeout: 20_000 }
    )

    it.scopedLive(
      "a refused connection sent nothing: it is retried, and the request arrives once",
      () =>
        Effect.gen(function*() {
          const { attempts, exit, server } = yield* refusedThenServed(operation)
          expect(exit._tag).toBe("Success")
          if (exit._tag === "Success") expect(exit.value._tag).toBe("Right")
          expect(attempts).toBe(2)
          expect(server.requests).toHaveLength(1)
        }),
      { timeout: 20_000 }
    )
  })
})
