// Import cost of the built SDK, in a fresh process (plain node: dist, not src), as a Node user
// gets it: each package's main entry is resolved through its `exports` the way Node does (the
// `node` condition before `default`), so the core is its Node copy, dist/node/index.js.
//   node scripts/bench/import-cost.mjs on-top   peers first, then core, then node (and the GC time within each)
//   node scripts/bench/import-cost.mjs cold     effect/Effect, core, node each alone in a fresh process
import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { PerformanceObserver } from "node:perf_hooks"
import { fileURLToPath, pathToFileURL } from "node:url"

const root = fileURLToPath(new URL("../..", import.meta.url))
// The first of the conditions plain Node answers for an import, in the order `exports` lists them.
const nodeConditions = ["node", "import", "default"]
const mainEntry = (dir) => {
  const conditions = JSON.parse(readFileSync(`${root}packages/${dir}/package.json`, "utf8")).exports["."]
  const [, target] = Object.entries(conditions).find(([condition]) => nodeConditions.includes(condition))
  return pathToFileURL(`${root}packages/${dir}/${target}`).href
}
const core = mainEntry("core")
const node = mainEntry("node")

const time = async (specifier) => {
  const start = performance.now()
  await import(specifier)
  return performance.now() - start
}

const mode = process.argv[2]
if (mode === "on-top") {
  // The peers leave the young generation nearly full: its next scavenge, several ms spent on the
  // peers' objects, lands in whichever import comes after them. Reported apart (coreGc, nodeGc).
  const gcs = []
  const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries()))
  observer.observe({ entryTypes: ["gc"] })
  const start = performance.now()
  await import("effect")
  await import("@effect/platform")
  await import("@effect/platform-node/NodeHttpClient")
  const peers = performance.now() - start
  const coreStart = performance.now()
  const coreMs = await time(core)
  const nodeStart = performance.now()
  const nodeMs = await time(node)
  const end = performance.now()
  await new Promise((resolve) => setTimeout(resolve, 0)) // GC entries are delivered asynchronously
  observer.disconnect()
  const gcWithin = (from, to) =>
    gcs.filter((gc) => gc.startTime >= from && gc.startTime < to).reduce((sum, gc) => sum + gc.duration, 0)
  process.stdout.write(
    JSON.stringify({
      peers,
      core: coreMs,
      node: nodeMs,
      coreGc: gcWithin(coreStart, nodeStart),
      nodeGc: gcWithin(nodeStart, end)
    })
  )
} else if (mode === "cold") {
  const one = (specifier) =>
    Number(execFileSync(process.execPath, [fileURLToPath(import.meta.url), "one", specifier], { encoding: "utf8" }))
  process.stdout.write(
    JSON.stringify({ effectAlone: one("effect/Effect"), coreCold: one(core), nodeCold: one(node) })
  )
} else if (mode === "one") {
  process.stdout.write(String(await time(process.argv[3])))
}
