/**
 * Browser bundle budget of the SDK.
 *
 *   node --conditions=source --import tsx scripts/bundle-size/check.ts [--analyze] [--no-build] [--budget=70000]
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
 * 70 kB gzip (70,000 bytes) by default.
 * --analyze prints, from esbuild's metafile, the bytes each package and the
 * largest modules contribute to the SDK bundle.
 */
import * as esbuild from "esbuild"
import { execFileSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"

const here = fileURLToPath(new URL(".", import.meta.url))
const root = fileURLToPath(new URL("../..", import.meta.url))
const budget = Number(process.argv.find((a) => a.startsWith("--budget="))?.slice(9) ?? "70000")
const analyze = process.argv.includes("--analyze")

if (!process.argv.includes("--no-build")) {
  execFileSync(`${root}node_modules/.bin/tsc`, ["-b", "tsconfig.build.json"], { cwd: root, stdio: "inherit" })
}

// Resolve the workspace packages to their built dist, as an installed copy would be.
const workspaceDist: esbuild.Plugin = {
  name: "workspace-dist",
  setup(build) {
    build.onResolve({ filter: /^@uiza-effect\/(core|browser)$/ }, (args) => ({
      path: `${root}packages/${args.path.slice("@uiza-effect/".length)}/dist/index.js`
    }))
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
  { file: "logout-browser.ts", label: "SDK: BrowserUiza.layer + User.logout + catchTag/catchTags" }
]

const bundle = async (file: string) => {
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
    plugins: [workspaceDist]
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
  // Which modules make the bundle reach effect's Stream/Channel machinery.
  const streamish = modules.filter(([name]) =>
    /effect\/dist\/esm\/(internal\/)?(stream|channel|sink|Stream|Channel|Sink)/.test(name)
  )
  const total = streamish.reduce((sum, [, b]) => sum + b, 0)
  console.log(`\nStream/Channel/Sink modules: ${kB(total)} minified in ${streamish.length} modules`)
  const importers = new Map<string, Array<string>>()
  for (const [path, input] of Object.entries(meta.inputs)) {
    for (const imp of input.imports) {
      if (
        /effect\/dist\/esm\/(Stream|Channel)\.js$/.test(imp.path) &&
        !/effect\/dist\/esm\/(internal\/)?(stream|channel|sink|Stream|Channel|Sink)/.test(path)
      ) {
        importers.set(imp.path.replace(/^.*\/esm\//, "effect/"), [
          ...(importers.get(imp.path.replace(/^.*\/esm\//, "effect/")) ?? []),
          path.replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, "")
        ])
      }
    }
  }
  for (const [target, from] of importers) console.log(`  ${target} imported by: ${from.join(", ")}`)
}

const sdk = results.get("logout-browser.ts")!.gzip
if (sdk > budget) {
  console.error(`\nFAIL: the SDK bundle is ${kB(sdk)} gzip, above the budget of ${kB(budget)}.`)
  process.exit(1)
}
console.log(`\nOK: the SDK bundle is ${kB(sdk)} gzip, within the budget of ${kB(budget)}.`)
