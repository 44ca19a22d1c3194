/**
 * An Effect SDK for the Uiza v3 public API.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FetchHttpClient } from "@effect/platform"
 * import { UizaConfig, User } from "@uiza-effect/core"
 *
 * // UizaConfig from UIZA_WORKSPACE_API_DOMAIN and UIZA_AUTHORIZATION; any HttpClient (here fetch).
 * const program = User.logout().pipe(
 *   Effect.catchTag("UnauthorizedError", () => Effect.log("already logged out")),
 *   Effect.provide([UizaConfig.layerConfig(), FetchHttpClient.layer])
 * )
 * ```
 *
 * @since 0.1.0
 */

/**
 * The authentication operations (`Auth.createToken`, `Auth.checkToken`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FetchHttpClient } from "@effect/platform"
 * import { Auth, UizaConfig } from "@uiza-effect/core"
 *
 * const program = Auth.checkToken().pipe(
 *   Effect.tap((status) => Effect.log(`expires at ${status.expiresAt.toISOString()}`)),
 *   Effect.provide([UizaConfig.layerConfig(), FetchHttpClient.layer])
 * )
 * ```
 *
 * @since 0.2.0
 */
export * as Auth from "./Auth.js"

/**
 * The settings of a Uiza client (`UizaConfig.layer`, `UizaConfig.layerConfig`).
 *
 * @example
 * ```ts
 * import { UizaConfig } from "@uiza-effect/core"
 *
 * // From UIZA_WORKSPACE_API_DOMAIN, UIZA_AUTHORIZATION, ...:
 * const fromEnvironment = UizaConfig.layerConfig()
 *
 * // Or from options given in code:
 * const inCode = UizaConfig.layer({
 *   workspaceApiDomain: "your-workspace-api-domain.uiza.co",
 *   authorization: "uap-0123456789abcdef0123456789abcdef-01234567",
 *   timeout: "10 seconds"
 * })
 * ```
 *
 * @since 0.1.0
 */
export * as UizaConfig from "./UizaConfig.js"

/**
 * The errors of the SDK, as `Schema.TaggedError` classes.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { UizaError, User } from "@uiza-effect/core"
 *
 * const program = User.logout().pipe(
 *   Effect.catchIf(UizaError.isStatusError, (error) => Effect.logError(`HTTP ${error.status}: ${error.message}`)),
 *   Effect.catchTag("ConnectionError", (error) => Effect.logError(`network: ${error.reason}`))
 * )
 * ```
 *
 * @since 0.1.0
 */
export * as UizaError from "./UizaError.js"

/**
 * The user operations (`User.create`, `retrieve`, `list`, `listAll`, `update`, `delete`,
 * `changePassword`, `logout`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FetchHttpClient } from "@effect/platform"
 * import { UizaConfig, User } from "@uiza-effect/core"
 *
 * const program = User.logout().pipe(
 *   Effect.tap((result) => Effect.log(result.message)), // "Logout success"
 *   Effect.provide([UizaConfig.layerConfig(), FetchHttpClient.layer])
 * )
 * ```
 *
 * @since 0.1.0
 */
export * as User from "./User.js"

/**
 * The limit on reply bodies that a call passes to its HTTP client.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { ResponseBodyLimit } from "@uiza-effect/core"
 *
 * const limit = Effect.map(ResponseBodyLimit.MaxResponseBytes, (bytes) => `at most ${bytes} bytes`)
 * ```
 *
 * @since 0.2.0
 */
export * as ResponseBodyLimit from "./ResponseBodyLimit.js"

/**
 * How an HTTP client tells a call whether its request was written, so that an
 * attempt that never left the client's queue is not reported as possibly delivered.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { RequestDelivery } from "@uiza-effect/core"
 *
 * const queued = Effect.flatMap(RequestDelivery.Report, (report) => Effect.sync(() => report(false)))
 * ```
 *
 * @since 0.2.0
 */
export * as RequestDelivery from "./RequestDelivery.js"

/**
 * How an HTTP client lets a call cancel the request of its current attempt
 * when the attempt's time limit passes, so the call needs no fiber of its own
 * to interrupt.
 *
 * @example
 * ```ts
 * import { RequestCancellation } from "@uiza-effect/core"
 *
 * console.log(RequestCancellation.isSupported({})) // false
 * ```
 *
 * @since 0.2.0
 */
export * as RequestCancellation from "./RequestCancellation.js"
