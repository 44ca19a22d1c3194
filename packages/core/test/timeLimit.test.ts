import { describe, expect, it } from "@effect/vitest"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as TestClock from "effect/TestClock"
import { withTimeLimit } from "../src/internal/timeLimit.js"

class TimedOut {
  readonly _tag = "TimedOut"
}

// An effect that never ends by itself, and says when it was interrupted.
const hangs = (interrupted: Deferred.Deferred<void>) =>
  Effect.never.pipe(Effect.onInterrupt(() => Deferred.succeed(interrupted, undefined)))

describe("withTimeLimit", () => {
  it.live("on the default Clock: fails once the limit passes, after the effect has stopped", () =>
    Effect.gen(function*() {
      const interrupted = yield* Deferred.make<void>()
      const clock = yield* Effect.clock
      const started = Date.now()
      const error = yield* Effect.flip(
        withTimeLimit(hangs(interrupted), clock, Duration.millis(30), () => new TimedOut())
      )
      expect(error).toBeInstanceOf(TimedOut)
      expect(Date.now() - started).toBeGreaterThanOrEqual(25)
      expect(yield* Deferred.isDone(interrupted)).toBe(true)
    }))

  it.effect("on a TestClock: adjusting the clock fires the limit, and nothing else does", () =>
    Effect.gen(function*() {
      const interrupted = yield* Deferred.make<void>()
      const clock = yield* Effect.clock
      const fiber = yield* Effect.fork(
        withTimeLimit(hangs(interrupted), clock, Duration.seconds(10), () => new TimedOut())
      )
      yield* TestClock.adjust("9 seconds")
      expect(fiber.unsafePoll()).toBeNull()
      yield* TestClock.adjust("1 second")
      const exit = yield* Fiber.await(fiber)
      expect(exit).toStrictEqual(Exit.fail(new TimedOut()))
      expect(yield* Deferred.isDone(interrupted)).toBe(true)
    }))

  it.effect("on a TestClock: an effect's own failure ends it at once, without waiting for the limit", () =>
    Effect.gen(function*() {
      const clock = yield* Effect.clock
      const fiber = yield* Effect.fork(
        withTimeLimit(Effect.delay(Effect.fail("own"), "1 second"), clock, Duration.seconds(10), () => new TimedOut())
      )
      yield* TestClock.adjust("1 second")
      expect(yield* Fiber.await(fiber)).toStrictEqual(Exit.fail("own"))
    }))

  it.live("an effect that ends in time gives its own result, failures included", () =>
    Effect.gen(function*() {
      const clock = yield* Effect.clock
      expect(yield* withTimeLimit(Effect.succeed(1), clock, Duration.seconds(1), () => new TimedOut())).toBe(1)
      const failure = yield* Effect.flip(
        withTimeLimit(Effect.fail("own"), clock, Duration.seconds(1), () => new TimedOut())
      )
      expect(failure).toBe("own")
    }))

  it.live("interrupting the caller interrupts the effect, and it is not reported as a time-out", () =>
    Effect.gen(function*() {
      const interrupted = yield* Deferred.make<void>()
      const clock = yield* Effect.clock
      const fiber = yield* Effect.fork(
        withTimeLimit(hangs(interrupted), clock, Duration.seconds(30), () => new TimedOut())
      )
      yield* Effect.sleep("10 millis")
      const exit = yield* Fiber.interrupt(fiber)
      expect(Exit.isInterrupted(exit)).toBe(true)
      expect(yield* Deferred.isDone(interrupted)).toBe(true)
    }))
})

describe("withTimeLimit, limits a timer cannot hold", () => {
  it.live("a limit longer than a JavaScript timer can hold is never, not now", () =>
    Effect.gen(function*() {
      const clock = yield* Effect.clock
      const result = yield* withTimeLimit(
        Effect.delay(Effect.succeed("done"), "20 millis"),
        clock,
        Duration.days(30),
        () => new TimedOut()
      )
      expect(result).toBe("done")
    }))
})
