/**
 * Logout benchmarks, with `User.retrieve` and `User.list` rows: throughput
 * and latency, heap (logout variants), and import cost.
 *
 *   pnpm build && node --import tsx scripts/bench/logout.ts [options]
 *   pnpm bench
 *
 * Options (all optional):
 *   --variants=headline|all|<slug>,<slug>   which clients (default: headline)
 *   --rounds=5 --seq-calls=2000 --conc-calls=4000 --concurrency=32 --warmup=1500
 *   --heap-calls=100000   calls per variant for the heap figures (0 skips)
 *   --import-runs=9       fresh processes per import measurement (0 skips)
 *   --server=minimal|emulation   the loopback server (see server.ts)
 *   --json=path           also write the raw results as JSON
 *
 * The server runs in a separate process. Every round runs every variant
 * (sequential, then 32 concurrent lanes), in a rotated order; figures are the
 * median over rounds and every ratio is taken within one round, then the
 * median of those ratios is printed. Each row's "vs raw fetch" is taken
 * against the hand-written `fetch` of the same request (`Variants.baselineOf`).
 * The machine is shared: compare ratios, not absolute numbers across runs.
 */
import { execFileSync, spawn } from "node:child_process"
import { writeFileSync } from "node:fs"
import * as os from "node:os"
import { arg, fmt, here, median, percentile, randomToken, root, runBatch, startServer } from "./lib.ts"
import * as Variants from "./variants.ts"

const variantArg = arg("variants", "headline")
const variants = variantArg === "headline"
  ? Variants.headline
  : variantArg === "all"
  ? Variants.all
  : variantArg.split(",").map(Variants.byName)
const rounds = Number(arg("rounds", "5"))
const seqCalls = Number(arg("seq-calls", "2000"))
const concCalls = Number(arg("conc-calls", "4000"))
const concurrency = Number(arg("concurrency", "32"))
const warmup = Number(arg("warmup", "1500"))
const heapCalls = Number(arg("heap-calls", "100000"))
const importRuns = Number(arg("import-runs", "9"))
const serverMode = arg("server", "minimal")
const jsonPath = arg("json", "")

const log = (line: string) => process.stdout.write(`${line}\n`)

interface Sample {
  readonly callsPerSec: number
  readonly p50: number
  readonly p99: number
  readonly cpuUsPerCall: number
}

type Mode = "sequential" | `concurrent ${number}`
const modes: ReadonlyArray<readonly [Mode, number, number]> = [
  ["sequential", seqCalls, 1],
  [`concurrent ${concurrency}`, concCalls, concurrency]
]

const throughput = async () => {
  const server = await startServer(serverMode)
  const token = randomToken()
  const clients = new Map<string, Variants.Client>()
  for (const variant of variants) clients.set(variant.name, await variant.make(server.origin, token))

  // Sanity: every client's first call succeeds.
  for (const [name, client] of clients) {
    try {
      await client.call()
    } catch (error) {
      throw new Error(`${name} failed its first call: ${String(error)}`)
    }
  }
  log(`warm-up: ${warmup} sequential + ${warmup * 2} concurrent calls per variant`)
  for (const client of clients.values()) {
    await runBatch(client.call, warmup, 1)
    await runBatch(client.call, warmup * 2, concurrency)
  }

  const samples = new Map<string, Array<Sample>>() // key: `${mode}|${variant}`
  for (let round = 0; round < rounds; round++) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length]!)
    for (const [mode, calls, lanes] of modes) {
      for (const variant of order) {
        const batch = await runBatch(clients.get(variant.name)!.call, calls, lanes)
        const sorted = batch.latenciesUs.sort()
        const key = `${mode}|${variant.name}`
        const list = samples.get(key) ?? []
        list.push({
          callsPerSec: (calls / batch.elapsedMs) * 1000,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          cpuUsPerCall: batch.cpuUs / calls
        })
        samples.set(key, list)
      }
    }
    log(`round ${round + 1}/${rounds} done`)
  }
  for (const client of clients.values()) await client.close()
  await server.stop()

  const ratioTo = (mode: Mode, name: string, base: string): number => {
    const mine = samples.get(`${mode}|${name}`)
    const theirs = samples.get(`${mode}|${base}`)
    if (mine === undefined || theirs === undefined) return Number.NaN
    return median(mine.map((s, i) => s.callsPerSec / theirs[i]!.callsPerSec))
  }

  // Ratios are cut, not rounded, to two decimals: a figure is never shown above what was measured.
  const ratio = (value: number) => fmt(Math.floor(value * 100) / 100, 2)

  const rows: Array<Record<string, string | number>> = []
  for (const [mode] of modes) {
    log("")
    log(`### ${mode} (median of ${rounds} rounds; ratios = median of per-round ratios)`)
    log("")
    log(
      "| variant | calls/s | µs/call | p50 µs | p99 µs | client CPU µs/call | vs raw fetch (same request) | vs raw undici |"
    )
    log("|---|--:|--:|--:|--:|--:|--:|--:|")
    for (const variant of variants) {
      const list = samples.get(`${mode}|${variant.name}`)!
      const callsPerSec = median(list.map((s) => s.callsPerSec))
      const row = {
        mode,
        variant: variant.name,
        callsPerSec,
        usPerCall: 1e6 / callsPerSec,
        p50: median(list.map((s) => s.p50)),
        p99: median(list.map((s) => s.p99)),
        cpuUsPerCall: median(list.map((s) => s.cpuUsPerCall)),
        vsFetch: ratioTo(mode, variant.name, Variants.baselineOf(variant)),
        vsUndici: Variants.requestOf(variant) === "logout" ? ratioTo(mode, variant.name, "raw undici") : Number.NaN
      }
      rows.push(row)
      log(
        `| ${variant.name} | ${fmt(row.callsPerSec)} | ${fmt(row.usPerCall, 1)} | ${fmt(row.p50)} | ${fmt(row.p99)} | ${
          fmt(row.cpuUsPerCall, 0)
        } | ${ratio(row.vsFetch)} | ${ratio(row.vsUndici)} |`
      )
    }
  }
  return rows
}

