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

const noop = () => {}

/**
 * Calls `task` once `duration` has passed on `clock`, unless the returned
 * function cancels it first. The default Clock sleeps with `setTimeout`, so
 * its timers are set directly; any other Clock (such as a `TestClock`) gets a
 * fiber that sleeps on it, so that adjusting the clock fires the timer.
 *
 * @internal
 */
export const schedule = (clock: Clock.Clock, duration: Duration.Duration, task: () => void): () => void => {
  if (clock === defaultClock) {
    const millis = Duration.toMillis(duration)
    if (millis > MAX_TIMER_MILLIS) return noop
    const handle = setTimeout(task, millis)
    return () => clearTimeout(handle)
  }
  const sleeper = Effect.runFork(Effect.zipRight(clock.sleep(duration), Effect.sync(task)))
  return () => sleeper.unsafeInterruptAsFork(FiberId.none)
}

/**
 * Runs `self` with a time limit measured on `clock`: when the limit passes
 * first, `self` is interrupted (which aborts a request in flight), and once
 * it has stopped the result is the failure `onTimeout` builds.
 *
 * Unlike `Effect.timeoutFail`, which forks a fiber for the effect and one for
 * the sleep and merges the winner's state back, this forks only the effect
 * and, on the default Clock, sets a plain timer: a fraction of the cost on
 * the path of every call.
 *
 * @internal
 */
export const withTimeLimit = <A, E, R, E2>(
  self: Effect.Effect<A, E, R>,
  clock: Clock.Clock,
  duration: Duration.Duration,
  onTimeout: () => E2
): Effect.Effect<A, E | E2, R> =>
  Effect.uninterruptibleMask((restore) =>
    Effect.flatMap(Effect.forkDaemon(restore(self)), (fiber) =>
      restore(Effect.async<A, E | E2>((resume) => {
        let timedOut = false
        const cancel = schedule(clock, duration, () => {
          timedOut = true
          fiber.unsafeInterruptAsFork(FiberId.none)
        })
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
