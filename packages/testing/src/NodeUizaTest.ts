/**
 * The local Uiza server for a user's own integration tests: the emulation of
 * `@uiza-effect/server` listening on `127.0.0.1` over a real socket, as a
 * scoped resource, and a layer with the Node preset (`NodeUiza`) pointed at
 * it. Use it for what only a socket shows; the in-memory `UizaTest` is faster
 * for everything else.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type { ServeError } from "@effect/platform/HttpServerError"
import type { UizaConfig, UizaError } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import { NodeUizaServer } from "@uiza-effect/server"
import * as Context from "effect/Context"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"

/**
 * A listening local server: its URL, a valid token, and the emulation's
 * state (`tokens`, `isValid`, `addToken`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { NodeUizaTest } from "@uiza-effect/testing/node"
 *
 * const program = Effect.scoped(
 *   Effect.gen(function*() {
 *     const server: NodeUizaTest.TestServer = yield* NodeUizaTest.start()
 *     yield* Effect.log(`UIZA_WORKSPACE_API_DOMAIN=${server.url} UIZA_AUTHORIZATION=${server.token}`)
 *     return server.isValid(server.token) // true until a logout revokes it
 *   })
 * )
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface TestServer extends NodeUizaServer.RunningServer {
  /** A token the server accepts at start (the first of `tokens`). */
  readonly token: string
}

/**
 * Options of {@link start} and {@link layer}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { NodeUizaTest } from "@uiza-effect/testing/node"
 *
 * const options: NodeUizaTest.Options = {
 *   tokens: ["uap-0123456789abcdef0123456789abcdef-01234567"],
 *   port: 0, // a free port
 *   timeout: "1 second",
 *   maxRetries: 0
 * }
 *
 * const program = User.logout().pipe(Effect.provide(NodeUizaTest.layer(options)))
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends NodeUizaServer.Options {
  /** Passed to the client's `UizaConfig` by {@link layer}. */
  readonly timeout?: Duration.DurationInput | undefined
  /** Passed to the client's `UizaConfig` by {@link layer}; `0` turns retries off. */
  readonly maxRetries?: number | undefined
  /** Passed to the client's `UizaConfig` by {@link layer}. */
  readonly deadline?: Duration.DurationInput | undefined
}

/**
 * The running server, as a service a test can `yield*` when it uses
 * {@link layer} or {@link layerServer}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { NodeUizaTest } from "@uiza-effect/testing/node"
 *
 * const program = Effect.gen(function*() {
 *   const server = yield* NodeUizaTest.UizaTestServer
 *   yield* User.logout()
 *   return server.isValid(server.token) // false: revoked over a real socket
 * }).pipe(Effect.provide(NodeUizaTest.layer()))
 * ```
 *
 * @since 0.1.0
 * @category tags
 */
export class UizaTestServer extends Context.Tag("@uiza-effect/testing/NodeUizaTest/UizaTestServer")<
  UizaTestServer,
  TestServer
>() {}

/**
 * Starts the local server on `127.0.0.1` (a free port unless `port` is
 * given); it stops when the scope closes.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { NodeUiza } from "@uiza-effect/node"
 * import { NodeUizaTest } from "@uiza-effect/testing/node"
 *
 * const program = Effect.scoped(
 *   Effect.gen(function*() {
 *     const server = yield* NodeUizaTest.start()
 *     return yield* User.logout().pipe(
 *       Effect.provide(NodeUiza.layer({ workspaceApiDomain: server.url, authorization: server.token }))
 *     )
 *   })
 * )
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const start = (options: Options = {}): Effect.Effect<TestServer, ServeError, Scope.Scope> =>
  Effect.map(
    // Every server option (tokens, port, host, admin, replyShapes, ...) goes to the server.
    NodeUizaServer.start(options),
    (server) => ({ ...server, token: server.tokens[0] ?? "" })
  )

/**
 * The local server as a layer of {@link UizaTestServer}: it listens while
 * the layer is alive.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { NodeUizaTest } from "@uiza-effect/testing/node"
 *
 * const program = Effect.gen(function*() {
 *   const server = yield* NodeUizaTest.UizaTestServer
 *   yield* Effect.log(`listening on ${server.url}`)
 * }).pipe(Effect.provide(NodeUizaTest.layerServer()))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerServer = (options: Options = {}): Layer.Layer<UizaTestServer, ServeError> =>
  Layer.scoped(UizaTestServer, start(options))

/**
 * The local server and the Node preset pointed at it: `HttpClient`
 * (undici, a real socket), `UizaConfig` (the server's URL and token) and
 * {@link UizaTestServer}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { NodeUizaTest } from "@uiza-effect/testing/node"
 *
 * const program = Effect.gen(function*() {
 *   const first = yield* User.logout() // "Logout success"
 *   const second = yield* Effect.flip(User.logout()) // UnauthorizedError
 *   return [first.message, second._tag]
 * }).pipe(Effect.provide(NodeUizaTest.layer({ maxRetries: 0 })))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options = {}
): Layer.Layer<
  HttpClient.HttpClient | UizaConfig.UizaConfig | UizaTestServer,
  ServeError | UizaError.UizaConfigError
> =>
  Layer.unwrapEffect(
    Effect.map(UizaTestServer, (server) =>
      NodeUiza.layer({
        workspaceApiDomain: server.url,
        authorization: server.token,
        timeout: options.timeout,
        maxRetries: options.maxRetries,
        deadline: options.deadline
      }))
  ).pipe(Layer.provideMerge(layerServer(options)))
