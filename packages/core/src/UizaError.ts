/**
 * The errors of the Uiza SDK.
 *
 * Every failure of an API call is one of the `Schema.TaggedError` classes of
 * the {@link UizaError} union, so programs handle them with
 * `Effect.catchTag` / `Effect.catchTags`, and they serialise with their
 * schemas. Building a configuration fails with {@link UizaConfigError}.
 *
 * No error ever holds the token: errors keep plain facts (status, code,
 * message, request id, ...) instead of live request or response objects.
 *
 * @since 0.1.0
 */
import * as Duration from "effect/Duration"
import * as Schema from "effect/Schema"

// What `NonNegative.pipe(finite())` says of a number it refuses, and its JSON Schema.
const finiteMillis = {
  title: "NonNegative & finite",
  description: "a finite non-negative number",
  jsonSchema: { minimum: 0 }
}

/**
 * A `Duration` as a finite number of milliseconds, the form errors take in
 * JSON: `Schema.encode` → `JSON.stringify` → `JSON.parse` → `Schema.decode`
 * gives back an equal duration.
 *
 * @example
 * ```ts
 * import { Duration, Schema } from "effect"
 * import { UizaError } from "@uiza-effect/core"
 *
 * console.log(Schema.encodeSync(UizaError.DurationMillis)(Duration.seconds(3))) // 3000
 * ```
 *
 * @since 0.2.0
 * @category schemas
 */
export const DurationMillis: Schema.transform<
  Schema.filter<typeof Schema.Number>,
  typeof Schema.DurationFromSelf
> = Schema
  // One filter on `Schema.Number`, which every app on Schema has, instead of `NonNegative` and
  // `finite`, which are two more modules' worth of code in a browser bundle (docs/benchmarks.md).
  .transform(
    Schema.Number.pipe(Schema.filter((millis) => millis >= 0 && millis < Infinity, finiteMillis)),
    Schema.DurationFromSelf,
    {
      strict: true,
      decode: (millis) => Duration.millis(millis),
      encode: (duration) => Duration.toMillis(duration)
    }
  ).annotations({
    identifier: "DurationMillis",
    // The durations an error can hold: finite, and exact to the nanosecond within the limits
    // of a timeout, a deadline or a server's `Retry-After`. Up to 1e14 nanoseconds (a day and
    // more), milliseconds as a double come back to the same nanosecond; far above it they
    // need not, and no error holds such a duration.
    arbitrary: () => (fc) =>
      fc.oneof(
        fc.double({ min: 0, max: 1e8, noNaN: true, noDefaultInfinity: true }).map(Duration.millis),
        fc.bigInt({ min: 0n, max: 10n ** 14n }).map(Duration.nanos)
      )
  })

// An optional field that is absent or set, never `undefined`: the property signature
// `Schema.optionalWith(self, { exact: true })` builds, made directly. `optionalWith` handles
// every combination of its options in one function, which a bundler cannot split: that
// function and the `Option` schemas it refers to would come along with every error class.
const exactOptional = <S extends Schema.Schema.All>(self: S): Schema.optionalWith<S, { exact: true }> =>
  Object.assign(
    Schema.makePropertySignature(new Schema.PropertySignatureDeclaration(self.ast, true, true, {}, undefined)),
    { from: self }
  ) as unknown as Schema.optionalWith<S, { exact: true }>

// `retryable` and `possiblyDelivered` are on every error; where a class always has the same
// value, it is the constructor's default.
const fact = (value: boolean) =>
  Schema.Boolean.pipe(Schema.propertySignature, Schema.withConstructorDefault(() => value))

/**
 * One entry of the `data` list of a 422 reply: which field failed and why.
 *
 * @example
 * ```ts
 * import { UizaError } from "@uiza-effect/core"
 *
 * const fieldError = UizaError.FieldError.make({
 *   type: "required",
 *   field: "url",
 *   message: "The 'url' field is required!"
 * })
 * console.log(fieldError.field) // "url"
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export class FieldError extends /* @__PURE__ */ Schema.Class<FieldError>("@uiza-effect/core/UizaError/FieldError")({
  type: Schema.String,
  field: Schema.String,
  message: Schema.String
}) {}

