// Builds the Node-only copy of @uiza-effect/core: packages/core/dist/node/<entry>.js for every
// entry of the package's `exports`, from the per-module build that `tsc -b tsconfig.build.json`
// leaves in dist/. Run it after tsc:
//
//   node scripts/build-node-bundles.mjs
//
// Why: Node resolves and loads every module file on its own, so a package of many small modules
// costs more to import than the same code in a few files. The entries are bundled together with
// code splitting, so they share one set of chunks: `UizaError.X` reached through `@uiza-effect/core`
// and through `@uiza-effect/core/UizaError` is the same class. Only Node gets this copy (the
// `node` condition of `exports`): a browser bundler keeps the per-module files, which it can drop
// whole when a program does not use them. Dependencies and peers stay imports (one Effect runtime in
// the user's program); nothing is minified, so stack traces read like the sources, and the source
// maps point through the per-module maps to src/.
import * as esbuild from "esbuild"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
const core = path.join(root, "packages/core")
const pkg = JSON.parse(fs.readFileSync(path.join(core, "package.json"), "utf8"))

// "./dist/User.js" for the `default` target of "./User": the node copy lives at "./dist/node/User.js".
const entryPoints = {}
for (const [subpath, conditions] of Object.entries(pkg.exports)) {
  if (typeof conditions !== "object" || conditions === null) continue // "./package.json"
  const target = conditions.default
  if (typeof target !== "string" || !target.startsWith("./dist/") || !target.endsWith(".js")) {
    throw new Error(`exports["${subpath}"].default is ${JSON.stringify(target)}, not a file of dist/`)
  }
  const expected = `./dist/node/${target.slice("./dist/".length)}`
  if (conditions.node !== expected) {
    throw new Error(`exports["${subpath}"] needs "node": "${expected}" before "default"`)
  }
  const input = path.join(core, target)
  if (!fs.existsSync(input)) throw new Error(`${target} is missing: run tsc -b tsconfig.build.json first`)
  entryPoints[target.slice("./dist/".length, -".js".length)] = input
}

const outdir = path.join(core, "dist/node")
fs.rmSync(outdir, { recursive: true, force: true }) // no chunk of an earlier build left behind
const result = await esbuild.build({
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: true,
  sourcesContent: false, // the package ships src/, as for the per-module maps
  minify: false,
  logLevel: "warning",
  metafile: true
})
// Declarations for a program that imports a file of dist/node by path (the benchmarks do):
// the types are those of the per-module build.
for (const name of Object.keys(entryPoints)) {
  const up = "../".repeat(name.split("/").length)
  fs.writeFileSync(path.join(outdir, `${name}.d.ts`), `export * from "${up}${name}.js"\n`)
}
const outputs = Object.keys(result.metafile.outputs).filter((file) => file.endsWith(".js"))
console.log(`packages/core/dist/node: ${Object.keys(entryPoints).length} entries, ${outputs.length} files`)
