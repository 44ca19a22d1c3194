/**
 * The Node part of the test kit: the local Uiza server over a real socket,
 * for integration tests. Import it from `@uiza-effect/testing/node`.
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
 */

/**
 * The local Uiza server as a scoped resource, and the Node preset pointed
 * at it (`NodeUizaTest.start`, `NodeUizaTest.layer`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { NodeUizaTest } from "@uiza-effect/testing/node"
 *
 * // A logout over a real socket, against the local server.
 * const program = User.logout().pipe(Effect.provide(NodeUizaTest.layer({ maxRetries: 0 })))
 * ```
 *
 * @since 0.1.0
 */
export * as NodeUizaTest from "./NodeUizaTest.js"
