/**
 * How an HTTP client tells a call whether the request of its current attempt
 * was written to a socket.
 *
 * Every call of the SDK runs its HTTP client with {@link Report} set to a
 * function of the attempt. A client that knows when a request leaves its
 * queue (the client of `NodeUiza` does) calls it with `false` when it takes
 * the request, and with `true` just before the request's first byte is
 * written. An attempt that fails after `false` and before `true` (a timeout
 * spent waiting for a free connection, a connection that failed before the
 * request was written) sent nothing: its error says `possiblyDelivered:
 * false`. A client that reports nothing leaves every failure after the
 * request was handed over as possibly delivered.
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import { reportDeliveryKey } from "./internal/referenceKeys.js"

const ignore = (_written: boolean): void => {}

/**
 * Reports where the request of the current attempt is: `false` when the
 * client has taken it and not written it yet, `true` once it is being
 * written. Outside a call of the SDK it does nothing.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { RequestDelivery } from "@uiza-effect/core"
 *
 * // In an HttpClient: queued first, written once a socket takes the request.
 * const send = Effect.flatMap(RequestDelivery.Report, (report) =>
 *   Effect.sync(() => {
 *     report(false)
 *     // ... when the pool hands the request to a socket:
 *     report(true)
 *   }))
 * ```
 *
 * @since 0.2.0
 * @category references
 */
export class Report extends /* @__PURE__ */ Context.Reference<Report>()(
  reportDeliveryKey,
  { defaultValue: (): (written: boolean) => void => ignore }
) {}
