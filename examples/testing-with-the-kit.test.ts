/**
 * Testing your own program with @uiza-effect/testing.
 *
 * `rememberLogout` below stands for application code: it logs out, treats an
 * already revoked token as done, and tells the caller whether to retry later.
 * The tests give it the in-memory Uiza API (`UizaTest.layer`), which answers
 * like the real API, with no network: each test gets a fresh API unless a
 * block shares one with `layer(...)`.
 *
 * Run with: npx vitest run --project examples
 */
import { describe, expect, it } from "@effect/vitest"
import { User } from "@uiza-effect/core"
import { UizaTest } from "@uiza-effect/testing"
import { NodeUizaTest } from "@uiza-effect/testing/node"
import { Effect, Option, Redacted } from "effect"

// --- the application code under test ----------------------------------------

type Outcome = "logged-out" | "was-already-logged-out" | "try-again-later"

const rememberLogout = User.logout().pipe(
  Effect.as<Outcome>("logged-out"),
  Effect.catchTags({
    UnauthorizedError: () => Effect.succeed<Outcome>("was-already-logged-out"),
    ServiceUnavailableError: () => Effect.succeed<Outcome>("try-again-later"),
    ConnectionError: (error) =>
      error.possiblyDelivered ? Effect.fail(error) : Effect.succeed<Outcome>("try-again-later")
  })
)

// --- the tests ---------------------------------------------------------------

describe("rememberLogout", () => {
  it.effect("logs out, and a second call finds the token revoked", () =>
    Effect.gen(function*() {
      const kit = yield* UizaTest.UizaTest
      expect(yield* rememberLogout).toBe("logged-out")
      expect(yield* kit.isValid(kit.token)).toBe(false)
      expect(yield* rememberLogout).toBe("was-already-logged-out")
    }).pipe(Effect.provide(UizaTest.layer())))

  it.effect("sends one POST with the token in Authorization", () =>
    Effect.gen(function*() {
      const kit = yield* UizaTest.UizaTest
      yield* rememberLogout
      const [request] = yield* kit.requests
      expect(request.method).toBe("POST")
      expect(new URL(request.url).pathname).toBe("/api/public/v3/admin/user/logout")
      expect(request.headers.authorization).toBe("<redacted>")
      expect(Option.map(request.authorization, Redacted.value)).toEqual(Option.some(kit.token))
    }).pipe(Effect.provide(UizaTest.layer())))

  it.effect("asks to try again later when Uiza stays unavailable (retries on the TestClock)", () =>
    Effect.gen(function*() {
      const kit = yield* UizaTest.UizaTest
      yield* kit.failNext(UizaTest.reply(503), 3) // the first attempt and both retries
      expect(yield* UizaTest.fastForward(rememberLogout)).toBe("try-again-later")
      expect(yield* kit.requests).toHaveLength(3)
    }).pipe(Effect.provide(UizaTest.layer({ maxRetries: 2 }))))

  it.effect("with retries off, a single 503 is enough", () =>
    Effect.gen(function*() {
      const kit = yield* UizaTest.UizaTest
      yield* kit.failNext(UizaTest.reply(503))
      expect(yield* rememberLogout).toBe("try-again-later")
    }).pipe(Effect.provide(UizaTest.layer({ maxRetries: 0 }))))

  it.effect("fails when the connection broke after the request may have been delivered", () =>
    Effect.gen(function*() {
      const kit = yield* UizaTest.UizaTest
      yield* kit.failNext(UizaTest.connectionFailure("ECONNRESET"))
      const error = yield* Effect.flip(rememberLogout)
      expect(error._tag).toBe("ConnectionError")
    }).pipe(Effect.provide(UizaTest.layer())))

  it.effect("works the same against the local server over a real socket", () =>
    Effect.gen(function*() {
      expect(yield* rememberLogout).toBe("logged-out")
      expect(yield* rememberLogout).toBe("was-already-logged-out")
    }).pipe(Effect.provide(NodeUizaTest.layer())))
})
