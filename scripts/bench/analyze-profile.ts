/**
 * Summarises a .cpuprofile: self time by function and by package, and the
 * inclusive time of functions whose name matches --match.
 *
 *   node --conditions=source --import tsx scripts/bench/analyze-profile.ts file.cpuprofile [--top=40]
 */
import { readFileSync } from "node:fs"

interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: Array<number>
}
const file = process.argv[2]!
const top = Number(process.argv.find((a) => a.startsWith("--top="))?.slice(6) ?? "40")
const profile = JSON.parse(readFileSync(file, "utf8")) as {
  nodes: Array<Node>
  samples: Array<number>
  timeDeltas: Array<number>
}
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const self = new Map<number, number>()
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
const total = [...self.values()].reduce((a, b) => a + b, 0)

const pkgOf = (url: string): string => {
  if (url === "") return "(native/vm)"
  const m = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/)
  if (m) return m[1]!
  if (url.startsWith("node:")) return "node:internal"
  if (url.includes("/packages/")) return `workspace:${url.split("/packages/")[1]!.split("/")[0]}`
  return url.split("/").slice(-2).join("/")
}
const byFn = new Map<string, number>()
const byPkg = new Map<string, number>()
for (const [id, t] of self) {
  const n = byId.get(id)!
  const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${
    n.callFrame.lineNumber + 1
  }`
  byFn.set(key, (byFn.get(key) ?? 0) + t)
  const pkg = pkgOf(n.callFrame.url)
  byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + t)
}
const show = (title: string, map: Map<string, number>, n: number) => {
  console.log(`\n${title}`)
  for (const [k, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`${((t / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
  }
}
show("self time by package", byPkg, 20)
show("self time by function", byFn, top)
