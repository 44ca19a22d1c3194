/**
 * The platform's `HttpClient` service tag and its two tracing FiberRefs,
 * reached without loading `@effect/platform/HttpClient`: any value of that
 * module keeps effect's Stream/Channel runtime (about 35 kB gzip) in a
 * browser bundle. They are global values under fixed keys, so these are the
 * very same instances (whichever module is loaded first makes them, with the
 * platform's defaults). For platform presets that build a lean client; the
 * SDK's own code reaches them only from here.
 *
 * @since 0.2.0
 */
import type * as HttpClient from "@effect/platform/HttpClient";
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest";
import * as Context from "effect/Context";
import * as FiberRef from "effect/FiberRef";
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
export declare const PlatformHttpClient: Context.Tag<HttpClient.HttpClient, HttpClient.HttpClient>;
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
export declare const currentTracerDisabledWhen: FiberRef.FiberRef<(request: HttpClientRequest.HttpClientRequest) => boolean>;
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
export declare const currentTracerPropagation: FiberRef.FiberRef<boolean>;
//# sourceMappingURL=PlatformHttpClient.d.ts.map