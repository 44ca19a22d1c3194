/**
 * What an abort signal costs one undici request on loopback: raw
 * `Agent.request` logouts against the bench server with no signal, with an
 * `AbortController`'s signal, and with the `EventEmitter` form the Node
 * preset's client passes (`packages/node/src/internal/requestAbort.ts`),
 * alternating, client CPU per request (medians of the rounds).
 *
 *   pnpm build && node --import tsx scripts/bench/abort-signal.ts [--concurrency=32] [--calls=8000] [--rounds=6]
 */
import { Agent } from "undici"
import { RequestAbort } from "../../packages/node/dist/internal/requestAbort.js"
import { arg, median, randomToken, runBatch, startServer } from "./lib.ts"

const server = await startServer("minimal")
const concurrency = Number(arg("concurrency", "32"))
const calls = Number(arg("calls", "8000"))
const rounds = Number(arg("rounds", "6"))
const origin = server.origin
const path = "/api/public/v3/admin/user/logout"
const headers = { authorization: randomToken(), "content-type": "application/json", accept: "application/json" }
const agent = new Agent({ connections: 64 })

const logout = (signal?: AbortSignal | RequestAbort) => async () => {
  const response = await agent.request({ origin, path, method: "POST", headers, signal: signal as AbortSignal })
  return JSON.parse(await response.body.text()) as unknown
}
const variants: ReadonlyArray<readonly [string, () => Promise<unknown>]> = [
  ["no signal", () => logout()()],
  ["AbortController", () => logout(new AbortController().signal)()],
  ["RequestAbort", () => logout(new RequestAbort())()]
]
for (const [, call] of variants) await runBatch(call, 3000, concurrency)
const cpu = new Map<string, Array<number>>()
for (let round = 0; round < rounds; round++) {
  for (const [name, call] of round % 2 === 0 ? variants : [...variants].reverse()) {
    const batch = await runBatch(call, calls, concurrency)
    cpu.set(name, [...(cpu.get(name) ?? []), batch.cpuUs / calls])
  }
}
console.log(`undici request, ${concurrency} lane(s), client CPU µs per request (median of ${rounds} rounds)`)
for (const [name] of variants) console.log(`| ${name} | ${median(cpu.get(name)!).toFixed(1)} |`)
await agent.close()
await server.stop()
