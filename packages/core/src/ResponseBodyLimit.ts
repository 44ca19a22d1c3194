/**
 * How a call tells its HTTP client the most a reply body may hold.
 *
 * Every call of the SDK runs its HTTP client with {@link MaxResponseBytes}
 * set to the call's `maxResponseBytes`. A client that reads it (the clients
 * of `NodeUiza` and `BrowserUiza` do) stops reading a body as soon as it
 * passes the limit, closes the connection and fails with a `ResponseError`
 * whose `cause` is a {@link BodyTooLarge}; the call then fails with
 * `UizaError.ResponseTooLargeError`. Such a client marks its responses with
 * {@link BoundedRead}, so that the SDK leaves the `Content-Length` check to
 * it, and the connection is closed at once. With a client that does not,
 * the SDK still refuses a `Content-Length` above the limit before reading,
 * and a body found too long once read, but cannot stop the client from
 * reading it whole.
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Predicate from "effect/Predicate"
import { maxResponseBytesKey } from "./internal/referenceKeys.js"

/**
 * The most bytes a reply body may hold, as the current call allows; outside
 * a call of the SDK, no limit (`Infinity`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { ResponseBodyLimit } from "@uiza-effect/core"
 *
 * // What an HttpClient reads before it reads a body.
 * const limit = Effect.map(ResponseBodyLimit.MaxResponseBytes, (bytes) => `at most ${bytes} bytes`)
 * ```
 *
 * @since 0.2.0
 * @category references
 */
export class MaxResponseBytes extends /* @__PURE__ */ Context.Reference<MaxResponseBytes>()(
  maxResponseBytesKey,
  { defaultValue: (): number => Number.POSITIVE_INFINITY }
) {}

/**
 * The `cause` of the `ResponseError` a client fails with when a body passes
 * {@link MaxResponseBytes}. It carries the limit only, never the body.
 *
 * @example
 * ```ts
 * import { ResponseBodyLimit } from "@uiza-effect/core"
 *
 * const cause = new ResponseBodyLimit.BodyTooLarge({ limit: 8 * 1024 * 1024 })
 * console.log(ResponseBodyLimit.isBodyTooLarge(cause)) // true
 * ```
 *
 * @since 0.2.0
 * @category errors
 */
export class BodyTooLarge extends /* @__PURE__ */ Data.TaggedError("@uiza-effect/core/ResponseBodyLimit/BodyTooLarge")<{
  readonly limit: number
}> {
  /**
   * @since 0.2.0
   */
  override get message(): string {
    return `The reply body is larger than ${this.limit} bytes.`
  }
}

/**
 * The mark of a response whose body reading honours {@link MaxResponseBytes}:
 * it refuses a `Content-Length` over the limit itself, closing the connection,
 * when its body is read.
 *
 * @example
 * ```ts
 * import { ResponseBodyLimit } from "@uiza-effect/core"
 *
 * class Reply {
 *   readonly [ResponseBodyLimit.BoundedRead] = true
 * }
 * console.log(ResponseBodyLimit.readsBounded(new Reply())) // true
 * ```
 *
 * @since 0.2.0
 * @category symbols
 */
export const BoundedRead: unique symbol = Symbol.for("@uiza-effect/core/ResponseBodyLimit/BoundedRead")

/**
 * Whether a response carries the {@link BoundedRead} mark.
 *
 * @example
 * ```ts
 * import { ResponseBodyLimit } from "@uiza-effect/core"
 *
 * console.log(ResponseBodyLimit.readsBounded({})) // false
 * ```
 *
 * @since 0.2.0
 * @category guards
 */
export const readsBounded = (response: object): boolean => BoundedRead in response

/**
 * Whether a value is a {@link BodyTooLarge}, by its tag (so a second copy of
 * the package is recognised too).
 *
 * @example
 * ```ts
 * import { ResponseBodyLimit } from "@uiza-effect/core"
 *
 * console.log(ResponseBodyLimit.isBodyTooLarge(new Error("reset"))) // false
 * ```
 *
 * @since 0.2.0
 * @category guards
 */
export const isBodyTooLarge = (u: unknown): u is BodyTooLarge =>
  Predicate.isTagged(u, "@uiza-effect/core/ResponseBodyLimit/BodyTooLarge")
