/**
 * Heap figures of one variant, in a fresh process started by logout.ts with
 * `--expose-gc`: bytes allocated per call (from V8's GC profiler: the used
 * heap before each collection minus the used heap after the previous one,
 * summed) and the heap retained after all calls once collected.
 */
import * as v8 from "node:v8"
import { arg, runBatch } from "./lib.ts"
import * as Variants from "./variants.ts"

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error("run with --expose-gc")

const variant = Variants.byName(arg("variant", ""))
const origin = arg("origin", "")
const calls = Number(arg("calls", "100000"))
const concurrency = Number(arg("concurrency", "32"))
const token = `uap-${"0".repeat(32)}-${"0".repeat(8)}`

const client = await variant.make(origin, token)
await runBatch(client.call, 3000, concurrency) // warm-up: JIT, pool, lazy module state
gc()
gc()
const before = process.memoryUsage().heapUsed

const profiler = new v8.GCProfiler()
profiler.start()
const startUsed = v8.getHeapStatistics().used_heap_size
await runBatch(client.call, calls, concurrency)
const endUsed = v8.getHeapStatistics().used_heap_size
const { statistics } = profiler.stop() as unknown as {
  statistics: ReadonlyArray<{
    beforeGC: { heapStatistics: { usedHeapSize: number } }
    afterGC: { heapStatistics: { usedHeapSize: number } }
  }>
}
let allocated = 0
let previous = startUsed
for (const entry of statistics) {
  allocated += entry.beforeGC.heapStatistics.usedHeapSize - previous
  previous = entry.afterGC.heapStatistics.usedHeapSize
}
allocated += endUsed - previous

gc()
gc()
const retained = process.memoryUsage().heapUsed - before
await client.close()
process.stdout.write(`${JSON.stringify({ allocatedPerCall: allocated / calls, retained, gcs: statistics.length })}\n`)
process.exit(0)
