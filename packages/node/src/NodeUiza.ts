/**
 * Ready-made layers for Node: an undici-based `HttpClient` with its own
 * connection pool, and the `UizaConfig`, in one layer.
 *
 * Build the layer once and share it (for example in a `ManagedRuntime` or at
 * the edge of the program): the connection pool lives as long as the layer.
 *
 * @since 0.1.0
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import { UizaConfig, type UizaError } from "@uiza-effect/core"
import * as Layer from "effect/Layer"

/**
 * The `HttpClient` of the preset: undici, with a pool that closes when the
 * layer's scope does. Redirects are not followed.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { UizaConfig, User } from "@uiza-effect/core"
 * import { NodeUiza } from "@uiza-effect/node"
 *
 * const program = User.logout().pipe(
 *   Effect.provide([NodeUiza.layerHttpClient, UizaConfig.layerConfig()])
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerHttpClient: Layer.Layer<HttpClient.HttpClient> = NodeHttpClient.layerUndici

/**
 * `HttpClient` and `UizaConfig` from options given in code.
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { NodeUiza } from "@uiza-effect/node"
 *
 * const UizaLive = NodeUiza.layer({
 *   workspaceApiDomain: "your-workspace-api-domain.uiza.co",
 *   authorization: Redacted.make("uap-0123456789abcdef0123456789abcdef-01234567")
 * })
 *
 * Effect.runPromise(User.logout().pipe(Effect.provide(UizaLive))).then((result) => console.log(result.message))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: UizaConfig.Options
): Layer.Layer<HttpClient.HttpClient | UizaConfig.UizaConfig, UizaError.UizaConfigError> =>
  Layer.merge(layerHttpClient, UizaConfig.layer(options))

/**
 * `HttpClient` and `UizaConfig` from the environment:
 * `UIZA_WORKSPACE_API_DOMAIN`, `UIZA_AUTHORIZATION`, and the optional
 * `UIZA_TIMEOUT`, `UIZA_MAX_RETRIES`, `UIZA_DEADLINE`. A missing or invalid
 * variable fails when the layer is built, naming the variable.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { NodeUiza } from "@uiza-effect/node"
 *
 * Effect.runPromise(User.logout().pipe(Effect.provide(NodeUiza.layerConfig())))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  options?: UizaConfig.ConfigOptions
): Layer.Layer<HttpClient.HttpClient | UizaConfig.UizaConfig, UizaError.UizaConfigError> =>
  Layer.merge(layerHttpClient, UizaConfig.layerConfig(options))
