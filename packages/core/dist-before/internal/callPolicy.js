import * as Duration from "effect/Duration";
import * as Either from "effect/Either";
import * as Option from "effect/Option";
import * as Schedule from "effect/Schedule";
/**
 * A server may ask for a wait up to this long; a longer one is not slept: the
 * error carries `retryAfter` and the caller decides.
 *
 * @internal
 */
export const RETRY_AFTER_CAP = Duration.seconds(60);
const BACKOFF_BASE = Duration.millis(500);
const BACKOFF_CAP = Duration.seconds(8);
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
};
const boundedDuration = (setting, input) => {
    const duration = Duration.decodeUnknown(input);
    if (Option.isNone(duration))
        return Either.left({ setting, problem: "is not a duration" });
    if (!(Duration.toMillis(duration.value) > 0))
        return Either.left({ setting, problem: "must be longer than zero" });
    if (Duration.toMillis(duration.value) > Duration.toMillis(LIMITS[setting])) {
        return Either.left({ setting, problem: `must be at most ${Duration.format(LIMITS[setting])}` });
    }
    return Either.right(duration.value);
};
/**
 * Checks a per-attempt timeout: a duration longer than zero, at most {@link LIMITS}.
 *
 * @internal
 */
export const checkTimeout = (input) => boundedDuration("timeout", input);
/**
 * Checks an overall deadline: a duration longer than zero, at most {@link LIMITS}.
 *
 * @internal
 */
export const checkDeadline = (input) => boundedDuration("deadline", input);
/**
 * Checks a body limit: a whole number of bytes from 1 to {@link LIMITS}.
 *
 * @internal
 */
export const checkMaxResponseBytes = (input) => typeof input === "number" && Number.isSafeInteger(input) && input >= 1 && input <= LIMITS.maxResponseBytes
    ? Either.right(input)
    : Either.left({
        setting: "maxResponseBytes",
        problem: `must be a whole number of bytes from 1 to ${LIMITS.maxResponseBytes}`
    });
/**
 * Checks a number of retries: a whole number from 0 to {@link LIMITS}.
 *
 * @internal
 */
export const checkMaxRetries = (input) => typeof input === "number" && Number.isSafeInteger(input) && input >= 0 && input <= LIMITS.maxRetries
    ? Either.right(input)
    : Either.left({ setting: "maxRetries", problem: `must be a whole number from 0 to ${LIMITS.maxRetries}` });
/**
 * The policy of one call, or the problem with an override that is not a
 * valid value.
 *
 * @internal
 */
export const policyOf = (settings, overrides) => 
// Most calls have no overrides: their policy is the client's.
overrides === undefined ? Either.right(settings) : overridden(settings, overrides);
// Each override checked in turn, the first invalid one reported (written out: `Either.all`
// would bring its own code for so little).
const overridden = (settings, overrides) => {
    const timeout = overrides.timeout === undefined ? Either.right(settings.timeout) : checkTimeout(overrides.timeout);
    if (Either.isLeft(timeout))
        return Either.left(timeout.left);
    const maxRetries = overrides.maxRetries === undefined
        ? Either.right(settings.maxRetries)
        : checkMaxRetries(overrides.maxRetries);
    if (Either.isLeft(maxRetries))
        return Either.left(maxRetries.left);
    const deadline = overrides.deadline === undefined ? undefined : checkDeadline(overrides.deadline);
    if (deadline !== undefined && Either.isLeft(deadline))
        return Either.left(deadline.left);
    const maxResponseBytes = overrides.maxResponseBytes === undefined
        ? Either.right(settings.maxResponseBytes)
        : checkMaxResponseBytes(overrides.maxResponseBytes);
    if (Either.isLeft(maxResponseBytes))
        return Either.left(maxResponseBytes.left);
    return Either.right({
        timeout: timeout.right,
        maxRetries: maxRetries.right,
        deadline: deadline === undefined ? settings.deadline : Option.some(deadline.right),
        maxResponseBytes: maxResponseBytes.right
    });
};
/**
 * Whether a failed attempt may be tried again: only failures that cannot
 * have taken effect on the server, and never a wait longer than the cap.
 *
 * @internal
 */
export const shouldRetry = (error, idempotent) => {
    // A request that may have reached the server is sent again only where a repeat is safe.
    if (!idempotent)
        return error._tag === "ConnectionError" && error.retryable && !error.possiblyDelivered;
    switch (error._tag) {
        case "ConnectionError":
            return error.retryable && !error.possiblyDelivered;
        case "TimeoutError":
        case "ResponseDecodeError":
        case "InvalidInputError":
        case "UizaConfigError":
        case "ResponseTooLargeError":
            return false;
        default:
            return error.retryable &&
                (error.retryAfter === undefined || Duration.lessThanOrEqualTo(error.retryAfter, RETRY_AFTER_CAP));
    }
};
/**
 * Capped exponential backoff with jitter, `min(0.5 s · 2^n, 8 s) · [0.75, 1]`,
 * waiting at least as long as the server's `Retry-After`.
 *
 * @internal
 */
export const retrySchedule = (maxRetries) => Schedule.exponential(BACKOFF_BASE).pipe(
// Compared as milliseconds: Duration's min and max would bring its Order for two comparisons.
Schedule.modifyDelay((_, delay) => Duration.toMillis(delay) <= Duration.toMillis(BACKOFF_CAP) ? delay : BACKOFF_CAP), Schedule.jitteredWith({ min: 0.75, max: 1 }), Schedule.intersect(Schedule.recurs(maxRetries)), Schedule.intersect(Schedule.identity()), Schedule.modifyDelay(([, error], delay) => "retryAfter" in error && error.retryAfter !== undefined &&
    Duration.toMillis(error.retryAfter) > Duration.toMillis(delay)
    ? error.retryAfter
    : delay));
//# sourceMappingURL=callPolicy.js.map