/**
 * The fields every error built from an HTTP reply carries.
 *
 * - `status`: the HTTP status of the reply;
 * - `code`: the `code` of the reply body, when it had one;
 * - `message`: the server's message, else the documented default for the status;
 * - `type`: the `type` of the reply body (`"ERROR"`), when it had one;
 * - `requestId`: quote it to Uiza support;
 * - `retryable`: whether another attempt could succeed: the status is one the SDK retries
 *   (408, 429, 500, 502, 503, 504) and the body did not say `retryable: false`;
 * - `possiblyDelivered`: always `true`: the server received the request and answered;
 * - `retryAfter`: the wait the server asked for in `Retry-After`, when it asked (milliseconds in JSON);
 * - `fieldErrors`: the validation errors of the reply (`data` of a 422);
 * - `descriptionLink`: the documentation of the operation;
 * - `attempts`: how many requests were sent, retries included;
 * - `bodyExcerpt`: the first bytes of a reply body that was not a Uiza envelope.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { UizaError } from "@uiza-effect/core"
 *
 * // A schema of the fields alone, e.g. to log a status error as plain data.
 * const StatusErrorData = Schema.Struct(UizaError.StatusErrorFields)
 * type StatusErrorData = typeof StatusErrorData.Type
 * ```
 *
 * @since 0.1.0
 * @category fields
 */
export const StatusErrorFields = {
  // Optional fields are absent, never `undefined`, as in JSON: an error decoded from its JSON
  // is equal to the one encoded.
  status: Schema.Int,
  code: /* @__PURE__ */ exactOptional(Schema.Int),
  message: Schema.String,
  type: /* @__PURE__ */ exactOptional(Schema.String),
  requestId: /* @__PURE__ */ exactOptional(Schema.String),
  retryable: Schema.Boolean,
  possiblyDelivered: /* @__PURE__ */ fact(true),
  retryAfter: /* @__PURE__ */ exactOptional(DurationMillis),
  fieldErrors: Schema.Array(FieldError),
  descriptionLink: Schema.String,
  attempts: Schema.Int,
  bodyExcerpt: /* @__PURE__ */ exactOptional(Schema.String)
}

// The eight status errors share one struct of these fields instead of building one each:
// the same schema, built once at import.
const StatusErrorStruct = /* @__PURE__ */ Schema.Struct(StatusErrorFields)

/**
 * HTTP 400: the request was unacceptable.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = User.logout().pipe(
 *   Effect.catchTag("BadRequestError", (error) => Effect.logWarning(error.message))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class BadRequestError
  extends /* @__PURE__ */ Schema.TaggedError<BadRequestError>()("BadRequestError", StatusErrorStruct)
{}

/**
 * HTTP 401: the token is missing, invalid or already revoked (a second logout
 * with the same token meets this).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * // Logging out twice is harmless: treat "already revoked" as done.
 * const logoutOnce = User.logout().pipe(
 *   Effect.asVoid,
 *   Effect.catchTag("UnauthorizedError", () => Effect.void)
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class UnauthorizedError
  extends /* @__PURE__ */ Schema.TaggedError<UnauthorizedError>()("UnauthorizedError", StatusErrorStruct)
{}

/**
 * HTTP 404: the requested resource does not exist (for logout, usually a
 * wrong workspace API domain).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = User.logout().pipe(
 *   Effect.catchTag("NotFoundError", (error) => Effect.logError(`check the domain: ${error.message}`))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class NotFoundError
  extends /* @__PURE__ */ Schema.TaggedError<NotFoundError>()("NotFoundError", StatusErrorStruct)
{}

/**
 * HTTP 422: the request was well formed but its parameters were not; see
 * `fieldErrors`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = User.logout().pipe(
 *   Effect.catchTag("UnprocessableError", (error) =>
 *     Effect.logError(error.fieldErrors.map((fieldError) => fieldError.field).join(", ")))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class UnprocessableError
  extends /* @__PURE__ */ Schema.TaggedError<UnprocessableError>()("UnprocessableError", StatusErrorStruct)
{}

/**
 * HTTP 500: the server had a problem. Retried by default.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = User.logout().pipe(
 *   Effect.catchTag("InternalServerError", (error) => Effect.logError(`quote ${error.requestId}`))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class InternalServerError
  extends /* @__PURE__ */ Schema.TaggedError<InternalServerError>()("InternalServerError", StatusErrorStruct)
{}

