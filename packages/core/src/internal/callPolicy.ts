import * as Duration from "effect/Duration"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
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
const BACKOFF_CAP = Duration.seconds(8)

// A per-call duration gets the same check as the client's: a duration longer than zero.
const positive = (name: string, input: Duration.DurationInput): Either.Either<Duration.Duration, string> => {
  const duration = Duration.decodeUnknown(input)
  return Option.isSome(duration) && Duration.toMillis(duration.value) > 0
    ? Either.right(duration.value)
    : Either.left(`${name} must be a duration longer than zero`)
}

/**
 * The policy of one call, or the problem with an override that is not a
 * valid value (values are never quoted: a secret may be in the wrong place).
 *
 * @internal
 */
export const policyOf = (
  settings: Settings,
  overrides: CallOverrides | undefined
): Either.Either<CallPolicy, string> => {
  // Most calls have no overrides: their policy is the client's.
  if (overrides === undefined) return Either.right(settings)
  let timeout = settings.timeout
  if (overrides.timeout !== undefined) {
    const checked = positive("timeout", overrides.timeout)
    if (Either.isLeft(checked)) return Either.left(checked.left)
    timeout = checked.right
  }
  const maxRetries = overrides.maxRetries ?? settings.maxRetries
  if (!Number.isSafeInteger(maxRetries) || maxRetries < 0) {
    return Either.left("maxRetries must be a whole number, 0 or more")
  }
  let deadline = settings.deadline
  if (overrides.deadline !== undefined) {
    const checked = positive("deadline", overrides.deadline)
    if (Either.isLeft(checked)) return Either.left(checked.left)
    deadline = Option.some(checked.right)
  }
  const maxResponseBytes = overrides.maxResponseBytes ?? settings.maxResponseBytes
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 1) {
    return Either.left("maxResponseBytes must be a whole number of bytes, 1 or more")
  }
  return Either.right({ timeout, maxRetries, deadline, maxResponseBytes })
}

/**
 * Whether a failed attempt may be tried again: only failures that cannot
 * have taken effect on the server, and never a wait longer than the cap.
 *
 * @internal
 */
export const shouldRetry = (error: UizaError.UizaError): boolean => {
  switch (error._tag) {
    case "ConnectionError":
      return error.retryable && !error.possiblyDelivered
    case "TimeoutError":
    case "ResponseDecodeError":
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
  Schedule.exponential(BACKOFF_BASE).pipe(
    Schedule.modifyDelay((_, delay) => Duration.min(delay, BACKOFF_CAP)),
    Schedule.jitteredWith({ min: 0.75, max: 1 }),
    Schedule.intersect(Schedule.recurs(maxRetries)),
    Schedule.intersect(Schedule.identity<UizaError.UizaError>()),
    Schedule.modifyDelay(([, error], delay) =>
      "retryAfter" in error && error.retryAfter !== undefined ? Duration.max(delay, error.retryAfter) : delay
    )
  )
