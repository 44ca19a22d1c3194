import * as Duration from "effect/Duration";
import * as Either from "effect/Either";
import * as Option from "effect/Option";
import * as Schedule from "effect/Schedule";
import type { Settings } from "../UizaConfig.js";
import type * as UizaError from "../UizaError.js";
/**
 * The per-call overrides of the client's timeout and retry policy.
 *
 * @internal
 */
export interface CallOverrides {
    readonly timeout?: Duration.DurationInput | undefined;
    readonly maxRetries?: number | undefined;
    readonly deadline?: Duration.DurationInput | undefined;
    readonly maxResponseBytes?: number | undefined;
}
/**
 * The policy of one call: the client's settings with the call's overrides.
 *
 * @internal
 */
export interface CallPolicy {
    readonly timeout: Duration.Duration;
    readonly maxRetries: number;
    readonly deadline: Option.Option<Duration.Duration>;
    readonly maxResponseBytes: number;
}
/**
 * A server may ask for a wait up to this long; a longer one is not slept: the
 * error carries `retryAfter` and the caller decides.
 *
 * @internal
 */
export declare const RETRY_AFTER_CAP: Duration.Duration;
/**
 * The ranges of the policy settings, the same for the client and for a call:
 * a value outside them is a mistake (a unit slip, a stray exponent), never
 * a setting anyone needs for a logout.
 *
 * @internal
 */
export declare const LIMITS: {
    readonly maxRetries: 10;
    readonly maxResponseBytes: number;
    readonly timeout: Duration.Duration;
    readonly deadline: Duration.Duration;
};
/**
 * A problem with a policy value, as a sentence about the setting (never
 * quoting the value: a secret may be in the wrong place).
 *
 * @internal
 */
export interface PolicyProblem {
    readonly setting: "timeout" | "maxRetries" | "deadline" | "maxResponseBytes";
    readonly problem: string;
}
/**
 * Checks a per-attempt timeout: a duration longer than zero, at most {@link LIMITS}.
 *
 * @internal
 */
export declare const checkTimeout: (input: unknown) => Either.Either<Duration.Duration, PolicyProblem>;
/**
 * Checks an overall deadline: a duration longer than zero, at most {@link LIMITS}.
 *
 * @internal
 */
export declare const checkDeadline: (input: unknown) => Either.Either<Duration.Duration, PolicyProblem>;
/**
 * Checks a body limit: a whole number of bytes from 1 to {@link LIMITS}.
 *
 * @internal
 */
export declare const checkMaxResponseBytes: (input: unknown) => Either.Either<number, PolicyProblem>;
/**
 * Checks a number of retries: a whole number from 0 to {@link LIMITS}.
 *
 * @internal
 */
export declare const checkMaxRetries: (input: unknown) => Either.Either<number, PolicyProblem>;
/**
 * The policy of one call, or the problem with an override that is not a
 * valid value.
 *
 * @internal
 */
export declare const policyOf: (settings: Pick<Settings, "timeout" | "maxRetries" | "deadline" | "maxResponseBytes">, overrides: CallOverrides | undefined) => Either.Either<CallPolicy, PolicyProblem>;
/**
 * Whether a failed attempt may be tried again: only failures that cannot
 * have taken effect on the server, and never a wait longer than the cap.
 *
 * @internal
 */
export declare const shouldRetry: (error: UizaError.UizaError, idempotent: boolean) => boolean;
/**
 * Capped exponential backoff with jitter, `min(0.5 s · 2^n, 8 s) · [0.75, 1]`,
 * waiting at least as long as the server's `Retry-After`.
 *
 * @internal
 */
export declare const retrySchedule: (maxRetries: number) => Schedule.Schedule<unknown, UizaError.UizaError>;
//# sourceMappingURL=callPolicy.d.ts.map