/**
 * HTTP 503: the server is overloaded or down for maintenance. Retried by
 * default, honouring `Retry-After`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = User.logout().pipe(
 *   Effect.catchTag("ServiceUnavailableError", (error) =>
 *     Effect.logWarning(`Uiza is unavailable; retry after ${String(error.retryAfter)}`))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class ServiceUnavailableError
  extends /* @__PURE__ */ Schema.TaggedError<ServiceUnavailableError>()("ServiceUnavailableError", StatusErrorStruct)
{}

/**
 * Any other 4xx status (405, 409, 412, 429, ...).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = User.logout().pipe(
 *   Effect.catchTag("ClientError", (error) => Effect.logError(`HTTP ${error.status}: ${error.message}`))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class ClientError extends /* @__PURE__ */ Schema.TaggedError<ClientError>()("ClientError", StatusErrorStruct) {}

/**
 * Any other 5xx status (501, 502, 504, ...), and a 2xx reply whose body
 * says `type: "ERROR"` without an error code.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = User.logout().pipe(
 *   Effect.catchTag("ServerError", (error) => Effect.logError(`HTTP ${error.status}: ${error.message}`))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class ServerError extends /* @__PURE__ */ Schema.TaggedError<ServerError>()("ServerError", StatusErrorStruct) {}

/**
 * The request could not be completed at the network level: refused
 * connection, DNS or TLS failure, a reset, an aborted fetch.
 *
 * `possiblyDelivered` is `true` when the request may have reached the server
 * before the failure (a reset after the request was written): the token may
 * already be revoked, so the SDK does not retry such a failure.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = User.logout().pipe(
 *   Effect.catchTag("ConnectionError", (error) =>
 *     error.possiblyDelivered
 *       ? Effect.logWarning("logout may have happened; check before retrying")
 *       : Effect.logError(error.message))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class ConnectionError extends /* @__PURE__ */ Schema.TaggedError<ConnectionError>()("ConnectionError", {
  message: Schema.String,
  /** A short machine-readable reason: `ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`, `UND_ERR_SOCKET`, `FETCH_FAILED`, ... */
  reason: Schema.String,
  possiblyDelivered: Schema.Boolean,
  retryable: Schema.Boolean,
  attempts: Schema.Int
}) {}

/**
 * A deadline passed before the reply was complete.
 *
 * `phase` says where: `"response"` (connecting, sending, waiting for the
 * headers), `"body"` (headers arrived, the body stalled) or `"deadline"` (the
 * overall deadline over all attempts). Timeouts are never retried, because the
 * request may have reached the server (`possiblyDelivered`). `possiblyDelivered`
 * is `false` when the HTTP client reported that the request was still waiting
 * for a free connection (`RequestDelivery`): nothing was sent, and the caller
 * may send it again, whatever the operation.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = User.logout({ timeout: "5 seconds" }).pipe(
 *   Effect.catchTag("TimeoutError", (error) => Effect.logWarning(`timed out in phase ${error.phase}`))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class TimeoutError extends /* @__PURE__ */ Schema.TaggedError<TimeoutError>()("TimeoutError", {
  message: Schema.String,
  phase: /* @__PURE__ */ Schema.Literal("response", "body", "deadline"),
  /** The limit that passed (milliseconds in JSON). */
  timeout: DurationMillis,
  possiblyDelivered: Schema.Boolean,
  /** Whether the SDK would retry it: never, today (the request may have reached the server). */
  retryable: /* @__PURE__ */ fact(false),
  attempts: Schema.Int
}) {}

/**
 * An input that does not fit the operation (a missing or empty required
 * field, a password of the wrong length, a value of the wrong type), found
 * before anything is sent: no request left the machine.
 *
 * `field` is the path of the field at fault (`"password"`, `""` for the
 * input as a whole); the message says what it must be and never quotes the
 * value, which may be a secret.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = User.retrieve("").pipe(
 *   Effect.catchTag("InvalidInputError", (error) => Effect.logError(`fix ${error.field}: ${error.message}`))
 * )
 * ```
 *
 * @since 0.2.0
 * @category errors
 */
export class InvalidInputError extends /* @__PURE__ */ Schema.TaggedError<InvalidInputError>()("InvalidInputError", {
  message: Schema.String,
  /** The operation, such as `User.create`. */
  operation: Schema.String,
  /** The path of the field at fault, such as `password`; `""` for the input as a whole. */
  field: Schema.String,
  /** Always `0`: nothing was sent. */
  attempts: Schema.Int,
  retryable: /* @__PURE__ */ fact(false),
  possiblyDelivered: /* @__PURE__ */ fact(false)
}) {}

