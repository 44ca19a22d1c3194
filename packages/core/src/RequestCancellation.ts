/**
 * How an HTTP client lets a call cancel the request of its current attempt
 * when the attempt's time limit passes, without a fiber to interrupt.
 *
 * A call limits each attempt to its `timeout`. With any `HttpClient` it runs
 * the attempt in a fiber of its own and interrupts it when the time is up.
 * A client that marks itself with {@link Supported} instead hands the call,
 * through {@link Register}, a function that cancels what it is doing: the
 * request, and once the response has arrived, the reading of its body.
 * Cancelling must end the request or the read at once with a failure (an
 * aborted request, a destroyed body). The call then sets a timer, calls the
 * last function registered when it fires, and reports the failure as a
 * `TimeoutError`: the same outcome, one fiber fewer per attempt (the clients
 * of `NodeUiza` and `BrowserUiza` do this). On a `TestClock` the call always
 * uses the fiber, so that moving the clock fires the limit.
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import { registerCancelKey } from "./internal/referenceKeys.js"

const ignore = (_cancel: () => void): void => {}

/**
 * Takes the function that cancels what the client is doing for the current
 * attempt; a later call replaces an earlier one. Outside a call of the SDK,
 * or on a client without {@link Supported}, it does nothing.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { RequestCancellation } from "@uiza-effect/core"
 *
 * // In an HttpClient, when it starts a request:
 * const send = Effect.flatMap(RequestCancellation.Register, (register) =>
 *   Effect.sync(() => {
 *     const controller = new AbortController()
 *     register(() => controller.abort())
 *     // ... fetch(url, { signal: controller.signal })
 *   }))
 * ```
 *
 * @since 0.2.0
 * @category references
 */
export class Register extends /* @__PURE__ */ Context.Reference<Register>()(
  registerCancelKey,
  { defaultValue: (): (cancel: () => void) => void => ignore }
) {}

/**
 * The mark of an `HttpClient` that registers a cancel function for every
 * request it sends and for the reading of every body.
 *
 * @example
 * ```ts
 * import type { HttpClient } from "@effect/platform"
 * import { RequestCancellation } from "@uiza-effect/core"
 *
 * const markCancellable = (client: HttpClient.HttpClient): HttpClient.HttpClient =>
 *   Object.assign(client, { [RequestCancellation.Supported]: true })
 * ```
 *
 * @since 0.2.0
 * @category symbols
 */
export const Supported: unique symbol = Symbol.for("@uiza-effect/core/RequestCancellation/Supported")

/**
 * Whether a client carries {@link Supported}.
 *
 * @example
 * ```ts
 * import { RequestCancellation } from "@uiza-effect/core"
 *
 * console.log(RequestCancellation.isSupported({})) // false
 * ```
 *
 * @since 0.2.0
 * @category guards
 */
export const isSupported = (client: object): boolean =>
  (client as { readonly [Supported]?: unknown })[Supported] === true
