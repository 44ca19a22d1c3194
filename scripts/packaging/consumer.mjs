// Runs in a scratch project that installed the packed tarballs: the
// published shape of the packages, resolved by plain Node, and the `uiza`
// binary as npm installed it.
import { FetchHttpClient, HttpClient, HttpClientRequest } from "@effect/platform"
import { UizaError, User } from "@uiza-effect/core"
import * as UizaErrorModule from "@uiza-effect/core/UizaError"
import * as UserModule from "@uiza-effect/core/User"
import { NodeUiza } from "@uiza-effect/node"
import { NodeUizaServer } from "@uiza-effect/server"
import { Effect, Layer, Schema } from "effect"
import { execFile } from "node:child_process"
import { readFileSync } from "node:fs"
import { createServer } from "node:http"

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

// A plain HTTP server on 127.0.0.1 that records what it received and answers with `reply`.
const recordingServer = (reply) =>
  Effect.acquireRelease(
    Effect.async((resume) => {
      const received = []
      const server = createServer((request, response) => {
        received.push({ method: request.method, url: request.url, headers: request.headers })
        request.resume()
        request.on("end", () => reply(request, response))
      })
      server.listen(0, "127.0.0.1", () =>
        resume(Effect.succeed({ server, received, url: `http://127.0.0.1:${server.address().port}` })))
    }),
    ({ server }) =>
      Effect.async((resume) => {
        server.closeAllConnections()
        server.close(() =>
          resume(Effect.void)
        )
      })
  )

const envelope = (status, body, headers = {}) => (_request, response) => {
  response.writeHead(status, { "content-type": "application/json", ...headers })
  response.end(JSON.stringify(body))
}

// An app with its own HttpClient (a backend key header, a base URL) next to the Uiza preset, composed as
// docs/platform-presets.md says: each call goes through its own client, and nothing of one reaches the other's server.
const twoClients = Effect.scoped(
  Effect.gen(function*() {
    const uizaServer = yield* recordingServer(
      envelope(200, { data: { message: "Logout success" }, code: 200, type: "SUCCESS" })
    )
    const backend = yield* recordingServer(envelope(200, { ok: true }))
    const AppHttpClient = Layer.effect(
      HttpClient.HttpClient,
      Effect.map(HttpClient.HttpClient, (client) =>
        client.pipe(
          HttpClient.mapRequest(HttpClientRequest.setHeader("x-my-backend-key", "backend-secret")),
          HttpClient.mapRequest(HttpClientRequest.prependUrl(backend.url))
        ))
    ).pipe(Layer.provide(FetchHttpClient.layer))
    const UizaLive = NodeUiza.layer({
      workspaceApiDomain: uizaServer.url,
      authorization: "uap-0123456789abcdef0123456789abcdef-01234567"
    })
    const appCall = Effect.flatMap(HttpClient.HttpClient, (client) => client.get("/orders"))
    yield* Effect.all([User.logout(), appCall]).pipe(Effect.provide(Layer.merge(UizaLive, AppHttpClient)))
    // The documented alternative: the app's client fed to the preset, which passes it through to the app.
    yield* Effect.all([User.logout(), appCall]).pipe(Effect.provide(UizaLive.pipe(Layer.provideMerge(AppHttpClient))))
    const toUiza = uizaServer.received
    const toBackend = backend.received
    if (toUiza.length !== 2 || toBackend.length !== 2) {
      throw new Error(`two-clients app: ${toUiza.length} requests reached Uiza, ${toBackend.length} the backend`)
    }
    if (
      toUiza.some((request) =>
        request.url !== "/api/public/v3/admin/user/logout" || "x-my-backend-key" in request.headers
      )
    ) {
      throw new Error(`two-clients app: the app's client settings reached Uiza: ${JSON.stringify(toUiza)}`)
    }
    if (toBackend.some((request) => request.url !== "/orders" || "authorization" in request.headers)) {
      throw new Error(`two-clients app: the Uiza settings reached the app's backend: ${JSON.stringify(toBackend)}`)
    }
    console.log("consumer: in a two-clients app, Uiza calls and the app's calls each used their own client")
  })
)
await Effect.runPromise(twoClients)

// Errors cross a JSON boundary (a worker, an RPC) with their schema: real errors of real calls.
const throughJson = (error) =>
  Schema.decodeUnknownSync(UizaError.UizaError)(
    JSON.parse(JSON.stringify(Schema.encodeSync(UizaError.UizaError)(error)))
  )
