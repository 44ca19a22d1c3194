// Type-checked in the scratch project that installed the tarballs, under the
// settings of a strict monorepo: `customConditions: ["source"]` (which must
// not reach the SDK's TypeScript sources) and `noUncheckedIndexedAccess`.
import { UizaError, User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import { UizaTest } from "@uiza-effect/testing"
import { NodeUizaTest } from "@uiza-effect/testing/node"
import { Effect } from "effect"

export const signOut = User.logout().pipe(
  Effect.map((result) => result.message),
  Effect.catchTag("UnauthorizedError", () => Effect.succeed("already signed out")),
  Effect.catchIf(UizaError.isUizaError, (error) => Effect.succeed(error._tag))
)

export const live = signOut.pipe(Effect.provide(NodeUiza.layerConfig()))

export const inMemory = Effect.gen(function*() {
  const kit = yield* UizaTest.UizaTest
  yield* kit.failNext(UizaTest.reply(503))
  const first = yield* signOut
  const [request] = yield* kit.requests
  return [first, request?.method] as const
}).pipe(Effect.provide(UizaTest.layer()))

export const overSocket = signOut.pipe(Effect.provide(NodeUizaTest.layer()))
