import * as Context from "effect/Context";
import * as FiberRef from "effect/FiberRef";
import { globalValue } from "effect/GlobalValue";
/**
 * The platform's `HttpClient` tag: the same service as `HttpClient.HttpClient`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { HttpClient } from "@effect/platform"
 * import { PlatformHttpClient } from "@uiza-effect/core/PlatformHttpClient"
 *
 * const sameService = PlatformHttpClient.key === HttpClient.HttpClient.key // true
 * const client = Effect.map(PlatformHttpClient, (client) => client)
 * ```
 *
 * @since 0.2.0
 * @category tags
 */
export const PlatformHttpClient = Context.GenericTag("@effect/platform/HttpClient");
/**
 * `HttpClient.currentTracerDisabledWhen`: a client built with `HttpClient.make` makes no span
 * (and so sends no trace headers) for a request this predicate accepts.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { currentTracerDisabledWhen } from "@uiza-effect/core/PlatformHttpClient"
 *
 * // No client span for any request made inside.
 * const quiet = <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.locally(self, currentTracerDisabledWhen, () => true)
 * ```
 *
 * @since 0.2.0
 * @category fiber refs
 */
export const currentTracerDisabledWhen = globalValue(Symbol.for("@effect/platform/HttpClient/tracerDisabledWhen"), () => FiberRef.unsafeMake(() => false));
/**
 * `HttpClient.currentTracerPropagation`: whether a client sends trace headers.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { currentTracerPropagation } from "@uiza-effect/core/PlatformHttpClient"
 *
 * const withoutTraceHeaders = <A, E, R>(self: Effect.Effect<A, E, R>) =>
 *   Effect.locally(self, currentTracerPropagation, false)
 * ```
 *
 * @since 0.2.0
 * @category fiber refs
 */
export const currentTracerPropagation = globalValue(Symbol.for("@effect/platform/HttpClient/currentTracerPropagation"), () => FiberRef.unsafeMake(true));
//# sourceMappingURL=PlatformHttpClient.js.map