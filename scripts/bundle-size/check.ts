/**
 * Browser bundle budget of the SDK.
 *
 *   node --conditions=source --import tsx scripts/bundle-size/check.ts [--analyze] [--no-build] [--budget=70000]
 *     [--logout-budget=8000] [--operations-budget=16000] [--preset-logout-budget=11600] [--preset-operations-budget=16000]
 *   pnpm size
 *
 * Builds packages/*\/dist (tsc -b tsconfig.build.json; skip with --no-build),
 * then bundles each entry with esbuild the way an application bundler would:
 * ESM, browser platform, minified, tree-shaken, production `process.env.NODE_ENV`,
 * no source maps. The SDK is resolved to its built `dist` (what a user
 * installs), so the packages' `sideEffects: false` applies. Sizes are gzip
 * level 9 of the output; the same inputs always give the same bytes.
 *
 * Fails (exit 1) when the SDK entry (logout-browser.ts) is above the budget,
 * 70 kB gzip (70,000 bytes) by default (--budget=), or when what the SDK adds
 * to an app that already uses Schema and HttpClient (app.ts) is above its
 * budget. On the app's own `FetchHttpClient` (`UizaConfig.layer`), what the
 * SDK's code adds: 8 kB for User.logout (--logout-budget=), 16 kB for every
 * User and Auth operation (--operations-budget=). On `BrowserUiza.layer`,
 * which brings its own client next to the app's: --preset-logout-budget= and
 * --preset-operations-budget=.
 * --analyze prints, from esbuild's metafile, the bytes each package and the
 * largest modules contribute to the SDK bundle.
 */
import * as esbuild from "esbuild"
import { execFileSync } from "node:child_process"
import { basename, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"

const here = fileURLToPath(new URL(".", import.meta.url))
const root = fileURLToPath(new URL("../..", import.meta.url))
const flag = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback)
const budget = flag("budget", 70_000)
const analyze = process.argv.includes("--analyze")

if (!process.argv.includes("--no-build")) {
  execFileSync(`${root}node_modules/.bin/tsc`, ["-b", "tsconfig.build.json"], { cwd: root, stdio: "inherit" })
}

// Resolve the workspace packages to their built dist, as an installed copy would be.
const workspaceDist: esbuild.Plugin = {
  name: "workspace-dist",
  setup(build) {
    build.onResolve({ filter: /^@uiza-effect\/(core|browser)(\/[A-Za-z]+)?$/ }, (args) => {
      const [name, subpath] = args.path.slice("@uiza-effect/".length).split("/")
      return { path: `${root}packages/${name}/dist/${subpath ?? "index"}.js` }
    })
  }
}

interface Entry {
  readonly file: string
  readonly label: string
}
const entries: ReadonlyArray<Entry> = [
  { file: "hand-written-fetch.ts", label: "hand-written fetch logout (no Effect)" },
  { file: "effect-floor.ts", label: "floor: Effect runtime running a trivial program" },
  { file: "naive-fetch-logout.ts", label: "naive logout on FetchHttpClient (no SDK)" },
  { file: "core-stub-client.ts", label: "SDK core alone: the same program on an HttpClient that sends nothing" },
  { file: "logout-browser.ts", label: "SDK: BrowserUiza.layer + User.logout + catchTag/catchTags" },
  { file: "logout-barrel.ts", label: "the same logout with User imported through the barrel" },
  { file: "app-floor.ts", label: "an app that already uses Schema and HttpClient (no SDK)" },
  { file: "app-logout-app-client.ts", label: "the app + User.logout on the app's own FetchHttpClient" },
  {
    file: "app-all-operations-app-client.ts",
    label: "the app + every User and Auth operation on the app's own FetchHttpClient"
  },
  { file: "app-logout.ts", label: "the app + User.logout on BrowserUiza (its own client next to the app's)" },
  { file: "app-all-operations.ts", label: "the app + every User and Auth operation on BrowserUiza" }
]

