import * as Duration from "effect/Duration";
import * as Option from "effect/Option";
/**
 * The wait a `Retry-After` header asks for, counted from `now` (epoch
 * milliseconds); none for a missing or malformed header.
 *
 * @internal
 */
export declare const parseRetryAfter: (value: string | undefined, now: number) => Option.Option<Duration.Duration>;
//# sourceMappingURL=retryAfter.d.ts.map