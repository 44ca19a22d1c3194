/**
 * The user operations of the Uiza v3 API. For now: {@link logout}, which
 * revokes the token the client is configured with.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as Duration from "effect/Duration"
import type * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { callApi, type Operation } from "./internal/apiCall.js"
import type { Envelope } from "./internal/envelope.js"
import { oneLine } from "./internal/serverText.js"
import type { UizaConfig } from "./UizaConfig.js"
import type * as UizaError from "./UizaError.js"

/**
 * The result of a logout: the server's message and the reply's metadata,
 * when the reply carried it.
 *
 * The message is `data.message` when present, else the top-level `message`;
 * both reply shapes of the API decode.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = Effect.gen(function*() {
 *   const result = yield* User.logout()
 *   yield* Effect.log(`${result.message} (request ${result.requestId ?? "unknown"})`)
 * })
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export class LogoutResult extends Schema.Class<LogoutResult>("@uiza-effect/core/User/LogoutResult")({
  /** `"Logout success"` from the API. */
  message: Schema.String,
  requestId: Schema.optional(Schema.String),
  datetime: Schema.optional(Schema.DateFromSelf),
  version: Schema.optional(Schema.Number),
  serviceName: Schema.optional(Schema.String),
  policy: Schema.optional(Schema.String),
  code: Schema.optional(Schema.Int),
  type: Schema.optional(Schema.String)
}) {}

/**
 * Per-call settings of {@link logout}; each overrides the client's setting
 * for this call only.
 *
 * @example
 * ```ts
 * import { User } from "@uiza-effect/core"
 *
 * // A quick call: a short timeout, no retries, and at most 15 seconds in all.
 * const options: User.LogoutOptions = { timeout: "5 seconds", maxRetries: 0, deadline: "15 seconds" }
 *
 * const program = User.logout(options)
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface LogoutOptions {
  /** The limit of one attempt: connecting, sending, the headers and the whole body. */
  readonly timeout?: Duration.DurationInput | undefined
  /** Retries when a retry is safe; `0` disables. */
  readonly maxRetries?: number | undefined
  /** A limit for the whole call, every attempt and wait included. */
  readonly deadline?: Duration.DurationInput | undefined
  /** The most bytes the reply body may hold (default: the client's, 8 MiB unless configured). */
  readonly maxResponseBytes?: number | undefined
}

/**
 * The documentation of the logout endpoint, carried by its errors.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = User.logout().pipe(
 *   Effect.catchTag("ClientError", (error) =>
 *     Effect.logError(error.descriptionLink === User.logoutDescriptionLink ? "see the logout docs" : error.message))
 * )
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const logoutDescriptionLink = "https://docs.uiza.io/#log-out"

const messageOf = (envelope: Envelope): Option.Option<string> => {
  const data = envelope.data
  if (typeof data === "object" && data !== null && "message" in data && typeof data.message === "string") {
    return Option.some(oneLine(data.message))
  }
  return Option.fromNullable(envelope.message)
}

// Every field of the result was decoded by its schema already: checking them again would cost every call.
const decodedAlready = { disableValidation: true }

const logoutOperation: Operation<LogoutResult> = {
  spanName: "Uiza.User.logout",
  method: "POST",
  path: "/api/public/v3/admin/user/logout",
  body: Option.some({}),
  descriptionLink: logoutDescriptionLink,
  missingResult: "a logout message (data.message or message)",
  decodeSuccess: (envelope) =>
    Option.map(messageOf(envelope), (message) =>
      LogoutResult.make({
        message,
        ...(envelope.requestId === undefined ? {} : { requestId: envelope.requestId }),
        ...(envelope.datetime === undefined ? {} : { datetime: envelope.datetime }),
        ...(envelope.version === undefined ? {} : { version: envelope.version }),
        ...(envelope.serviceName === undefined ? {} : { serviceName: envelope.serviceName }),
        ...(envelope.policy === undefined ? {} : { policy: envelope.policy }),
        ...(envelope.code === undefined ? {} : { code: envelope.code }),
        ...(envelope.type === undefined ? {} : { type: envelope.type })
      }, decodedAlready))
}

/**
 * Logs out: `POST /api/public/v3/admin/user/logout` with the configured
 * token, which the server then revokes (later calls with it get
 * `UnauthorizedError`).
 *
 * Needs an `HttpClient` and a {@link UizaConfig.UizaConfig}; the platform
 * presets (`NodeUiza`, `BrowserUiza`) provide both. Safe failures (refused
 * connections, 500/502/503/504, 408/429) are retried with backoff; a call
 * whose outcome is unknown (a timeout or a reset after the request was sent)
 * is not, because the token may already be revoked.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FetchHttpClient } from "@effect/platform"
 * import { UizaConfig, User } from "@uiza-effect/core"
 *
 * const program = User.logout({ timeout: "10 seconds" }).pipe(
 *   Effect.tap((result) => Effect.log(result.message)),
 *   Effect.catchTag("UnauthorizedError", () => Effect.log("already logged out"))
 * )
 *
 * program.pipe(
 *   Effect.provide(UizaConfig.layerConfig()),
 *   Effect.provide(FetchHttpClient.layer),
 *   Effect.runPromise
 * )
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const logout = (
  options?: LogoutOptions
): Effect.Effect<LogoutResult, UizaError.UizaError, HttpClient.HttpClient | UizaConfig> =>
  callApi(logoutOperation, options)
