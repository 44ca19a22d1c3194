/**
 * Before/after of a change to the SDK, in one process: saved builds of the
 * core and the Node preset (before) and the current ones (after) run the
 * same operation through `NodeUiza.layer` against the bench server, in
 * alternating order, and every ratio is taken within a round.
 *
 *   pnpm build && cp -r packages/core/dist packages/core/dist-before && cp -r packages/node/dist packages/node/dist-before
 *   (make the change) && pnpm build
 *   node --import tsx scripts/bench/compare.ts [--op=logout|retrieve|list] [--concurrency=1] [--calls=2000] [--rounds=8]
 *
 * `--core-before` and `--node-before` name the saved builds (`dist-before`
 * by default; `dist` compares a package with itself, for a change to the
 * other one). Each side's Node preset provides the configuration its core
 * reads: the two builds find their services by the same string keys.
 */
import type * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import type * as Core from "../../packages/core/dist/node/index.js"
import type * as Node from "../../packages/node/dist/index.js"
import { arg, median, randomToken, runBatch, startServer } from "./lib.ts"

// Both sides from this tree, so that they share one copy of effect.
const load = async (coreDir: string, nodeDir: string) => ({
  core: (await import(`${"../../packages/core/"}${coreDir}/node/index.js`)) as typeof Core,
  node: (await import(`${"../../packages/node/"}${nodeDir}/index.js`)) as typeof Node
})

const sides = [
  ["before", await load(arg("core-before", "dist-before"), arg("node-before", "dist-before"))],
  ["after", await load("dist", "dist")]
] as const
const server = await startServer("minimal")
const token = randomToken()
const op = arg("op", "logout")
const concurrency = Number(arg("concurrency", "1"))
const calls = Number(arg("calls", "2000"))
const rounds = Number(arg("rounds", "8"))
const userId = "5e0c6a3e-8d2f-4b7a-9c41-2f6e8a1d3b57"

const programOf = (core: typeof Core): Effect.Effect<unknown, unknown, any> =>
  op === "logout"
    ? core.User.logout()
    : op === "retrieve"
    ? core.User.retrieve(userId)
    : core.User.list({ page: 1, limit: 20 })

const runs = sides.map(([name, { core, node }]) => ({
  name,
  runtime: ManagedRuntime.make(node.NodeUiza.layer({ workspaceApiDomain: server.origin, authorization: token })),
  program: programOf(core)
}))
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
