/**
 * Serves the {@link UizaServer} emulation over HTTP on Node, as a scoped
 * resource: it listens while the scope is open and closes with it.
 *
 * @since 0.1.0
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import type { ServeError } from "@effect/platform/HttpServerError"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import { createServer } from "node:http"
import * as UizaServer from "./UizaServer.js"

/**
 * A random token of the documented shape (re-exported from `UizaServer`).
 *
 * @example
 * ```ts
 * import { NodeUizaServer } from "@uiza-effect/server"
 *
 * const token = NodeUizaServer.randomToken()
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const randomToken: () => string = UizaServer.randomToken

/**
 * Options of {@link start}.
 *
 * @example
 * ```ts
 * import { NodeUizaServer } from "@uiza-effect/server"
 *
 * const options: NodeUizaServer.Options = {
 *   port: 0, // a free port
 *   host: "127.0.0.1",
 *   tokens: ["uap-0123456789abcdef0123456789abcdef-01234567"]
 * }
 *
 * const server = NodeUizaServer.start(options) // Effect<RunningServer, ServeError, Scope>
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends UizaServer.Options {
  /** The port; `0` (the default) picks a free one. */
  readonly port?: number | undefined
  /** The interface; `127.0.0.1` by default. */
  readonly host?: string | undefined
}

/**
 * A listening server.
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { Effect } from "effect"
 * import { UizaConfig, User } from "@uiza-effect/core"
 * import { NodeUizaServer } from "@uiza-effect/server"
 *
 * const program = Effect.scoped(
 *   Effect.gen(function*() {
 *     const server: NodeUizaServer.RunningServer = yield* NodeUizaServer.start()
 *     const token = server.tokens[0] ?? ""
 *     const UizaLive = UizaConfig.layer({ workspaceApiDomain: server.url, authorization: token })
 *     yield* User.logout().pipe(Effect.provide([UizaLive, FetchHttpClient.layer]))
 *     return server.isValid(token) // false: revoked
 *   })
 * )
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface RunningServer extends UizaServer.UizaServer {
  /** The origin to use as `workspaceApiDomain`, such as `http://127.0.0.1:41234`. */
  readonly url: string
  readonly port: number
}

/**
 * Starts the local Uiza server; it stops when the scope closes.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { NodeUizaServer } from "@uiza-effect/server"
 *
 * const program = Effect.scoped(
 *   Effect.gen(function*() {
 *     const server = yield* NodeUizaServer.start()
 *     yield* Effect.log(`listening on ${server.url}, token ${server.tokens[0]}`)
 *   })
 * )
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const start = (options: Options = {}): Effect.Effect<RunningServer, ServeError, Scope.Scope> =>
  Effect.gen(function*() {
    const host = options.host ?? "127.0.0.1"
    const emulation = UizaServer.make(options)
    const server = yield* NodeHttpServer.make(() => createServer(), { port: options.port ?? 0, host })
    yield* server.serve(emulation.app)
    const port = server.address._tag === "TcpAddress" ? server.address.port : 0
    const urlHost = host.includes(":") ? `[${host}]` : host
    return { ...emulation, url: `http://${urlHost}:${port}`, port }
  })
