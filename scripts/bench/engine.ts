/**
 * The SDK engine's own CPU cost per call, without a network and without the
 * platform's client machinery: User.logout / retrieve / list on an in-memory
 * client built with HttpClient.makeWith (as the Node preset's is), whose
 * reply body is already in memory. What is left is apiCall, the reply
 * reading and the Effect runtime.
 *
 *   npx tsc -b tsconfig.build.json && node --import tsx scripts/bench/engine.ts [--calls=20000] [--rounds=5]
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import {
  RequestCancellation,
  RequestDelivery,
  ResponseBodyLimit,
  UizaConfig,
  User
} from "../../packages/core/dist/index.js"
import * as UizaServer from "../../packages/server/src/UizaServer.ts"
import { allocatedBy } from "./allocations.ts"
import { arg, fmt, median, randomToken } from "./lib.ts"
import { userWire } from "./replies.ts"

const calls = Number(arg("calls", "20000"))
const rounds = Number(arg("rounds", "5"))
const only = arg("only", "")
const logoutBody = JSON.stringify(UizaServer.logoutSuccessEnvelope())

const userId = "5e0c6a3e-8d2f-4b7a-9c41-2f6e8a1d3b57"
const retrieveBody = JSON.stringify(UizaServer.successEnvelope({ data: { ...userWire(1), id: userId } }))
const listBody = JSON.stringify(
  UizaServer.successEnvelope({
    data: Array.from({ length: 20 }, (_, i) => userWire(i)),
    metadata: { total: 1000, result: 20, page: 1, limit: 20 }
  })
)

// A response whose body is in memory, read within the call's limit, reporting the write.
const responseOf = (request: any, body: string): HttpClientResponse.HttpClientResponse =>
  ({
    request,
    status: 200,
    headers: { "content-type": "application/json" },
    [ResponseBodyLimit.BoundedRead]: true,
    text: Effect.succeed(body)
  }) as any

// Like the Node preset's client, it registers a cancel for the attempt's time limit (a reply in
// memory has nothing to cancel), so the engine runs the path it runs on that client.
const client = Object.assign(
  HttpClient.makeWith(
    Effect.flatMap((request) =>
      Effect.zipWith(RequestDelivery.Report, RequestCancellation.Register, (report, registerCancel) => {
        registerCancel(() => {})
        report(false)
        report(true)
        const body = request.url.includes("logout")
          ? logoutBody
          : request.urlParams.some(([key]) => key === "page")
          ? listBody
          : retrieveBody
        return responseOf(request, body)
      })
    ),
    Effect.succeed
  ),
  { [RequestCancellation.Supported]: true }
)
const origin = "http://127.0.0.1:1"
const layer = UizaConfig.layerWithHttpClient(
  UizaConfig.layer({ workspaceApiDomain: origin, authorization: randomToken() }),
  Layer.succeed(HttpClient.HttpClient, client)
)

const cases: ReadonlyArray<readonly [string, Effect.Effect<unknown, unknown, any>]> = [
  ["Effect.void through runPromise", Effect.void],
  [
    "naive: execute + text + JSON.parse",
    Effect.flatMap(HttpClient.HttpClient, (http) =>
      Effect.flatMap(
        http.execute(HttpClientRequest.post(`${origin}/api/public/v3/admin/user/logout`)),
        (response) => Effect.map(response.text, (text) => JSON.parse(text) as unknown)
      ))
  ],
  ["User.logout", User.logout()],
  ["User.logout, tracer off", Effect.withTracerEnabled(User.logout(), false)],
  ["User.retrieve", User.retrieve(userId)],
  ["User.list (20 users)", User.list({ page: 1, limit: 20 })]
].filter(([name]) => only === "" || name.includes(only)) as any

const runtime = ManagedRuntime.make(layer)
await runtime.runtime()
for (const [name, program] of cases) {
  await runtime.runPromise(program).catch((e) => {
    throw new Error(`${name}: ${String(e)}`)
  })
}
// Bytes allocated per call over n sequential calls.
const allocatedPerCall = async (program: Effect.Effect<unknown, unknown, any>, n: number): Promise<number> => {
  const { bytes } = await allocatedBy(async () => {
    for (let i = 0; i < n; i++) await runtime.runPromise(program)
  })
  return bytes / n
}
const allocations = new Map<string, number>()
for (const [name, program] of cases) allocations.set(name, await allocatedPerCall(program, 5000))
const results = new Map<string, Array<number>>()
for (let round = 0; round < rounds + 1; round++) {
  for (const [name, program] of cases) {
    const n = round === 0 ? 3000 : calls
    const start = process.cpuUsage()
    for (let i = 0; i < n; i++) await runtime.runPromise(program)
    const used = process.cpuUsage(start)
    if (round > 0) results.set(name, [...(results.get(name) ?? []), (used.user + used.system) / n])
  }
}
console.log(`in-memory makeWith client, sequential, ${calls} calls × ${rounds} rounds (median CPU µs per call)`)
console.log("| case | CPU µs/call | allocated per call |")
console.log("|---|--:|--:|")
for (const [name] of cases) {
  console.log(`| ${name} | ${fmt(median(results.get(name)!), 1)} | ${fmt(allocations.get(name)! / 1024, 1)} KiB |`)
}
await runtime.dispose()
