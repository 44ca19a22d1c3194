import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Random from "effect/Random"
import * as Schedule from "effect/Schedule"
import type { Settings } from "../UizaConfig.js"
import type * as UizaError from "../UizaError.js"

/**
 * The per-call overrides of the client's timeout and retry policy.
 *
 * @internal
 */
export interface CallOverrides {
  readonly timeout?: Duration.DurationInput | undefined
  readonly maxRetries?: number | undefined
  readonly deadline?: Duration.DurationInput | undefined
  readonly maxResponseBytes?: number | undefined
}

/**
 * The policy of one call: the client's settings with the call's overrides.
 *
 * @internal
 */
export interface CallPolicy {
  readonly timeout: Duration.Duration
  readonly maxRetries: number
  readonly deadline: Option.Option<Duration.Duration>
  readonly maxResponseBytes: number
}

/**
 * A server may ask for a wait up to this long; a longer one is not slept: the
 * error carries `retryAfter` and the caller decides.
 *
 * @internal
 */
export const RETRY_AFTER_CAP = Duration.seconds(60)

const BACKOFF_BASE = Duration.millis(500)
const BACKOFF_CAP_MILLIS = 8_000

/**
 * The ranges of the policy settings, the same for the client and for a call:
 * a value outside them is a mistake (a unit slip, a stray exponent), never
 * a setting anyone needs for a logout.
 *
 * @internal
 */
export const LIMITS = {
  maxRetries: 10,
  // A Uiza reply is a few kilobytes; a limit past 1 GiB bounds nothing.
  maxResponseBytes: 2 ** 30,
  timeout: Duration.minutes(10),
  deadline: Duration.hours(1)
} as const

/**
 * A problem with a policy value, as a sentence about the setting (never
 * quoting the value: a secret may be in the wrong place).
 *
 * @internal
 */
export interface PolicyProblem {
  readonly setting: "timeout" | "maxRetries" | "deadline" | "maxResponseBytes"
  readonly problem: string
}

const boundedDuration = (
  setting: "timeout" | "deadline",
  input: unknown
): Either.Either<Duration.Duration, PolicyProblem> => {
  const duration = Duration.decodeUnknown(input)
  if (Option.isNone(duration)) return Either.left({ setting, problem: "is not a duration" })
  if (!(Duration.toMillis(duration.value) > 0)) return Either.left({ setting, problem: "must be longer than zero" })
  if (Duration.toMillis(duration.value) > Duration.toMillis(LIMITS[setting])) {
    return Either.left({ setting, problem: `must be at most ${Duration.format(LIMITS[setting])}` })
  }
  return Either.right(duration.value)
}

/**
 * Checks a per-attempt timeout: a duration longer than zero, at most {@link LIMITS}.
 *
 * @internal
 */
export const checkTimeout = (input: unknown) => boundedDuration("timeout", input)

/**
 * Checks an overall deadline: a duration longer than zero, at most {@link LIMITS}.
 *
 * @internal
 */
export const checkDeadline = (input: unknown) => boundedDuration("deadline", input)

/**
 * Checks a body limit: a whole number of bytes from 1 to {@link LIMITS}.
 *
 * @internal
 */
export const checkMaxResponseBytes = (input: unknown): Either.Either<number, PolicyProblem> =>
  typeof input === "number" && Number.isSafeInteger(input) && input >= 1 && input <= LIMITS.maxResponseBytes
    ? Either.right(input)
    : Either.left({
      setting: "maxResponseBytes",
      problem: `must be a whole number of bytes from 1 to ${LIMITS.maxResponseBytes}`
    })

/**
 * Checks a number of retries: a whole number from 0 to {@link LIMITS}.
 *
 * @internal
 */
export const checkMaxRetries = (input: unknown): Either.Either<number, PolicyProblem> =>
  typeof input === "number" && Number.isSafeInteger(input) && input >= 0 && input <= LIMITS.maxRetries
    ? Either.right(input)
    : Either.left({ setting: "maxRetries", problem: `must be a whole number from 0 to ${LIMITS.maxRetries}` })

