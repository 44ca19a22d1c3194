// Runs in a scratch project that installed the packed tarballs: the
// published shape of the packages, resolved by plain Node, and the `uiza`
// binary as npm installed it.
import { User } from "@uiza-effect/core"
import * as UizaErrorModule from "@uiza-effect/core/UizaError"
import * as UserModule from "@uiza-effect/core/User"
import { NodeUiza } from "@uiza-effect/node"
import { NodeUizaServer } from "@uiza-effect/server"
import { Effect } from "effect"
import { execFile } from "node:child_process"
import { readFileSync } from "node:fs"

const uiza = (args, env, input) =>
  new Promise((resolve) => {
    const child = execFile(
      "node_modules/.bin/uiza",
      args,
      { env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr })
    )
    child.stdin.end(input ?? "")
  })

const program = Effect.scoped(
  Effect.gen(function*() {
    const tokens = [NodeUizaServer.randomToken(), NodeUizaServer.randomToken()]
    const server = yield* NodeUizaServer.start({ tokens })
    const layer = NodeUiza.layer({ workspaceApiDomain: server.url, authorization: tokens[0] })
    const result = yield* Effect.provide(User.logout(), layer)
    if (result.message !== "Logout success") throw new Error(`unexpected result ${result.message}`)
    const second = yield* Effect.flip(Effect.provide(User.logout(), layer))
    if (second._tag !== "UnauthorizedError") throw new Error(`unexpected ${second._tag}`)
    console.log(`consumer: logged out (${result.requestId}), then ${second._tag} as expected`)
    // A subpath entry is the same module as the namespace: one copy of each class.
    if (UserModule.LogoutResult !== User.LogoutResult || !(second instanceof UizaErrorModule.UnauthorizedError)) {
      throw new Error("a subpath export loaded a second copy of the core")
    }

    const cli = yield* Effect.promise(() =>
      uiza(["logout", "--json", "--token-stdin"], { UIZA_WORKSPACE_API_DOMAIN: server.url }, tokens[1])
    )
    if (cli.code !== 0 || !JSON.parse(cli.stdout).ok) throw new Error(`uiza logout failed: ${cli.code} ${cli.stderr}`)
    if (`${cli.stdout}${cli.stderr}`.includes(tokens[1])) throw new Error("uiza printed the token")
    const again = yield* Effect.promise(() =>
      uiza(["logout", "--token-stdin"], { UIZA_WORKSPACE_API_DOMAIN: server.url }, tokens[1])
    )
    if (again.code !== 4) throw new Error(`uiza logout with a revoked token exited ${again.code}, not 4`)
    console.log("consumer: the installed uiza binary logged out, then exited 4 for the revoked token")
  })
)

await Effect.runPromise(program)

// The library preset installs without the command line's dependencies.
const nodeManifest = JSON.parse(readFileSync("node_modules/@uiza-effect/node/package.json", "utf8"))
const nodeNeeds = Object.keys({ ...nodeManifest.dependencies, ...nodeManifest.peerDependencies })
for (const cliOnly of ["@effect/cli", "@effect/printer", "@effect/printer-ansi", "@uiza-effect/server"]) {
  if (nodeNeeds.includes(cliOnly)) throw new Error(`@uiza-effect/node depends on ${cliOnly}`)
}
console.log(`consumer: @uiza-effect/node needs only ${nodeNeeds.join(", ")}`)
