/**
 * Notices a Uiza call of the kit that waits on a `TestClock` nobody moves.
 *
 * Under `it.effect` time moves only when the test moves it, so a retry
 * backoff, a `UizaTest.delay` fault or a timeout of a call never ends unless
 * the test runs the call in `UizaTest.fastForward` or adjusts the clock: left
 * alone, the test hangs until the test runner's own timeout, with no hint.
 *
 * The kit's layer swaps the `TestClock` for one that behaves the same (the
 * same time, the same sleeps, `TestClock.adjust` and `fastForward` work as
 * before) but watches, on the real clock, each sleep of a call the kit has
 * answered: when the test clock has not moved for a while of real time, the
 * call dies with a {@link StalledTestClock} that says what to do. Other sleeps
 * (the test's own, a call the kit never saw) are left alone.
 *
 * @internal
 */
import type * as Chunk from "effect/Chunk"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Layer from "effect/Layer"
import type * as TestClock from "effect/TestClock"
import * as Tracer from "effect/Tracer"

/**
 * The defect of a call that waits on a `TestClock` nobody moves.
 *
 * @internal
 */
export class StalledTestClock extends Error {
  readonly _tag = "StalledTestClock"
  constructor(message: string) {
    super(message)
    this.name = "StalledTestClock"
  }
}

/** What the sleep of a call waits for, when the kit knows. */
export type Purpose = "retry" | "timeout" | "delay"

const purposeText: Readonly<Record<Purpose, string>> = {
  retry: "before a retry (backoff or Retry-After)",
  timeout: "for a timeout",
  delay: "for a UizaTest.delay fault"
}

// Set by the kit around the sleep of its own `delay` fault.
const currentPurpose = FiberRef.unsafeMake<Purpose | undefined>(undefined)

/**
 * The message of {@link StalledTestClock}.
 *
 * @internal
 */
export const stalledMessage = (operation: string, waitMillis: number, purpose: Purpose, limitMillis: number): string =>
  `UizaTest: ${operation} is waiting ${waitMillis} ms on the TestClock ${purposeText[purpose]}, ` +
  `and nothing has moved the clock for ${limitMillis} ms of real time. Under it.effect time moves only when ` +
  `the test moves it: run the call in UizaTest.fastForward(...), move the clock with TestClock.adjust, ` +
  `turn retries off with maxRetries: 0, or use it.live.`

const isTestClock = (clock: Clock.Clock): clock is TestClock.TestClock => "sleeps" in clock && "adjust" in clock

const TICK_MILLIS = 25

// Dies once `clock` has not moved for `limitMillis` of real time. The ticks are plain timers,
// not fiber wake-ups, so a `TestClock` that waits for the test's fibers to settle before it
// moves sees this one settled. A tick that comes late (a busy machine) counts as two at most:
// only time the test could have used counts.
const watchdog = (clock: TestClock.TestClock, limitMillis: number, stalled: () => StalledTestClock) =>
  Effect.async<never>((resume) => {
    let instant = clock.unsafeCurrentTimeMillis()
    let still = 0
    let last = Date.now()
    const tick = () => {
      const now = Date.now()
      still += Math.min(now - last, 2 * TICK_MILLIS)
      last = now
      const current = clock.unsafeCurrentTimeMillis()
      if (current !== instant) {
        instant = current
        still = 0
      }
      if (still >= limitMillis) resume(Effect.die(stalled()))
      else timer = setTimeout(tick, TICK_MILLIS)
    }
    let timer = setTimeout(tick, TICK_MILLIS)
    return Effect.sync(() => clearTimeout(timer))
  })

/**
 * The calls the kit has answered, known by their span, and how many of
 * their requests it is answering now.
 *
 * @internal
 */
export interface ClockWatch {
  /** Runs the kit's answer to a request, for the call whose span is current. */
  readonly answering: <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  /** The sleep of a `delay` fault. */
  readonly delay: (duration: Duration.Duration) => Effect.Effect<void>
  /** Swaps a `TestClock` for the watching one while the layer lives; nothing on any other clock. */
  readonly layer: Layer.Layer<never>
}

