/**
 * The SDK's own CPU cost per call, without a network: every variant runs
 * against an in-memory HttpClient that answers the logout envelope at once
 * (HttpClient.make + HttpClientResponse.fromWeb). Used to find where the time
 * goes by switching pieces off. Reports CPU time (process.cpuUsage), which
 * other processes on a shared machine disturb less than wall time.
 *
 *   pnpm build && node --import tsx scripts/bench/overhead.ts [--calls=20000] [--rounds=5]
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { UizaConfig, User } from "../../packages/core/dist/node/index.js"
import { logoutSuccessEnvelope } from "../../packages/server/src/UizaServer.ts"
import { arg, fmt, median, randomToken } from "./lib.ts"

const calls = Number(arg("calls", "20000"))
const rounds = Number(arg("rounds", "5"))
const body = JSON.stringify(logoutSuccessEnvelope())
const init = { status: 200, headers: { "content-type": "application/json" } }
const stub = HttpClient.make((request) => Effect.succeed(HttpClientResponse.fromWeb(request, new Response(body, init))))
const stubLayer = Layer.succeed(HttpClient.HttpClient, stub)
const origin = "http://127.0.0.1:1"
const token = randomToken()
const config = UizaConfig.layer({ workspaceApiDomain: origin, authorization: token })

const naive = Effect.flatMap(HttpClient.HttpClient, (client) =>
  client.execute(
    HttpClientRequest.post(`${origin}/api/public/v3/admin/user/logout`).pipe(
      HttpClientRequest.setHeaders({ authorization: token, accept: "application/json" }),
      HttpClientRequest.bodyText("{}", "application/json")
    )
  ).pipe(Effect.flatMap((r) => Effect.map(r.text, (t) => JSON.parse(t) as unknown))))

const fetchOnly = async () => JSON.parse(await new Response(body, init).text()) as unknown

const cases: ReadonlyArray<readonly [string, Effect.Effect<unknown, unknown, any> | (() => Promise<unknown>)]> = [
  ["Response + text + JSON.parse (no Effect)", fetchOnly],
  ["Effect.void through runPromise", Effect.void],
  ["naive Effect: execute + text + JSON.parse (HttpClient span on)", naive],
  ["naive Effect, tracer off", Effect.withTracerEnabled(naive, false)],
  ["User.logout (default)", User.logout()],
  ["User.logout, tracer off (no spans at all)", Effect.withTracerEnabled(User.logout(), false)],
  ["User.logout, maxRetries 0", User.logout({ maxRetries: 0 })]
]

const runtime = ManagedRuntime.make(Layer.merge(stubLayer, config))
await runtime.runtime()
const results = new Map<string, Array<number>>()
for (let round = 0; round < rounds + 1; round++) {
  for (const [name, program] of cases) {
    const call = typeof program === "function" ? program : () => runtime.runPromise(program)
    const n = round === 0 ? 2000 : calls
    const start = process.cpuUsage()
    for (let i = 0; i < n; i++) await call()
    const used = process.cpuUsage(start)
    const us = (used.user + used.system) / n
    if (round > 0) results.set(name, [...(results.get(name) ?? []), us])
  }
}
console.log(
  `in-memory HttpClient, sequential, ${calls} calls × ${rounds} rounds (median CPU µs per call of this process: user + system, so that other load on the machine counts less)`
)
console.log("| case | µs/call |")
console.log("|---|--:|")
for (const [name] of cases) console.log(`| ${name} | ${fmt(median(results.get(name)!), 1)} |`)
await runtime.dispose()