/**
 * A reply that could not be understood: a 2xx that is not a Uiza envelope
 * (HTML, truncated or empty JSON, a missing message), or a status outside the
 * 2xx/4xx/5xx classes (redirects are never followed).
 *
 * Carries the status, the request id if any and at most 2 KiB of the body.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = User.logout().pipe(
 *   Effect.catchTag("ResponseDecodeError", (error) => Effect.logError(error.message, error.bodyExcerpt))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class ResponseDecodeError
  extends /* @__PURE__ */ Schema.TaggedError<ResponseDecodeError>()("ResponseDecodeError", {
    message: Schema.String,
    status: Schema.Int,
    requestId: /* @__PURE__ */ exactOptional(Schema.String),
    bodyExcerpt: Schema.String,
    /** Always `false`: a reply arrived, and the call may have taken effect. */
    retryable: /* @__PURE__ */ fact(false),
    /** Always `true`: the server received the request and answered. */
    possiblyDelivered: /* @__PURE__ */ fact(true),
    attempts: Schema.Int
  })
{}

/**
 * The reply body was larger than `maxResponseBytes` (8 MiB unless configured
 * otherwise): reading stopped at the limit and the connection was closed. A
 * `Content-Length` above the limit fails before any of the body is read.
 *
 * The error keeps no part of the body. The server answered, so the request
 * was delivered and may have taken effect (`possiblyDelivered: true`); it is
 * not retried (`retryable: false`): the same request would meet the same reply.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = User.logout({ maxResponseBytes: 64 * 1024 }).pipe(
 *   Effect.catchTag("ResponseTooLargeError", (error) =>
 *     Effect.logError(`HTTP ${error.status}: a reply over ${error.limit} bytes`))
 * )
 * ```
 *
 * @since 0.2.0
 * @category errors
 */
export class ResponseTooLargeError
  extends /* @__PURE__ */ Schema.TaggedError<ResponseTooLargeError>()("ResponseTooLargeError", {
    message: Schema.String,
    status: Schema.Int,
    /** The limit that was passed, in bytes. */
    limit: Schema.Int,
    possiblyDelivered: /* @__PURE__ */ Schema.Literal(true),
    retryable: /* @__PURE__ */ Schema.Literal(false),
    attempts: Schema.Int
  })
{}

/**
 * The configuration is invalid; raised when a `UizaConfig` layer is built,
 * before any request is sent. The message names the setting (and the
 * environment variable, when read from one) and the problem; it never
 * contains the token.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { UizaConfig } from "@uiza-effect/core"
 *
 * const config = UizaConfig.make({ workspaceApiDomain: "http://example.com", authorization: "uap-..." }).pipe(
 *   Effect.catchTag("UizaConfigError", (error) => Effect.die(error.message))
 * )
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export class UizaConfigError extends /* @__PURE__ */ Schema.TaggedError<UizaConfigError>()("UizaConfigError", {
  message: Schema.String,
  /**
   * The setting at fault: `workspaceApiDomain`, `authorization`, `timeout`, `maxRetries`,
   * `deadline`, `maxResponseBytes`, or `options` when the options are not an object;
   * `keepAliveTimeout` for the pool of `NodeUiza.makeHttpClientLayer`.
   */
  setting: Schema.String,
  /** Always `false`: the same configuration fails the same way. */
  retryable: /* @__PURE__ */ fact(false),
  /** Always `false`: nothing was sent. */
  possiblyDelivered: /* @__PURE__ */ fact(false),
  /** Always `0`: no request was sent. */
  attempts: /* @__PURE__ */ Schema.Int.pipe(Schema.propertySignature, Schema.withConstructorDefault(() => 0))
}) {}