class WatchingTestClock implements TestClock.TestClock {
  readonly [Clock.ClockTypeId]: Clock.ClockTypeId = Clock.ClockTypeId
  constructor(
    readonly underlying: TestClock.TestClock,
    readonly watched: (sleep: Effect.Effect<void>, clock: TestClock.TestClock, millis: number) => Effect.Effect<void>
  ) {}
  get currentTimeMillis(): Effect.Effect<number> {
    return this.underlying.currentTimeMillis
  }
  get currentTimeNanos(): Effect.Effect<bigint> {
    return this.underlying.currentTimeNanos
  }
  unsafeCurrentTimeMillis(): number {
    return this.underlying.unsafeCurrentTimeMillis()
  }
  unsafeCurrentTimeNanos(): bigint {
    return this.underlying.unsafeCurrentTimeNanos()
  }
  sleep(duration: Duration.Duration): Effect.Effect<void> {
    return this.watched(this.underlying.sleep(duration), this.underlying, Duration.toMillis(duration))
  }
  adjust(duration: Duration.DurationInput): Effect.Effect<void> {
    return this.underlying.adjust(duration)
  }
  adjustWith(duration: Duration.DurationInput) {
    return this.underlying.adjustWith(duration)
  }
  get save(): Effect.Effect<Effect.Effect<void>> {
    return this.underlying.save
  }
  setTime(time: number): Effect.Effect<void> {
    return this.underlying.setTime(time)
  }
  get sleeps(): Effect.Effect<Chunk.Chunk<number>> {
    return this.underlying.sleeps
  }
}

/**
 * A watch for one build of the kit. `limit` is how long of real time a call
 * may wait on a clock nobody moves; an infinite limit watches nothing.
 *
 * @internal
 */
export const make = (limit: Duration.Duration): ClockWatch => {
  // The spans of the calls the kit answered, with the number of their requests in progress.
  const calls = new WeakMap<Tracer.AnySpan, { inProgress: number }>()
  const limitMillis = Duration.toMillis(limit)

  const answering = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.withFiberRuntime((fiber) => {
      const span = Context.getOption(fiber.currentContext, Tracer.ParentSpan)
      if (span._tag === "None") return self
      const call = calls.get(span.value) ?? { inProgress: 0 }
      calls.set(span.value, call)
      call.inProgress++
      return Effect.ensuring(self, Effect.sync(() => call.inProgress--))
    })

  const watched = (sleep: Effect.Effect<void>, clock: TestClock.TestClock, millis: number) =>
    Effect.withFiberRuntime<void>((fiber) => {
      const span = Context.getOption(fiber.currentContext, Tracer.ParentSpan)
      const call = span._tag === "Some" ? calls.get(span.value) : undefined
      if (span._tag === "None" || call === undefined) return sleep
      const operation = span.value._tag === "Span" ? span.value.name : "A Uiza call"
      const purpose: Purpose = fiber.getFiberRef(currentPurpose) ?? (call.inProgress > 0 ? "timeout" : "retry")
      // A timeout races the wait it bounds (a delay fault): when both stall, the delay is the one to name.
      const patience = purpose === "timeout" ? limitMillis + 4 * TICK_MILLIS : limitMillis
      return Effect.raceFirst(
        sleep,
        watchdog(
          clock,
          patience,
          () => new StalledTestClock(stalledMessage(operation, Math.round(millis), purpose, limitMillis))
        )
      )
    })

  const layer = Duration.isFinite(limit)
    ? Layer.scopedDiscard(
      Effect.clockWith((clock) =>
        isTestClock(clock) && !(clock instanceof WatchingTestClock && clock.watched === watched)
          ? Effect.withClockScoped(new WatchingTestClock(clock, watched))
          : Effect.void
      )
    )
    : Layer.empty

  return {
    answering,
    delay: (duration) => Effect.locally(Effect.sleep(duration), currentPurpose, "delay"),
    layer
  }
}
