import * as Schema from "effect/Schema";
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
export declare const DurationMillis: Schema.transform<Schema.filter<typeof Schema.NonNegative>, typeof Schema.DurationFromSelf>;
declare const FieldError_base: Schema.Class<FieldError, {
    type: typeof Schema.String;
    field: typeof Schema.String;
    message: typeof Schema.String;
}, Schema.Struct.Encoded<{
    type: typeof Schema.String;
    field: typeof Schema.String;
    message: typeof Schema.String;
}>, never, {
    readonly type: string;
} & {
    readonly field: string;
} & {
    readonly message: string;
}, {}, {}>;
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
export declare class FieldError extends /* @__PURE__ */ FieldError_base {
}
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
export declare const StatusErrorFields: {
    status: typeof Schema.Int;
    code: Schema.optionalWith<typeof Schema.Int, {
        exact: true;
    }>;
    message: typeof Schema.String;
    type: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    requestId: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    retryable: typeof Schema.Boolean;
    possiblyDelivered: Schema.PropertySignature<":", boolean, never, ":", boolean, true, never>;
    retryAfter: Schema.optionalWith<Schema.transform<Schema.filter<typeof Schema.NonNegative>, typeof Schema.DurationFromSelf>, {
        exact: true;
    }>;
    fieldErrors: Schema.Array$<typeof FieldError>;
    descriptionLink: typeof Schema.String;
    attempts: typeof Schema.Int;
    bodyExcerpt: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
};
declare const BadRequestError_base: Schema.TaggedErrorClass<BadRequestError, "BadRequestError", {
    readonly _tag: Schema.tag<"BadRequestError">;
} & {
    status: typeof Schema.Int;
    code: Schema.optionalWith<typeof Schema.Int, {
        exact: true;
    }>;
    message: typeof Schema.String;
    type: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    requestId: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    retryable: typeof Schema.Boolean;
    possiblyDelivered: Schema.PropertySignature<":", boolean, never, ":", boolean, true, never>;
    retryAfter: Schema.optionalWith<Schema.transform<Schema.filter<typeof Schema.NonNegative>, typeof Schema.DurationFromSelf>, {
        exact: true;
    }>;
    fieldErrors: Schema.Array$<typeof FieldError>;
    descriptionLink: typeof Schema.String;
    attempts: typeof Schema.Int;
    bodyExcerpt: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
}>;
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
export declare class BadRequestError extends /* @__PURE__ */ BadRequestError_base {
}
declare const UnauthorizedError_base: Schema.TaggedErrorClass<UnauthorizedError, "UnauthorizedError", {
    readonly _tag: Schema.tag<"UnauthorizedError">;
} & {
    status: typeof Schema.Int;
    code: Schema.optionalWith<typeof Schema.Int, {
        exact: true;
    }>;
    message: typeof Schema.String;
    type: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    requestId: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    retryable: typeof Schema.Boolean;
    possiblyDelivered: Schema.PropertySignature<":", boolean, never, ":", boolean, true, never>;
    retryAfter: Schema.optionalWith<Schema.transform<Schema.filter<typeof Schema.NonNegative>, typeof Schema.DurationFromSelf>, {
        exact: true;
    }>;
    fieldErrors: Schema.Array$<typeof FieldError>;
    descriptionLink: typeof Schema.String;
    attempts: typeof Schema.Int;
    bodyExcerpt: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
}>;
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
export declare class UnauthorizedError extends /* @__PURE__ */ UnauthorizedError_base {
}
declare const NotFoundError_base: Schema.TaggedErrorClass<NotFoundError, "NotFoundError", {
    readonly _tag: Schema.tag<"NotFoundError">;
} & {
    status: typeof Schema.Int;
    code: Schema.optionalWith<typeof Schema.Int, {
        exact: true;
    }>;
    message: typeof Schema.String;
    type: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    requestId: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    retryable: typeof Schema.Boolean;
    possiblyDelivered: Schema.PropertySignature<":", boolean, never, ":", boolean, true, never>;
    retryAfter: Schema.optionalWith<Schema.transform<Schema.filter<typeof Schema.NonNegative>, typeof Schema.DurationFromSelf>, {
        exact: true;
    }>;
    fieldErrors: Schema.Array$<typeof FieldError>;
    descriptionLink: typeof Schema.String;
    attempts: typeof Schema.Int;
    bodyExcerpt: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
}>;
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
export declare class NotFoundError extends /* @__PURE__ */ NotFoundError_base {
}
declare const UnprocessableError_base: Schema.TaggedErrorClass<UnprocessableError, "UnprocessableError", {
    readonly _tag: Schema.tag<"UnprocessableError">;
} & {
    status: typeof Schema.Int;
    code: Schema.optionalWith<typeof Schema.Int, {
        exact: true;
    }>;
    message: typeof Schema.String;
    type: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    requestId: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    retryable: typeof Schema.Boolean;
    possiblyDelivered: Schema.PropertySignature<":", boolean, never, ":", boolean, true, never>;
    retryAfter: Schema.optionalWith<Schema.transform<Schema.filter<typeof Schema.NonNegative>, typeof Schema.DurationFromSelf>, {
        exact: true;
    }>;
    fieldErrors: Schema.Array$<typeof FieldError>;
    descriptionLink: typeof Schema.String;
    attempts: typeof Schema.Int;
    bodyExcerpt: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
}>;
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
export declare class UnprocessableError extends /* @__PURE__ */ UnprocessableError_base {
}
declare const InternalServerError_base: Schema.TaggedErrorClass<InternalServerError, "InternalServerError", {
    readonly _tag: Schema.tag<"InternalServerError">;
} & {
    status: typeof Schema.Int;
    code: Schema.optionalWith<typeof Schema.Int, {
        exact: true;
    }>;
    message: typeof Schema.String;
    type: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    requestId: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    retryable: typeof Schema.Boolean;
    possiblyDelivered: Schema.PropertySignature<":", boolean, never, ":", boolean, true, never>;
    retryAfter: Schema.optionalWith<Schema.transform<Schema.filter<typeof Schema.NonNegative>, typeof Schema.DurationFromSelf>, {
        exact: true;
    }>;
    fieldErrors: Schema.Array$<typeof FieldError>;
    descriptionLink: typeof Schema.String;
    attempts: typeof Schema.Int;
    bodyExcerpt: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
}>;
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
export declare class InternalServerError extends /* @__PURE__ */ InternalServerError_base {
}
declare const ServiceUnavailableError_base: Schema.TaggedErrorClass<ServiceUnavailableError, "ServiceUnavailableError", {
    readonly _tag: Schema.tag<"ServiceUnavailableError">;
} & {
    status: typeof Schema.Int;
    code: Schema.optionalWith<typeof Schema.Int, {
        exact: true;
    }>;
    message: typeof Schema.String;
    type: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    requestId: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    retryable: typeof Schema.Boolean;
    possiblyDelivered: Schema.PropertySignature<":", boolean, never, ":", boolean, true, never>;
    retryAfter: Schema.optionalWith<Schema.transform<Schema.filter<typeof Schema.NonNegative>, typeof Schema.DurationFromSelf>, {
        exact: true;
    }>;
    fieldErrors: Schema.Array$<typeof FieldError>;
    descriptionLink: typeof Schema.String;
    attempts: typeof Schema.Int;
    bodyExcerpt: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
}>;
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
export declare class ServiceUnavailableError extends /* @__PURE__ */ ServiceUnavailableError_base {
}
declare const ClientError_base: Schema.TaggedErrorClass<ClientError, "ClientError", {
    readonly _tag: Schema.tag<"ClientError">;
} & {
    status: typeof Schema.Int;
    code: Schema.optionalWith<typeof Schema.Int, {
        exact: true;
    }>;
    message: typeof Schema.String;
    type: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    requestId: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    retryable: typeof Schema.Boolean;
    possiblyDelivered: Schema.PropertySignature<":", boolean, never, ":", boolean, true, never>;
    retryAfter: Schema.optionalWith<Schema.transform<Schema.filter<typeof Schema.NonNegative>, typeof Schema.DurationFromSelf>, {
        exact: true;
    }>;
    fieldErrors: Schema.Array$<typeof FieldError>;
    descriptionLink: typeof Schema.String;
    attempts: typeof Schema.Int;
    bodyExcerpt: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
}>;
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
export declare class ClientError extends /* @__PURE__ */ ClientError_base {
}
declare const ServerError_base: Schema.TaggedErrorClass<ServerError, "ServerError", {
    readonly _tag: Schema.tag<"ServerError">;
} & {
    status: typeof Schema.Int;
    code: Schema.optionalWith<typeof Schema.Int, {
        exact: true;
    }>;
    message: typeof Schema.String;
    type: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    requestId: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    retryable: typeof Schema.Boolean;
    possiblyDelivered: Schema.PropertySignature<":", boolean, never, ":", boolean, true, never>;
    retryAfter: Schema.optionalWith<Schema.transform<Schema.filter<typeof Schema.NonNegative>, typeof Schema.DurationFromSelf>, {
        exact: true;
    }>;
    fieldErrors: Schema.Array$<typeof FieldError>;
    descriptionLink: typeof Schema.String;
    attempts: typeof Schema.Int;
    bodyExcerpt: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
}>;
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
export declare class ServerError extends /* @__PURE__ */ ServerError_base {
}
declare const ConnectionError_base: Schema.TaggedErrorClass<ConnectionError, "ConnectionError", {
    readonly _tag: Schema.tag<"ConnectionError">;
} & {
    message: typeof Schema.String;
    /** A short machine-readable reason: `ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`, `UND_ERR_SOCKET`, `FETCH_FAILED`, ... */
    reason: typeof Schema.String;
    possiblyDelivered: typeof Schema.Boolean;
    retryable: typeof Schema.Boolean;
    attempts: typeof Schema.Int;
}>;
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
export declare class ConnectionError extends /* @__PURE__ */ ConnectionError_base {
}
declare const TimeoutError_base: Schema.TaggedErrorClass<TimeoutError, "TimeoutError", {
    readonly _tag: Schema.tag<"TimeoutError">;
} & {
    message: typeof Schema.String;
    phase: Schema.Literal<["response", "body", "deadline"]>;
    /** The limit that passed (milliseconds in JSON). */
    timeout: Schema.transform<Schema.filter<typeof Schema.NonNegative>, typeof Schema.DurationFromSelf>;
    possiblyDelivered: typeof Schema.Boolean;
    /** Whether the SDK would retry it: never, today (the request may have reached the server). */
    retryable: Schema.PropertySignature<":", boolean, never, ":", boolean, true, never>;
    attempts: typeof Schema.Int;
}>;
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
export declare class TimeoutError extends /* @__PURE__ */ TimeoutError_base {
}
declare const InvalidInputError_base: Schema.TaggedErrorClass<InvalidInputError, "InvalidInputError", {
    readonly _tag: Schema.tag<"InvalidInputError">;
} & {
    message: typeof Schema.String;
    /** The operation, such as `User.create`. */
    operation: typeof Schema.String;
    /** The path of the field at fault, such as `password`; `""` for the input as a whole. */
    field: typeof Schema.String;
    /** Always `0`: nothing was sent. */
    attempts: typeof Schema.Int;
    retryable: Schema.PropertySignature<":", boolean, never, ":", boolean, true, never>;
    possiblyDelivered: Schema.PropertySignature<":", boolean, never, ":", boolean, true, never>;
}>;
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
export declare class InvalidInputError extends /* @__PURE__ */ InvalidInputError_base {
}
declare const ResponseDecodeError_base: Schema.TaggedErrorClass<ResponseDecodeError, "ResponseDecodeError", {
    readonly _tag: Schema.tag<"ResponseDecodeError">;
} & {
    message: typeof Schema.String;
    status: typeof Schema.Int;
    requestId: Schema.optionalWith<typeof Schema.String, {
        exact: true;
    }>;
    bodyExcerpt: typeof Schema.String;
    /** Always `false`: a reply arrived, and the call may have taken effect. */
    retryable: Schema.PropertySignature<":", boolean, never, ":", boolean, true, never>;
    /** Always `true`: the server received the request and answered. */
    possiblyDelivered: Schema.PropertySignature<":", boolean, never, ":", boolean, true, never>;
    attempts: typeof Schema.Int;
}>;
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
export declare class ResponseDecodeError extends /* @__PURE__ */ ResponseDecodeError_base {
}
declare const ResponseTooLargeError_base: Schema.TaggedErrorClass<ResponseTooLargeError, "ResponseTooLargeError", {
    readonly _tag: Schema.tag<"ResponseTooLargeError">;
} & {
    message: typeof Schema.String;
    status: typeof Schema.Int;
    /** The limit that was passed, in bytes. */
    limit: typeof Schema.Int;
    possiblyDelivered: Schema.Literal<[true]>;
    retryable: Schema.Literal<[false]>;
    attempts: typeof Schema.Int;
}>;
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
export declare class ResponseTooLargeError extends /* @__PURE__ */ ResponseTooLargeError_base {
}
declare const UizaConfigError_base: Schema.TaggedErrorClass<UizaConfigError, "UizaConfigError", {
    readonly _tag: Schema.tag<"UizaConfigError">;
} & {
    message: typeof Schema.String;
    /**
     * The setting at fault: `workspaceApiDomain`, `authorization`, `timeout`, `maxRetries`,
     * `deadline`, `maxResponseBytes`, or `options` when the options are not an object;
     * `keepAliveTimeout` for the pool of `NodeUiza.makeHttpClientLayer`.
     */
    setting: typeof Schema.String;
    /** Always `false`: the same configuration fails the same way. */
    retryable: Schema.PropertySignature<":", boolean, never, ":", boolean, true, never>;
    /** Always `false`: nothing was sent. */
    possiblyDelivered: Schema.PropertySignature<":", boolean, never, ":", boolean, true, never>;
    /** Always `0`: no request was sent. */
    attempts: Schema.PropertySignature<":", number, never, ":", number, true, never>;
}>;
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
export declare class UizaConfigError extends /* @__PURE__ */ UizaConfigError_base {
}
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
export type StatusError = BadRequestError | UnauthorizedError | NotFoundError | UnprocessableError | InternalServerError | ServiceUnavailableError | ClientError | ServerError;
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
export type UizaError = StatusError | ConnectionError | TimeoutError | ResponseDecodeError | ResponseTooLargeError | InvalidInputError | UizaConfigError;
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
export declare const UizaError: Schema.Union<[
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
]>;
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
export declare const isUizaError: <A>(u: A) => u is A & UizaError;
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
export declare const isStatusError: (u: unknown) => u is StatusError;
export {};
//# sourceMappingURL=UizaError.d.ts.map