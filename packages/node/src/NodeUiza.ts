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
import { UizaConfig, UizaError } from "@uiza-effect/core"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
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
  /**
   * How long a socket left idle is kept for the next call (default
   * {@link defaultKeepAliveTimeout}, 1 second; longer than zero, at most 10
   * minutes). Keep it shorter than the time after which the server closes idle
   * connections: a request written just as the server closes its socket is
   * reset, and may have been delivered, so it is not retried. A server's
   * `Keep-Alive: timeout=N` hint shortens it to `N - 1` seconds, never lengthens it.
   */
  readonly keepAliveTimeout?: Duration.DurationInput | undefined
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
 * How long the preset keeps an idle socket by default: 1 second, shorter than
 * the idle timeout of common servers and proxies (5 s for Node, 60 s and more
 * for most load balancers).
 *
 * @example
 * ```ts
 * import { Duration } from "effect"
 * import { NodeUiza } from "@uiza-effect/node"
 *
 * console.log(Duration.format(NodeUiza.defaultKeepAliveTimeout)) // "1s"
 * ```
 *
 * @since 0.2.0
 * @category constants
 */
export const defaultKeepAliveTimeout: Duration.Duration = Duration.seconds(1)

const KEEP_ALIVE_LIMIT = Duration.minutes(10)
// A server's `Keep-Alive: timeout=N` hint is taken as N seconds minus this margin.
const KEEP_ALIVE_HINT_MARGIN_MILLIS = 1_000

const keepAliveMillis = (
  input: Duration.DurationInput | undefined
): Effect.Effect<number, UizaError.UizaConfigError> => {
  if (input === undefined) return Effect.succeed(Duration.toMillis(defaultKeepAliveTimeout))
  const duration = Duration.decodeUnknown(input)
  const problem = Option.isNone(duration)
    ? "is not a duration"
    : !(Duration.toMillis(duration.value) > 0)
    ? "must be longer than zero"
    : Duration.greaterThan(duration.value, KEEP_ALIVE_LIMIT)
    ? `must be at most ${Duration.format(KEEP_ALIVE_LIMIT)}`
    : undefined
  return problem === undefined
    ? Effect.succeed(Math.ceil(Duration.toMillis(Option.getOrThrow(duration))))
    : Effect.fail(
      new UizaError.UizaConfigError({
        setting: "keepAliveTimeout",
        message: `Invalid option of NodeUiza.makeHttpClientLayer: keepAliveTimeout ${problem}.`
      })
    )
}

const makeAgent = (connections: number, keepAliveTimeout: number) =>
  new Agent({
    connections,
    connect: InformationalResponses.connector(),
    keepAliveTimeout,
    // A server's hint can shorten the wait, never lengthen it.
    keepAliveMaxTimeout: keepAliveTimeout,
    keepAliveTimeoutThreshold: KEEP_ALIVE_HINT_MARGIN_MILLIS
  })

const pooledClient = (connections: number, keepAliveTimeout: number) =>
  Effect.map(
    Effect.acquireRelease(
      Effect.sync(() => makeAgent(connections, keepAliveTimeout)),
      (agent) => Effect.promise(() => agent.destroy())
    ),
    UndiciHttpClient.make
  )

/**
 * An `HttpClient` on undici with a bounded pool of its own, closed (every
 * socket) when the layer's scope closes. Redirects are not followed. An
 * invalid `keepAliveTimeout` fails the layer with a `UizaConfigError`.
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
 *   Effect.provide([
 *     NodeUiza.makeHttpClientLayer({ connections: 8, keepAliveTimeout: "2 seconds" }),
 *     UizaConfig.layerConfig()
 *   ])
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const makeHttpClientLayer = (
  options: PoolOptions = {}
): Layer.Layer<HttpClient.HttpClient, UizaError.UizaConfigError> =>
  Layer.scoped(
    HttpClient.HttpClient,
    Effect.flatMap(
      keepAliveMillis(options.keepAliveTimeout),
      (keepAlive) => pooledClient(options.connections ?? defaultConnections, keepAlive)
    )
  )

/**
 * The `HttpClient` of the preset: undici with a pool of
 * {@link defaultConnections} sockets per origin, each kept idle for at most
 * {@link defaultKeepAliveTimeout}.
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
export const layerHttpClient: Layer.Layer<HttpClient.HttpClient> = Layer.scoped(
  HttpClient.HttpClient,
  pooledClient(defaultConnections, Duration.toMillis(defaultKeepAliveTimeout))
)

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
