/**
 * Heap soak: 100,000 sequential logouts against the local Uiza server, in
 * this process, through one `NodeUiza` client. Prints the heap after a
 * garbage collection at 5,000 and at 100,000 calls.
 *
 *   node --expose-gc --conditions=source --import tsx scripts/heap-soak.ts [calls]
 *
 * Without `--expose-gc` the script runs itself again in a child process with it.
 */
// The workspace's sources, so the script needs no build.
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { UizaConfig, User } from "../packages/core/src/index.js"
import { NodeUiza } from "../packages/node/src/index.js"
import { NodeUizaServer } from "../packages/server/src/index.js"

const gc = (globalThis as { gc?: () => void }).gc

if (gc === undefined) {
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", "--conditions=source", "--import", "tsx", fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: "inherit" }
  )
  process.exit(child.status ?? 1)
}

const total = Number(process.argv[2] ?? 100_000)
const checkpoints = new Set([5_000, total])

const heapMb = () => {
  gc!()
  gc!()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

const program = Effect.gen(function*() {
  const server = yield* NodeUizaServer.start({ tokens: [] })
  const client = yield* Layer.build(NodeUiza.layerHttpClient)
  const heaps: Array<[number, number]> = []
  const started = performance.now()
  for (let call = 1; call <= total; call++) {
    const token = NodeUizaServer.randomToken()
    server.addToken(token)
    const settings = yield* UizaConfig.make({ workspaceApiDomain: server.url, authorization: token })
    const result = yield* User.logout().pipe(
      Effect.provideService(UizaConfig.UizaConfig, settings),
      Effect.provide(client)
    )
    if (result.message !== "Logout success") return yield* Effect.dieMessage(`unexpected reply at call ${call}`)
    if (checkpoints.has(call)) {
      const heap = heapMb()
      heaps.push([call, heap])
      console.log(
        `after ${call} calls: heap ${heap.toFixed(1)} MB (${((performance.now() - started) / 1000).toFixed(1)} s)`
      )
    }
  }
  if (heaps.length === 2) {
    console.log(`growth from ${heaps[0][0]} to ${heaps[1][0]} calls: ${(heaps[1][1] - heaps[0][1]).toFixed(1)} MB`)
  }
})

Effect.runPromise(Effect.scoped(program)).catch((error) => {
  console.error(error)
  process.exit(1)
})