const roundTrips = Effect.scoped(
  Effect.gen(function*() {
    const busy = yield* recordingServer(
      envelope(503, { code: 503, type: "ERROR", message: "busy" }, { "retry-after": "7" })
    )
    const silent = yield* recordingServer(() => {})
    const token = "uap-0123456789abcdef0123456789abcdef-01234567"
    const unavailable = yield* Effect.flip(
      Effect.provide(
        User.logout({ maxRetries: 0 }),
        NodeUiza.layer({ workspaceApiDomain: busy.url, authorization: token })
      )
    )
    const timedOut = yield* Effect.flip(
      Effect.provide(
        User.logout({ timeout: "200 millis" }),
        NodeUiza.layer({ workspaceApiDomain: silent.url, authorization: token })
      )
    )
    const config = yield* Effect.flip(
      Effect.provide(User.logout(), NodeUiza.layer({ workspaceApiDomain: "", authorization: token }))
    )
    for (const error of [unavailable, timedOut, config]) {
      const decoded = throughJson(error)
      if (decoded._tag !== error._tag || decoded.message !== error.message || !(decoded instanceof error.constructor)) {
        throw new Error(`${error._tag} did not round-trip through JSON`)
      }
    }
    if (
      unavailable._tag !== "ServiceUnavailableError" ||
      String(throughJson(unavailable).retryAfter) !== String(unavailable.retryAfter)
    ) {
      throw new Error(`the 503's retryAfter did not round-trip: ${unavailable._tag}`)
    }
    if (timedOut._tag !== "TimeoutError" || config._tag !== "UizaConfigError") {
      throw new Error(`unexpected errors: ${timedOut._tag}, ${config._tag}`)
    }
    console.log(
      "consumer: ServiceUnavailableError (with retryAfter), TimeoutError and UizaConfigError round-trip through JSON"
    )
  })
)
await Effect.runPromise(roundTrips)

// The library preset installs without the command line's dependencies.
const nodeManifest = JSON.parse(readFileSync("node_modules/@uiza-effect/node/package.json", "utf8"))
const nodeNeeds = Object.keys({ ...nodeManifest.dependencies, ...nodeManifest.peerDependencies })
for (const cliOnly of ["@effect/cli", "@effect/printer", "@effect/printer-ansi", "@uiza-effect/server"]) {
  if (nodeNeeds.includes(cliOnly)) throw new Error(`@uiza-effect/node depends on ${cliOnly}`)
}
console.log(`consumer: @uiza-effect/node needs only ${nodeNeeds.join(", ")}`)

// Under Node every package reaches the core through its `node` condition: one module graph (the
// chunks of dist/node), so a class is the same whichever entry or package it came through, and no
// file of the per-module build (meant for browser bundlers) is loaded next to it.
const installedExports = (name) =>
  Object.keys(JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")).exports)
    .filter((subpath) => subpath !== "./package.json")
    .map((subpath) => `${name}${subpath.slice(1)}`)
for (
  const name of [
    "@uiza-effect/core",
    "@uiza-effect/node",
    "@uiza-effect/testing",
    "@uiza-effect/server",
    "@uiza-effect/cli"
  ]
) {
  for (const specifier of installedExports(name)) await import(specifier)
}
const CoreRoot = await import("@uiza-effect/core")
const { UizaTest } = await import("@uiza-effect/testing")
for (const specifier of ["@uiza-effect/core", "@uiza-effect/core/UizaError", "@uiza-effect/core/User"]) {
  if (!import.meta.resolve(specifier).includes("/node_modules/@uiza-effect/core/dist/node/")) {
    throw new Error(`${specifier} resolved to ${import.meta.resolve(specifier)}, not the Node build`)
  }
}
const sameClasses = [
  [CoreRoot.UizaError.UnauthorizedError, UizaErrorModule.UnauthorizedError],
  [UizaError.UizaConfigError, UizaErrorModule.UizaConfigError],
  [User.LogoutResult, UserModule.LogoutResult],
  [CoreRoot.User.retrieve, UserModule.retrieve]
]
if (sameClasses.some(([a, b]) => a !== b)) throw new Error("two entries of the core gave two copies of a class")
// An error made inside @uiza-effect/testing (its UizaConfig layer) is an instance of the consumer's class.
const kitError = await Effect.runPromise(
  Effect.flip(Effect.provide(User.logout(), UizaTest.layer({ workspaceApiDomain: "" })))
)
if (
  !(kitError instanceof UizaErrorModule.UizaConfigError) || !(kitError instanceof CoreRoot.UizaError.UizaConfigError)
) {
  throw new Error(`@uiza-effect/testing made a ${kitError?.constructor?.name} of another copy of the core`)
}
const coreFiles = [
  ...new Set(
    readFileSync(process.env.UIZA_RESOLUTIONS, "utf8").split("\n").filter((url) =>
      url.includes("/node_modules/@uiza-effect/core/")
    )
  )
]
const perModule = coreFiles.filter((url) => !url.includes("/node_modules/@uiza-effect/core/dist/node/"))
if (perModule.length > 0 || coreFiles.length === 0) {
  throw new Error(`under Node the core loaded files outside dist/node: ${perModule.join(", ") || "none at all"}`)
}
console.log(
  `consumer: under Node, every entry of core, node, testing, server and cli shares one core (${coreFiles.length} files of dist/node)`
)
