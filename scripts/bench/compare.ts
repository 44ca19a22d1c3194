/**
 * Before/after of a change to core, in one process: a saved build of
 * packages/core/dist (before) and the current one (after) run the same
 * operation on NodeUiza's client against the bench server, in alternating
 * order, and every ratio is taken within a round.
 *
 *   npx tsc -b tsconfig.build.json && cp -r packages/core/dist packages/core/dist-before
 *   (make the change) && npx tsc -b tsconfig.build.json
 *   node --import tsx scripts/bench/compare.ts [--op=logout|retrieve|list] [--concurrency=1] [--calls=2000] [--rounds=8]
 *
 * Both builds find their services by the same string keys, so NodeUiza's
 * client serves either.
 */
import type * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as After from "../../packages/core/dist/index.js"
import { NodeUiza } from "../../packages/node/dist/index.js"
import { arg, median, randomToken, runBatch, startServer } from "./lib.ts"

type Core = typeof After
const before = (await import(`${"../../packages/core/"}${arg("before", "dist-before")}/index.js`)) as Core

const server = await startServer("minimal")
const token = randomToken()
const op = arg("op", "logout")
const concurrency = Number(arg("concurrency", "1"))
const calls = Number(arg("calls", "2000"))
const rounds = Number(arg("rounds", "8"))
const userId = "5e0c6a3e-8d2f-4b7a-9c41-2f6e8a1d3b57"

const programOf = (core: Core): Effect.Effect<unknown, unknown, any> =>
  op === "logout"
    ? core.User.logout()
    : op === "retrieve"
    ? core.User.retrieve(userId)
    : core.User.list({ page: 1, limit: 20 })
const runtimeOf = (core: Core) =>
  ManagedRuntime.make(core.UizaConfig.layerWithHttpClient(
    core.UizaConfig.layer({ workspaceApiDomain: server.origin, authorization: token }),
    NodeUiza.layerHttpClient
  ))

const sides = [["before", before], ["after", After]] as const
const runs = sides.map(([name, core]) => ({ name, runtime: runtimeOf(core), program: programOf(core) }))
for (const run of runs) {
  await run.runtime.runtime()
  await runBatch(() => run.runtime.runPromise(run.program), 2000, concurrency)
}
const cpu = new Map<string, Array<number>>()
const rate = new Map<string, Array<number>>()
for (let round = 0; round < rounds; round++) {
  for (const run of round % 2 === 0 ? runs : [...runs].reverse()) {
    const batch = await runBatch(() => run.runtime.runPromise(run.program), calls, concurrency)
    cpu.set(run.name, [...(cpu.get(run.name) ?? []), batch.cpuUs / calls])
    rate.set(run.name, [...(rate.get(run.name) ?? []), (calls / batch.elapsedMs) * 1000])
  }
}
const ratio = (values: Map<string, Array<number>>) =>
  median(values.get("after")!.map((value, i) => value / values.get("before")![i]!))
for (const { name } of runs) {
  console.log(
    `${op}, ${concurrency} lane(s), ${name}: ${median(rate.get(name)!).toFixed(0)} calls/s, client CPU ${
      median(cpu.get(name)!).toFixed(0)
    } µs/call (medians of ${rounds} rounds)`
  )
}
console.log(`after/before: calls/s ${ratio(rate).toFixed(3)}, client CPU per call ${ratio(cpu).toFixed(3)}`)
for (const run of runs) await run.runtime.dispose()
await server.stop()
