/**
 * Logs out against a Uiza workspace from Node.
 *
 * With UIZA_WORKSPACE_API_DOMAIN and UIZA_AUTHORIZATION set, it logs out of
 * that workspace. Without them, it starts the local Uiza server and logs out
 * there: once with success, then again with the same (now revoked) token,
 * which fails with a typed UnauthorizedError.
 */
import { User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import { NodeUizaServer } from "@uiza-effect/server"
import { Console, Effect } from "effect"

const logoutAndReport = (label: string) =>
  User.logout().pipe(
    Effect.tap((result) => Console.log(`${label}: ${result.message}`, result)),
    Effect.catchTag("UnauthorizedError", (error) =>
      Console.log(`${label}: ${error._tag} (HTTP ${error.status}): ${error.message}`, {
        requestId: error.requestId,
        attempts: error.attempts,
        descriptionLink: error.descriptionLink
      }))
  )

const againstTheLocalServer = Effect.scoped(
  Effect.gen(function*() {
    const server = yield* NodeUizaServer.start()
    yield* Console.log(`Local Uiza server at ${server.url}`)
    const UizaLive = NodeUiza.layer({ workspaceApiDomain: server.url, authorization: server.tokens[0] })
    yield* Effect.provide(
      Effect.gen(function*() {
        yield* logoutAndReport("first logout")
        yield* logoutAndReport("second logout with the same token")
      }),
      UizaLive
    )
  })
)

const againstTheConfiguredWorkspace = logoutAndReport("logout").pipe(Effect.provide(NodeUiza.layerConfig()))

const program = process.env.UIZA_WORKSPACE_API_DOMAIN === undefined
  ? againstTheLocalServer
  : againstTheConfiguredWorkspace

Effect.runPromiseExit(program).then((exit) => {
  if (exit._tag === "Failure") {
    console.error(String(exit.cause))
    process.exitCode = 1
  }
})
