// Runs in a scratch project that installed the packed tarballs: the
// published shape of the packages, resolved by plain Node.
import { User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import { NodeUizaServer } from "@uiza-effect/server"
import { Effect } from "effect"

const program = Effect.scoped(
  Effect.gen(function*() {
    const server = yield* NodeUizaServer.start()
    const layer = NodeUiza.layer({ workspaceApiDomain: server.url, authorization: server.tokens[0] })
    const result = yield* Effect.provide(User.logout(), layer)
    if (result.message !== "Logout success") throw new Error(`unexpected result ${result.message}`)
    const second = yield* Effect.flip(Effect.provide(User.logout(), layer))
    if (second._tag !== "UnauthorizedError") throw new Error(`unexpected ${second._tag}`)
    console.log(`consumer: logged out (${result.requestId}), then ${second._tag} as expected`)
  })
)

await Effect.runPromise(program)