/**
 * The policy of one call, or the problem with an override that is not a
 * valid value.
 *
 * @internal
 */
export const policyOf = (
  settings: Pick<Settings, "timeout" | "maxRetries" | "deadline" | "maxResponseBytes">,
  overrides: CallOverrides | undefined
): Either.Either<CallPolicy, PolicyProblem> =>
  // Most calls have no overrides: their policy is the client's.
  overrides === undefined ? Either.right(settings) : overridden(settings, overrides)

// The checks of the overrides, in the order they are made: the first invalid one is reported.
const checks = {
  timeout: checkTimeout,
  maxRetries: checkMaxRetries,
  deadline: checkDeadline,
  maxResponseBytes: checkMaxResponseBytes
} as const

// Each override checked in turn (written out: `Either.all` would bring its own code for so little).
const overridden = (
  settings: Pick<Settings, "timeout" | "maxRetries" | "deadline" | "maxResponseBytes">,
  overrides: CallOverrides
): Either.Either<CallPolicy, PolicyProblem> => {
  const policy: { -readonly [K in keyof CallPolicy]: CallPolicy[K] } = { ...settings }
  for (const setting of Object.keys(checks) as Array<keyof typeof checks>) {
    const value = overrides[setting]
    if (value === undefined) continue
    const checked: Either.Either<Duration.Duration | number, PolicyProblem> = checks[setting](value)
    if (Either.isLeft(checked)) return Either.left(checked.left)
    // The deadline is the one setting that may be absent.
    Object.assign(policy, { [setting]: setting === "deadline" ? Option.some(checked.right) : checked.right })
  }
  return Either.right(policy)
}

/**
 * Whether a failed attempt may be tried again: only failures that cannot
 * have taken effect on the server, and never a wait longer than the cap.
 *
 * @internal
 */
export const shouldRetry = (error: UizaError.UizaError, idempotent: boolean): boolean => {
  // A request that may have reached the server is sent again only where a repeat is safe.
  if (!idempotent) return error._tag === "ConnectionError" && error.retryable && !error.possiblyDelivered
  switch (error._tag) {
    case "ConnectionError":
      return error.retryable && !error.possiblyDelivered
    case "TimeoutError":
    case "ResponseDecodeError":
    case "InvalidInputError":
    case "UizaConfigError":
    case "ResponseTooLargeError":
      return false
    default:
      return error.retryable &&
        (error.retryAfter === undefined || Duration.lessThanOrEqualTo(error.retryAfter, RETRY_AFTER_CAP))
  }
}

/**
 * Capped exponential backoff with jitter, `min(0.5 s · 2^n, 8 s) · [0.75, 1]`,
 * waiting at least as long as the server's `Retry-After`.
 *
 * @internal
 */
export const retrySchedule = (maxRetries: number): Schedule.Schedule<unknown, UizaError.UizaError> =>
  // The backoff's delays with the failure as the output, for the step below to read (what
  // `intersect(identity())` gives, with the combinator the platform's retries already bring).
  Schedule.passthrough<Duration.Duration, UizaError.UizaError, never>(Schedule.exponential(BACKOFF_BASE)).pipe(
    // The cap, the jitter of `Schedule.jitteredWith({ min: 0.75, max: 1 })` and the server's wait
    // in one step (one combinator where three would each bring their code to a browser bundle),
    // run at every step as the jitter was: one random number per step. Compared as
    // milliseconds: Duration's min and max would bring its Order for two comparisons.
    Schedule.modifyDelayEffect((error, delay) =>
      Effect.map(Random.next, (random) => {
        const capped = Math.min(Duration.toMillis(delay), BACKOFF_CAP_MILLIS)
        const jittered = capped * 0.75 * (1 - random) + capped * random
        return "retryAfter" in error && error.retryAfter !== undefined &&
            Duration.toMillis(error.retryAfter) > jittered
          ? error.retryAfter
          : Duration.millis(jittered)
      })
    ),
    Schedule.intersect(Schedule.recurs(maxRetries))
  )
