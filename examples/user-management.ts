/**
 * The user management flow of the README's demo, against the project's local
 * Uiza server (no real workspace needed): log in as the seeded admin, create
 * a user and list the users, log out, then show that the revoked token gets a
 * typed 401.
 *
 * With UIZA_WORKSPACE_API_DOMAIN, UIZA_USERNAME, UIZA_PASSWORD and UIZA_DOMAIN
 * all set, it runs the same flow against that workspace instead (and deletes
 * the user it created).
 */
import { Auth, UizaConfig, User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import { NodeUizaServer } from "@uiza-effect/server"
import { Console, Effect, Redacted } from "effect"

interface Workspace {
  readonly workspaceApiDomain: string
  readonly username: string
  readonly password: Redacted.Redacted<string>
  readonly domain: string
}

const flow = (workspace: Workspace) =>
  Effect.gen(function*() {
    const issued = yield* Auth.createToken(workspace)
    yield* Console.log(`logged in as ${workspace.username}: token ${issued.token} for app ${issued.appId}`)
    const session = UizaConfig.layer({ workspaceApiDomain: workspace.workspaceApiDomain, authorization: issued.token })

    yield* Effect.gen(function*() {
      const user = yield* User.create({
        username: `ada-${Date.now().toString(36)}`,
        email: `ada-${Date.now().toString(36)}@example.com`,
        password: Redacted.make("correct-horse-battery"),
        status: "active",
        fullName: "Ada Lovelace"
      })
      yield* Console.log(`created ${user.username} (${user.id}), ${user.status}`)
      const page = yield* User.list({ limit: 20 })
      yield* Console.log(`${page.total} users: ${page.items.map((u) => u.username).join(", ")}`)
      yield* User.delete(user.id)
      yield* Console.log(`deleted ${user.username}`)
      const status = yield* Auth.checkToken()
      yield* Console.log(`the token expires at ${status.expiresAt.toISOString()}`)
      const logout = yield* User.logout()
      yield* Console.log(`logout: ${logout.message}`)
      yield* User.list().pipe(
        Effect.tap(() => Console.log("the token still works?!")),
        Effect.catchTag("UnauthorizedError", (error) =>
          Console.log(`after logout: ${error._tag} (HTTP ${error.status}): ${error.message}`))
      )
    }).pipe(Effect.provide(session))
  }).pipe(Effect.provide(NodeUiza.layerHttpClient))

const againstTheLocalServer = Effect.scoped(
  Effect.gen(function*() {
    const server = yield* NodeUizaServer.start()
    yield* Console.log(`Local Uiza server at ${server.url}, seeded admin ${server.admin.email}`)
    yield* flow({
      workspaceApiDomain: server.url,
      username: server.admin.email,
      password: server.admin.password,
      domain: "local"
    })
  })
)

// A real workspace needs all four settings; with only some of them (a shell where `uiza serve`
// suggested `export UIZA_WORKSPACE_API_DOMAIN=...`, say) the local server is used, and says why.
const workspaceVariables = ["UIZA_WORKSPACE_API_DOMAIN", "UIZA_USERNAME", "UIZA_PASSWORD", "UIZA_DOMAIN"] as const
const env = process.env
const missing = workspaceVariables.filter((name) => (env[name] ?? "") === "")
const program = missing.length > 0
  ? Effect.zipRight(
    missing.length < workspaceVariables.length
      ? Console.log(`A real workspace needs ${missing.join(", ")} too; running against a local server instead.`)
      : Effect.void,
    againstTheLocalServer
  )
  : flow({
    workspaceApiDomain: env.UIZA_WORKSPACE_API_DOMAIN!,
    username: env.UIZA_USERNAME!,
    password: Redacted.make(env.UIZA_PASSWORD!),
    domain: env.UIZA_DOMAIN!
  })

// A failure is one of the SDK's errors: its tag and message say it all, without a stack.
program.pipe(
  Effect.catchAll((error) =>
    Effect.zipRight(
      Console.error(`${error._tag}: ${error.message}`),
      Effect.sync(() => {
        process.exitCode = 1
      })
    )
  ),
  Effect.runPromiseExit
).then((exit) => {
  if (exit._tag === "Failure") {
    console.error(String(exit.cause))
    process.exitCode = 1
  }
})
