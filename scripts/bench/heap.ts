/**
 * Heap figures of one variant, in a fresh process started by logout.ts with
 * `--expose-gc`: bytes allocated per call (from V8's GC profiler: the used
 * heap before each collection minus the used heap after the previous one,
 * summed) and the heap retained after all calls once collected.
 */
import { allocatedBy } from "./allocations.ts"
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

const { bytes: allocated, gcs } = await allocatedBy(() => runBatch(client.call, calls, concurrency))

gc()
gc()
const retained = process.memoryUsage().heapUsed - before
await client.close()
process.stdout.write(`${JSON.stringify({ allocatedPerCall: allocated / calls, retained, gcs })}\n`)
process.exit(0)
