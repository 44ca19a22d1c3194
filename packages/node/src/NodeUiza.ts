/**
 * Ready-made layers for Node: an undici-based `HttpClient` with its own
 * connection pool, and the `UizaConfig`, in one layer.
 *
 * Build the layer once and share it (for example in a `ManagedRuntime` or at
 * the edge of the program): the connection pool lives as long as the layer.
 *
 * @since 0.1.0
 */
import { Agent } from "@effect/platform-node/Undici"
import * as HttpClient from "@effect/platform/HttpClient"
import { UizaConfig, type UizaError } from "@uiza-effect/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as InformationalResponses from "./internal/informationalResponses.js"
import * as UndiciHttpClient from "./internal/undiciHttpClient.js"

/**
 * Options of the preset's connection pool.
 *
 * @example
 * ```ts
 * import { NodeUiza } from "@uiza-effect/node"
 *
 * // At most 8 sockets to the workspace at once.
 * const pool: NodeUiza.PoolOptions = { connections: 8 }
 *
 * const HttpClientLive = NodeUiza.makeHttpClientLayer(pool)
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface PoolOptions {
  /**
   * The most sockets open to one origin at once (default 64); further calls
   * wait for a free one, so any number of concurrent logouts stays bounded.
   */
  readonly connections?: number | undefined
}

/**
 * The default size of the connection pool, per origin.
 *
 * @example
 * ```ts
 * import { NodeUiza } from "@uiza-effect/node"
 *
 * // Twice the default pool, for a batch job.
 * const HttpClientLive = NodeUiza.makeHttpClientLayer({ connections: NodeUiza.defaultConnections * 2 })
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultConnections = 64

/**
 * An `HttpClient` on undici with a bounded pool of its own, closed (every
 * socket) when the layer's scope closes. Redirects are not followed.
 *
 * It is the SDK's own lean client on undici's `Agent`, not
 * `NodeHttpClient.layerUndici`: one request and one body read per call, no
 * span and no trace headers. Responses read as text, JSON, bytes, form data,
 * URL parameters or a stream; failures are `@effect/platform`'s
 * `RequestError` / `ResponseError` with the same reasons as `NodeHttpClient`;
 * interrupting a request or a body read closes its socket.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { UizaConfig, User } from "@uiza-effect/core"
 * import { NodeUiza } from "@uiza-effect/node"
 *
 * const program = User.logout().pipe(
 *   Effect.provide([NodeUiza.makeHttpClientLayer({ connections: 8 }), UizaConfig.layerConfig()])
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const makeHttpClientLayer = (options: PoolOptions = {}): Layer.Layer<HttpClient.HttpClient> =>
  Layer.scoped(
    HttpClient.HttpClient,
    Effect.map(
      Effect.acquireRelease(
        Effect.sync(() =>
          new Agent({
            connections: options.connections ?? defaultConnections,
            connect: InformationalResponses.connector()
          })
        ),
        (agent) => Effect.promise(() => agent.destroy())
      ),
      UndiciHttpClient.make
    )
  )

/**
 * The `HttpClient` of the preset: undici with a pool of
 * {@link defaultConnections} sockets per origin.
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
export const layerHttpClient: Layer.Layer<HttpClient.HttpClient> = makeHttpClientLayer()

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
  UizaConfig.layerWithHttpClient(UizaConfig.layer(options), layerHttpClient)

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
  UizaConfig.layerWithHttpClient(UizaConfig.layerConfig(options), layerHttpClient)
