/**
 * Runs one variant against the bench server so that a profiler can look at it:
 *
 *   pnpm build && node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx \
 *     scripts/bench/profile.ts --variant=nodeuiza --calls=20000 [--concurrency=1]
 *   node --conditions=source --import tsx scripts/bench/analyze-profile.ts /tmp/prof/<file>.cpuprofile
 */
import { arg, randomToken, runBatch, startServer } from "./lib.ts"
import * as Variants from "./variants.ts"

const variant = Variants.byName(arg("variant", "nodeuiza"))
const calls = Number(arg("calls", "20000"))
const concurrency = Number(arg("concurrency", "1"))
const server = await startServer(arg("server", "minimal"))
const client = await variant.make(server.origin, randomToken())
await runBatch(client.call, 2000, concurrency)
const batch = await runBatch(client.call, calls, concurrency)
process.stdout.write(`${variant.name}: ${((calls / batch.elapsedMs) * 1000).toFixed(0)} calls/s\n`)
await client.close()
await server.stop()