const runChild = (args: ReadonlyArray<string>, nodeFlags: ReadonlyArray<string>): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, ...args], { cwd: root, stdio: ["ignore", "pipe", "inherit"] })
    let out = ""
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()))
    child.once("error", reject)
    child.once(
      "exit",
      (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited with ${code}: ${args.join(" ")}`)))
    )
  })

const heap = async () => {
  const server = await startServer(serverMode)
  const rows: Array<Record<string, string | number>> = []
  log("")
  log(`### Heap (${fmt(heapCalls)} calls per variant, ${concurrency} lanes, fresh process each, --expose-gc)`)
  log("")
  log("| variant | allocated per call | retained after all calls (after GC) |")
  log("|---|--:|--:|")
  for (const variant of variants.filter((v) => Variants.requestOf(v) === "logout")) {
    const out = await runChild(
      [
        `${here}heap.ts`,
        `--variant=${Variants.slug(variant.name)}`,
        `--origin=${server.origin}`,
        `--calls=${heapCalls}`,
        `--concurrency=${concurrency}`
      ],
      ["--expose-gc", "--import", "tsx"]
    )
    const result = JSON.parse(out.trim().split("\n").at(-1)!) as { allocatedPerCall: number; retained: number }
    rows.push({ variant: variant.name, ...result })
    log(`| ${variant.name} | ${fmt(result.allocatedPerCall / 1024, 1)} KiB | ${fmt(result.retained / 1024, 0)} KiB |`)
  }
  await server.stop()
  return rows
}

const importCost = async () => {
  log("")
  log("building packages/*/dist (tsc -b tsconfig.build.json, then the Node copy of the core) ...")
  execFileSync(`${root}node_modules/.bin/tsc`, ["-b", "tsconfig.build.json"], { cwd: root, stdio: "inherit" })
  execFileSync(process.execPath, [`${root}scripts/build-node-bundles.mjs`], { cwd: root, stdio: "inherit" })
  const results: Array<Record<string, number>> = []
  for (let run = 0; run < importRuns; run++) {
    // Plain node, no tsx, no source condition: the built JS a user gets.
    const onTop = JSON.parse(await runChild([`${here}import-cost.mjs`, "on-top"], [])) as Record<string, number>
    const cold = JSON.parse(await runChild([`${here}import-cost.mjs`, "cold"], [])) as Record<string, number>
    results.push({ ...onTop, ...cold })
  }
  const med = (key: string) => median(results.map((r) => r[key]!))
  log("")
  log(`### Import cost (built JS, fresh process each, median of ${importRuns} runs)`)
  log("")
  log("| measurement | ms |")
  log("|---|--:|")
  const rows = [
    ["peers: `effect` + `@effect/platform` + `@effect/platform-node/NodeHttpClient` (barrels)", "peers"],
    ["+ `@uiza-effect/core` on top of the peers", "core"],
    ["  of which garbage collection (mostly of the peers' objects)", "coreGc"],
    ["+ `@uiza-effect/node` on top of core", "node"],
    ["  of which garbage collection", "nodeGc"],
    ["`effect/Effect` alone, cold", "effectAlone"],
    ["`@uiza-effect/core` alone, cold (pulls the effect modules it needs)", "coreCold"],
    ["`@uiza-effect/node` alone, cold", "nodeCold"]
  ] as const
  for (const [label, key] of rows) log(`| ${label} | ${fmt(med(key), 1)} |`)
  return Object.fromEntries(rows.map(([, key]) => [key, med(key)]))
}

const cpus = os.cpus()
log(`# uiza-effect logout benchmark`)
log(
  `node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${
    cpus[0]?.model ?? "cpu"
  }, server: ${serverMode} (separate process)`
)
log(`variants: ${variants.map((v) => v.name).join(", ")}`)
log(`rounds ${rounds}, ${seqCalls} sequential and ${concCalls} concurrent (${concurrency} lanes) calls per round`)
const results: Record<string, unknown> = { node: process.version, cpus: cpus.length, cpu: cpus[0]?.model }
results.throughput = await throughput()
if (heapCalls > 0) results.heap = await heap()
if (importRuns > 0) results.importCost = await importCost()
if (jsonPath !== "") writeFileSync(jsonPath, JSON.stringify(results, null, 2))