/**
 * The classes of errors that carry an HTTP status and a Uiza error envelope.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { UizaError, User } from "@uiza-effect/core"
 *
 * const describe = (error: UizaError.StatusError): string =>
 *   `${error._tag} (HTTP ${error.status}): ${error.message}; request ${error.requestId ?? "unknown"}`
 *
 * const program = User.logout().pipe(
 *   Effect.catchIf(UizaError.isStatusError, (error) => Effect.logError(describe(error)))
 * )
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type StatusError =
  | BadRequestError
  | UnauthorizedError
  | NotFoundError
  | UnprocessableError
  | InternalServerError
  | ServiceUnavailableError
  | ClientError
  | ServerError

/**
 * Every error of the SDK: the failures of an API call, and
 * {@link UizaConfigError}, which a call meets when an option it was given is
 * invalid and a program meets when its `UizaConfig` layer cannot be built
 * (with `Effect.provide` or a `ManagedRuntime`, that failure arrives in the
 * same error channel as the call's).
 *
 * Every member has `retryable` (the SDK would retry it, and did, up to
 * `maxRetries`, before returning it) and `possiblyDelivered` (the request
 * may have reached the server).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User, type UizaError } from "@uiza-effect/core"
 *
 * const describe = (error: UizaError.UizaError): string => `${error._tag}: ${error.message}`
 * const program = User.logout().pipe(Effect.catchAll((error) => Effect.logError(describe(error))))
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type UizaError =
  | StatusError
  | ConnectionError
  | TimeoutError
  | ResponseDecodeError
  | ResponseTooLargeError
  | InvalidInputError
  | UizaConfigError

/**
 * The schema of {@link UizaError}: decode a serialised error back into its
 * class. The encoded form is plain JSON (durations as milliseconds), so an
 * error crosses a worker, an RPC or a queue as
 * `encode` → `JSON.stringify` → `JSON.parse` → `decode`.
 *
 * @example
 * ```ts
 * import { Duration, Schema } from "effect"
 * import { UizaError } from "@uiza-effect/core"
 *
 * const error = new UizaError.TimeoutError({
 *   message: "no reply within 10s",
 *   phase: "response",
 *   timeout: Duration.seconds(10),
 *   possiblyDelivered: true,
 *   attempts: 1
 * })
 * const json = JSON.stringify(Schema.encodeSync(UizaError.UizaError)(error))
 * const decoded = Schema.decodeUnknownSync(UizaError.UizaError)(JSON.parse(json))
 * console.log(decoded._tag, decoded.retryable) // "TimeoutError" false
 * ```
 *
 * @since 0.1.0
 * @category schemas
 */
export const UizaError: Schema.Union<[
  typeof BadRequestError,
  typeof UnauthorizedError,
  typeof NotFoundError,
  typeof UnprocessableError,
  typeof InternalServerError,
  typeof ServiceUnavailableError,
  typeof ClientError,
  typeof ServerError,
  typeof ConnectionError,
  typeof TimeoutError,
  typeof ResponseDecodeError,
  typeof ResponseTooLargeError,
  typeof InvalidInputError,
  typeof UizaConfigError
]> = /* @__PURE__ */ Schema.Union(
  BadRequestError,
  UnauthorizedError,
  NotFoundError,
  UnprocessableError,
  InternalServerError,
  ServiceUnavailableError,
  ClientError,
  ServerError,
  ConnectionError,
  TimeoutError,
  ResponseDecodeError,
  ResponseTooLargeError,
  InvalidInputError,
  UizaConfigError
)

// Built at the first test, so a bundle that never tests keeps neither the set nor the union.
let uizaErrorTags: ReadonlySet<string> | undefined

/**
 * Whether a value is one of the {@link UizaError} classes, a
 * {@link UizaConfigError} included. On a value of a known type it keeps
 * that type (`A & UizaError`), so it also narrows an error channel that
 * holds only some of the classes.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User, UizaError } from "@uiza-effect/core"
 *
 * const program = User.logout().pipe(
 *   Effect.catchIf(UizaError.isUizaError, (error) => Effect.logError(error._tag))
 * )
 * ```
 *
 * @since 0.1.0
 * @category guards
 */
export const isUizaError: <A>(u: A) => u is A & UizaError = <A>(u: A): u is A & UizaError =>
  // `instanceof Error` first: the cheapest test, and an object test without importing `effect/Predicate`.
  u instanceof Error && "_tag" in u && typeof u._tag === "string" &&
  (uizaErrorTags ??= new Set(UizaError.members.map((member) => member._tag))).has(u._tag)

/**
 * Whether an error carries an HTTP status and a Uiza error envelope.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User, UizaError } from "@uiza-effect/core"
 *
 * const program = User.logout().pipe(
 *   Effect.catchIf(UizaError.isStatusError, (error) => Effect.logError(`HTTP ${error.status}`))
 * )
 * ```
 *
 * @since 0.1.0
 * @category guards
 */
export const isStatusError = (u: unknown): u is StatusError => isUizaError(u) && "descriptionLink" in u