// What the SDK may add to an app that already uses Schema and HttpClient (gzip bytes): on the
// app's own client, the SDK's code alone; on BrowserUiza, with the preset's client as well.
const addedBudgets: ReadonlyArray<readonly [file: string, what: string, budget: number]> = [
  ["app-logout-app-client.ts", "User.logout on the app's client", flag("logout-budget", 8_000)],
  ["app-all-operations-app-client.ts", "all nine operations on the app's client", flag("operations-budget", 16_000)],
  ["app-logout.ts", "User.logout on BrowserUiza", flag("preset-logout-budget", 11_600)],
  ["app-all-operations.ts", "all nine operations on BrowserUiza", flag("preset-operations-budget", 16_000)]
]

const bundle = async (file: string, extraPlugins: ReadonlyArray<esbuild.Plugin> = []) => {
  const result = await esbuild.build({
    entryPoints: [`${here}${file}`],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    treeShaking: true,
    metafile: true,
    legalComments: "none",
    sourcemap: false,
    define: { "process.env.NODE_ENV": "\"production\"" },
    logLevel: "error",
    plugins: [workspaceDist, ...extraPlugins]
  })
  const code = result.outputFiles[0]!.contents
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length, metafile: result.metafile }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`
const results = new Map<string, Awaited<ReturnType<typeof bundle>>>()
for (const entry of entries) results.set(entry.file, await bundle(entry.file))

const floor = results.get("effect-floor.ts")!.gzip
console.log("| bundle | minified | gzip | gzip above the floor |")
console.log("|---|--:|--:|--:|")
for (const entry of entries) {
  const r = results.get(entry.file)!
  console.log(
    `| ${entry.label} | ${kB(r.raw)} | ${kB(r.gzip)} | ${entry.file === "effect-floor.ts" ? "—" : kB(r.gzip - floor)} |`
  )
}

if (analyze) {
  const meta = results.get("logout-browser.ts")!.metafile
  const output = Object.values(meta.outputs)[0]!
  const packageOf = (path: string): string => {
    const m = path.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//)
    if (m) return m[1]!
    const w = path.match(/packages\/([^/]+)\//)
    return w ? `@uiza-effect/${w[1]}` : path
  }
  const byPackage = new Map<string, number>()
  const modules: Array<[string, number]> = []
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    byPackage.set(packageOf(path), (byPackage.get(packageOf(path)) ?? 0) + bytesInOutput)
    modules.push([path.replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, ""), bytesInOutput])
  }
  console.log("\nSDK bundle, minified bytes by package (before gzip):")
  for (const [name, bytes] of [...byPackage].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${kB(bytes).padStart(9)}  ${name}`)
  }
  console.log("\nlargest modules:")
  for (const [name, bytes] of modules.sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`  ${kB(bytes).padStart(9)}  ${name}`)
  }
  const isStreamish = (path: string) =>
    /effect\/dist\/esm\/(internal\/)?(stream|channel|sink|Stream|Channel|Sink)/.test(path)
  const streamish = modules.filter(([name, bytes]) => isStreamish(name) && bytes > 0)
  const total = streamish.reduce((sum, [, b]) => sum + b, 0)
  console.log(`\nStream/Channel/Sink modules: ${kB(total)} minified in ${streamish.length} modules`)
  const short = (path: string) => path.replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, "")
  // The modules the entry reaches through modules with code in the output (re-export-only
  // index files aside): a module whose code was all tree-shaken away imports nothing.
  const live = (path: string) => {
    const input = output.inputs[path]
    return input !== undefined && (input.bytesInOutput > 0 || /\/index\.[jt]s$/.test(path))
  }
  const reachable = new Set([output.entryPoint!])
  for (const path of reachable) {
    if (isStreamish(path)) continue
    for (const { path: target } of meta.inputs[path]?.imports ?? []) if (live(target)) reachable.add(target)
  }
  // Which retained modules import Stream or Channel, how much of the Stream/Channel/Sink code each
  // one is responsible for, and through which imports the bundle reaches it. The metafile only
  // knows modules: a module may use only the light part of Stream (a few constructors) while
  // another brings the Channel runtime (run*, unwrap*, from*), and a module that is imported
  // may be kept for a constant only. So the bundle is built again with a module resolved to an
  // empty one for every importer but one: what remains is what that importer's retained code
  // pulls in. Walking up from the module that brings the most, importer by importer, gives the
  // chain of retained imports from the SDK's own code to it.
  const streamBytesOf = (metafile: esbuild.Metafile) =>
    Object.entries(Object.values(metafile.outputs)[0]!.inputs)
      .filter(([path]) => isStreamish(path))
      .reduce((sum, [, input]) => sum + input.bytesInOutput, 0)
  const onlyImportedBy = (targets: ReadonlyArray<string>, allowed: string): esbuild.Plugin => ({
    name: "only-imported-by",
    setup(build) {
      // Only the specifiers that can name a target (`./x.js`, `effect/X`) are looked at: fast.
      const names = targets.map((target) =>
        basename(target).replace(/\.[jt]s$/, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      )
      build.onResolve({ filter: new RegExp(`(^|/)(${names.join("|")})(\\.js)?$`) }, async (args) => {
        if (args.pluginData === "only-imported-by" || args.kind === "entry-point") return undefined
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: "only-imported-by"
        })
        const target = relative(process.cwd(), resolved.path)
        return targets.includes(target) && relative(process.cwd(), args.importer) !== allowed
          ? { path: target, namespace: "empty-stub" }
          : resolved
      })
      build.onLoad({ filter: /.*/, namespace: "empty-stub" }, () => ({ contents: "export {}", loader: "js" }))
    }
  })
  const importersOf = (targets: ReadonlyArray<string>) =>
    [...reachable].filter((path) =>
      !targets.includes(path) && (meta.inputs[path]?.imports ?? []).some((imp) => targets.includes(imp.path))
    )
  const pulledBy = async (targets: ReadonlyArray<string>) => {
    const rows: Array<[string, number]> = []
    for (const importer of importersOf(targets)) {
      const alone = await bundle("logout-browser.ts", [onlyImportedBy(targets, importer)])
      rows.push([importer, streamBytesOf(alone.metafile)])
    }
    return rows.sort((a, b) => b[1] - a[1])
  }
  const streamModules = [...reachable].filter((path) => /effect\/dist\/esm\/(Stream|Channel)\.js$/.test(path))
  const direct = await pulledBy(streamModules)
  for (const [importer, bytes] of direct) {
    console.log(`  ${kB(bytes).padStart(9)} pulled in by ${short(importer)}`)
  }
  // Up from the heaviest one, to code of the SDK (or the entry).
  if (direct.length > 0 && direct[0]![1] > 0) {
    const chain = [direct[0]![0]]
    while (!/packages\/|bundle-size\//.test(chain[0]!) && chain.length < 12) {
      const [next] = await pulledBy([chain[0]!])
      if (next === undefined || next[1] === 0) break
      chain.unshift(next[0])
    }
    console.log(`  the retained imports that bring the most: ${chain.map(short).join(" -> ")}`)
  }
}

let failed = false
const appFloor = results.get("app-floor.ts")!.gzip
console.log("")
for (const [file, what, limit] of addedBudgets) {
  const added = results.get(file)!.gzip - appFloor
  const verdict = added <= limit ? "OK" : "FAIL"
  failed ||= added > limit
  console.log(`${verdict}: ${what} adds ${kB(added)} gzip to the app (${added} bytes; budget ${limit}).`)
}
const sdk = results.get("logout-browser.ts")!.gzip
if (sdk > budget) {
  console.error(`FAIL: the SDK bundle is ${kB(sdk)} gzip (${sdk} bytes), above the budget of ${budget}.`)
  failed = true
} else {
  console.log(`OK: the SDK bundle is ${kB(sdk)} gzip (${sdk} bytes), within the budget of ${budget}.`)
}
if (failed) process.exit(1)
