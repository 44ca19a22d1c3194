/**
 * A test kit for programs that use `@uiza-effect/core`: an in-memory Uiza
 * API that runs the real emulation, with faults on demand and the requests it
 * received, for assertions. Browser-safe; the local server over a real socket
 * is in `@uiza-effect/testing/node`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { UizaTest } from "@uiza-effect/testing"
 *
 * const program = Effect.gen(function*() {
 *   const kit = yield* UizaTest.UizaTest
 *   yield* kit.failNext(UizaTest.reply(401))
 *   return yield* Effect.flip(User.logout()) // UnauthorizedError, from the fault
 * }).pipe(Effect.provide(UizaTest.layer()))
 * ```
 *
 * @since 0.1.0
 */

/**
 * The in-memory Uiza API (`UizaTest.layer`, the `UizaTest.UizaTest` service,
 * faults).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { UizaTest } from "@uiza-effect/testing"
 *
 * // No network: the in-memory API answers.
 * const program = User.logout().pipe(Effect.provide(UizaTest.layer()))
 * ```
 *
 * @since 0.1.0
 */
export * as UizaTest from "./UizaTest.js"
