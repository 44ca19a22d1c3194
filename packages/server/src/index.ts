/**
 * A local Uiza v3 server for demos and integration tests.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { NodeUizaServer, UizaServer } from "@uiza-effect/server"
 *
 * // In memory: the emulation as an HttpApp.
 * const emulation = UizaServer.make({ tokens: [UizaServer.randomToken()] })
 *
 * // Over HTTP on Node, while the scope is open.
 * const program = Effect.scoped(
 *   Effect.gen(function*() {
 *     const server = yield* NodeUizaServer.start({ tokens: emulation.tokens })
 *     yield* Effect.log(`listening on ${server.url}`)
 *   })
 * )
 * ```
 *
 * @since 0.1.0
 */

/**
 * The platform-agnostic emulation of the logout endpoint.
 *
 * @example
 * ```ts
 * import { HttpApp } from "@effect/platform"
 * import { UizaServer } from "@uiza-effect/server"
 *
 * const server = UizaServer.make()
 * // A web handler (Request => Promise<Response>), for tests or any fetch-style runtime.
 * const handler = HttpApp.toWebHandler(server.app)
 * ```
 *
 * @since 0.1.0
 */
export * as UizaServer from "./UizaServer.js"

/**
 * The emulation served over HTTP on Node.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { NodeUizaServer } from "@uiza-effect/server"
 *
 * // Serve until interrupted.
 * const program = Effect.scoped(
 *   Effect.gen(function*() {
 *     const server = yield* NodeUizaServer.start({ port: 8080 })
 *     yield* Effect.log(`listening on ${server.url}, token ${server.tokens[0]}`)
 *     return yield* Effect.never
 *   })
 * )
 * ```
 *
 * @since 0.1.0
 */
export * as NodeUizaServer from "./NodeUizaServer.js"
