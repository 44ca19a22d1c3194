import * as Clock from "effect/Clock";
import * as Duration from "effect/Duration";
import * as Effect from "effect/Effect";
/**
 * Runs `self` with a time limit measured on `clock`: when the limit passes
 * first, `self` is interrupted (which aborts a request in flight), and once
 * it has stopped the result is the failure `onTimeout` builds.
 *
 * On any Clock but the default one (a `TestClock`, say) this is
 * `Effect.timeoutFail`. On the default Clock, whose sleep is a `setTimeout`,
 * it forks only the effect and sets the timer itself, instead of a fiber for
 * the effect and one for the sleep whose states are merged back: that is on
 * the path of every call, and docs/benchmarks.md has what it saves.
 *
 * @internal
 */
export declare const withTimeLimit: <A, E, R, E2>(self: Effect.Effect<A, E, R>, clock: Clock.Clock, duration: Duration.Duration, onTimeout: () => E2) => Effect.Effect<A, E | E2, R>;
/**
 * Whether `clock` is the default Clock, whose sleeps are `setTimeout`s.
 *
 * @internal
 */
export declare const isDefaultClock: (clock: Clock.Clock) => boolean;
/**
 * What a client that cancels its own requests has registered for the
 * current attempt (`RequestCancellation`), and whether its time is up.
 *
 * @internal
 */
export interface Cancellation {
    cancel: (() => void) | undefined;
    expired: boolean;
}
/**
 * A cancellation with nothing registered and time left.
 *
 * @internal
 */
export declare const makeCancellation: () => Cancellation;
/**
 * Registers `cancel` on `cancellation`: kept for the timer, or run at once
 * when the time is already up.
 *
 * @internal
 */
export declare const register: (cancellation: Cancellation, cancel: () => void) => void;
/**
 * A time limit on the default Clock for an effect whose client cancels its
 * own request (`RequestCancellation`): a plain timer that, when it fires,
 * runs the cancel the client registered last; the effect then fails, and
 * the result is the failure `onTimeout` builds. No fiber is forked, which
 * is what it saves over {@link withTimeLimit} (docs/benchmarks.md).
 *
 * @internal
 */
export declare const withCancellingTimeLimit: <A, E, R, E2>(self: Effect.Effect<A, E, R>, duration: Duration.Duration, cancellation: Cancellation, onTimeout: () => E2) => Effect.Effect<A, E | E2, R>;
//# sourceMappingURL=timeLimit.d.ts.map