import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FiberId from "effect/FiberId"

// The Clock every program has unless it provides another (a TestClock, say).
const defaultClock = Context.get(DefaultServices.liveServices, Clock.Clock)

// Timers longer than this fire at once in JavaScript; the default Clock treats them as never.
const MAX_TIMER_MILLIS = 2 ** 31 - 1

/**
 * Runs `self` with a time limit measured on `clock`: when the limit passes
 * first, `self` is interrupted (which aborts a request in flight), and once
 * it has stopped the result is the failure `onTimeout` builds.
 *
 * On any Clock but the default one (a `TestClock`, say) it is what
 * `Effect.timeoutFail` does: the effect races the clock's sleep, each in a
 * fiber. On the default Clock, whose sleep is a `setTimeout`,
 * it forks only the effect and sets the timer itself, instead of a fiber for
 * the effect and one for the sleep whose states are merged back: that is on
 * the path of every call, and docs/benchmarks.md has what it saves.
 *
 * @internal
 */
export const withTimeLimit = <A, E, R, E2>(
  self: Effect.Effect<A, E, R>,
  clock: Clock.Clock,
  duration: Duration.Duration,
  onTimeout: () => E2
): Effect.Effect<A, E | E2, R> => {
  if (clock !== defaultClock) {
    // Written with `Effect.race`, which an app on `HttpClient` already carries, not with
    // `timeoutFail`, which it does not: the effect's exit against the sleep, the loser
    // interrupted and awaited; a sleep that wins gives `undefined`, and the failure is built
    // once the effect has stopped.
    return Effect.flatMap(
      Effect.race(Effect.exit(self), Effect.interruptible(clock.sleep(duration))),
      (exit): Effect.Effect<A, E | E2> => exit === undefined ? Effect.fail(onTimeout()) : exit
    )
  }
  const millis = Duration.toMillis(duration)
  // A limit the timer cannot hold is no limit: the default Clock treats it as never.
  if (millis > MAX_TIMER_MILLIS) return self
  return Effect.uninterruptibleMask((restore) =>
    Effect.flatMap(Effect.forkDaemon(restore(self)), (fiber) =>
      restore(Effect.async<A, E | E2>((resume) => {
        let timedOut = false
        const timer = setTimeout(() => {
          timedOut = true
          fiber.unsafeInterruptAsFork(FiberId.none)
        }, millis)
        const cancel = () => clearTimeout(timer)
        fiber.addObserver((exit) => {
          cancel()
          resume(timedOut && Exit.isFailure(exit) ? Effect.fail(onTimeout()) : exit)
        })
        // The caller is interrupted: stop the timer and the effect, and wait for the effect to stop.
        return Effect.suspend(() => {
          cancel()
          return fiber.interruptAsFork(FiberId.none).pipe(Effect.zipRight(fiber.await))
        })
      })))
  )
}

/**
 * Whether `clock` is the default Clock, whose sleeps are `setTimeout`s.
 *
 * @internal
 */
export const isDefaultClock = (clock: Clock.Clock): boolean => clock === defaultClock

/**
 * What a client that cancels its own requests has registered for the
 * current attempt (`RequestCancellation`), whether its time is up, and the
 * timer that will say so.
 *
 * @internal
 */
export interface Cancellation {
  cancel: (() => void) | undefined
  expired: boolean
  timer: ReturnType<typeof setTimeout> | undefined
}

/**
 * A cancellation with nothing registered, time left and no timer.
 *
 * @internal
 */
export const makeCancellation = (): Cancellation => ({ cancel: undefined, expired: false, timer: undefined })

/**
 * Registers `cancel` on `cancellation`: kept for the timer, or run at once
 * when the time is already up.
 *
 * @internal
 */
export const register = (cancellation: Cancellation, cancel: () => void): void => {
  if (cancellation.expired) cancel()
  else cancellation.cancel = cancel
}

/**
 * Stops the timer of `cancellation`, if it has one: its effect has ended.
 *
 * @internal
 */
export const settle = (cancellation: Cancellation): void => {
  if (cancellation.timer === undefined) return
  clearTimeout(cancellation.timer)
  cancellation.timer = undefined
}

/**
 * Starts the time limit of an attempt whose client cancels its own request
 * (`RequestCancellation`), on the default Clock: a plain timer that, when it
 * fires, marks `cancellation` expired and runs the cancel the client
 * registered last, which makes the attempt fail. No fiber is forked, which
 * is what it saves over {@link withTimeLimit} (docs/benchmarks.md).
 *
 * The caller owns the rest, in steps it has anyway: it reads a failure of
 * the attempt as a time-out when `cancellation.expired` is set, and stops
 * the timer with {@link settle} once the attempt has ended, however it
 * ended (interrupted too).
 *
 * @internal
 */
export const startCancellingTimer = (cancellation: Cancellation, duration: Duration.Duration): void => {
  const millis = Duration.toMillis(duration)
  // A limit the timer cannot hold is no limit: the default Clock treats it as never.
  if (millis > MAX_TIMER_MILLIS) return
  cancellation.timer = setTimeout(() => {
    cancellation.timer = undefined
    cancellation.expired = true
    cancellation.cancel?.()
  }, millis)
}
