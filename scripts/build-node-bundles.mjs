// Builds the Node-only copy of @uiza-effect/core, packages/core/dist/node, from the per-module
// build that `tsc -b tsconfig.build.json` leaves in dist/: one bundle of the whole core
// (dist/node/internal/bundle.js, with its source map) and, for every entry of the package's
// `exports`, a file dist/node/<entry>.js that re-exports that entry's names from it. Run it after tsc:
//
//   node scripts/build-node-bundles.mjs
//
// Why: Node resolves and loads every module file on its own, so a package of many small modules
// costs more to import than the same code in one file. Every entry reads the same bundle, so
// `UizaError.X` reached through `@uiza-effect/core` and through `@uiza-effect/core/UizaError` is
// the same class. Only Node gets this copy (the `node` condition of `exports`): a browser bundler
// keeps the per-module files, which it can drop whole when a program does not use them.
// Dependencies and peers stay imports (one Effect runtime in the user's program); nothing is
// minified, so stack traces read like the sources, and the source map points through the
// per-module maps to src/.
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

// The names each entry exports, read from a dry run of esbuild over the per-module build.
const dryRun = await esbuild.build({
  entryPoints,
  outdir: path.join(core, "dist/node"),
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  packages: "external",
  write: false,
  metafile: true,
  logLevel: "warning"
})
const exportsOf = {}
for (const output of Object.values(dryRun.metafile.outputs)) {
  if (output.entryPoint === undefined) continue
  const name = Object.keys(entryPoints).find((entry) => path.resolve(output.entryPoint) === entryPoints[entry])
  exportsOf[name] = output.exports
}

// One file holds the whole core, every entry's exports under a prefixed name; each entry file
// re-exports its own from it. One file, not a chunk per set of entries (what code splitting
// gives): Node then resolves each import of the peers once, not once per chunk, and a measured
// import on top of the peers took 27 ms instead of 35 ms split into chunks (47 ms per module).
const prefixOf = (name) => `${name.replace(/[^A-Za-z0-9]/g, "_")}__`
const bundleEntry = Object.entries(exportsOf).map(([name, names]) =>
  `export { ${names.map((exported) => `${exported} as ${prefixOf(name)}${exported}`).join(", ")} } from "./${name}.js"`
).join("\n")

const outdir = path.join(core, "dist/node")
fs.rmSync(outdir, { recursive: true, force: true }) // nothing of an earlier build left behind
await esbuild.build({
  stdin: { contents: bundleEntry, resolveDir: path.join(core, "dist"), sourcefile: "node-entries.js" },
  outfile: path.join(outdir, "internal/bundle.js"),
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: true,
  sourcesContent: false, // the package ships src/, as for the per-module maps
  minify: false,
  logLevel: "warning"
})
for (const [name, names] of Object.entries(exportsOf)) {
  const up = "../".repeat(name.split("/").length - 1) || "./"
  const file = path.join(outdir, `${name}.js`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(
    file,
    `export {\n${
      names.map((exported) => `  ${prefixOf(name)}${exported} as ${exported}`).join(",\n")
    }\n} from "${up}internal/bundle.js"\n`
  )
  // Declarations for a program that imports a file of dist/node by path (the benchmarks do): the
  // types are those of the per-module build.
  fs.writeFileSync(path.join(outdir, `${name}.d.ts`), `export * from "../${up === "./" ? "" : up}${name}.js"\n`)
}
console.log(`packages/core/dist/node: ${Object.keys(entryPoints).length} entries over one bundle`)
