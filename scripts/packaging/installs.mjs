// Runs every install line of the docs (README.md, docs/*.md) in its own
// scratch project, and installs the in-memory test kit in a browser-only
// project. The SDK's packages are not on the registry yet: each
// `@uiza-effect/<name>` resolves to its packed tarball, named directly or
// reached through another package (npm `overrides`, pnpm `pnpm.overrides`).
// Everything else comes from the registry as a user would get it, through
// one shared package cache, all projects at once.
//
//   node scripts/packaging/installs.mjs <dir of tarballs> <scratch dir>
import { execFile } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const [packsArg, workArg] = process.argv.slice(2)
const packs = path.resolve(packsArg)
const work = path.resolve(workArg)
const PNPM = "pnpm@10.34.9"

// Package name -> its tarball (uiza-effect-core-0.1.0.tgz -> @uiza-effect/core).
const tarballs = new Map(
  fs.readdirSync(packs).filter((file) => file.endsWith(".tgz")).map((file) => [
    `@uiza-effect/${file.replace(/^uiza-effect-/, "").replace(/-\d+\.\d+\.\d+.*$/, "")}`,
    path.join(packs, file)
  ])
)

// Packages of the Effect ecosystem whose registry `latest` is not the Effect 3 line.
const effectLine = (name) =>
  name === "effect" || name.startsWith("@effect/") || name === "vitest" ||
  name.startsWith("@vitest/")

/** Every `npm install` / `pnpm add` line of a ```sh block, with where it is. */
const installLines = (files) =>
  files.flatMap((file) => {
    const lines = fs.readFileSync(path.join(root, file), "utf8").split("\n")
    const found = []
    let fence = undefined
    for (let i = 0; i < lines.length; i++) {
      const open = /^\s*(`{3,}|~{3,})\s*(\w*)/.exec(lines[i])
      if (fence === undefined) {
        if (open) fence = { marker: open[1], shell: ["sh", "bash", "shell", "console"].includes(open[2]) }
        continue
      }
      if (lines[i].trimStart().startsWith(fence.marker)) {
        fence = undefined
        continue
      }
      if (!fence.shell) continue
      let command = lines[i].replace(/^\s*\$\s+/, "").replace(/\s+#.*$/, "").trim()
      const line = i + 1
      while (command.endsWith("\\") && i + 1 < lines.length) command = `${command.slice(0, -1)} ${lines[++i].trim()}`
      const words = command.split(/\s+/).filter((word) => word.length > 0)
      const tool = words[0] === "npm" && ["install", "i", "add"].includes(words[1])
        ? "npm"
        : words[0] === "pnpm" && ["add", "install", "i"].includes(words[1])
        ? "pnpm"
        : undefined
      if (tool) found.push({ where: `${file}:${line}`, command, tool, args: words.slice(2) })
    }
    return found
  })

const nameOf = (spec) => {
  const at = spec.indexOf("@", 1)
  return at === -1 ? spec : spec.slice(0, at)
}

/** What is wrong with a line before running it: an Effect-line package without a version. */
const unpinned = (entry) => entry.args.filter((arg) => !arg.startsWith("-") && effectLine(arg) && nameOf(arg) === arg)

const run = (command, args, cwd) =>
  new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_fund: "false" } },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: `${stdout}${stderr}` })
    )
  })

// A scratch project that runs `entry`, with the SDK's packages taken from the tarballs.
const install = async (dir, entry) => {
  fs.mkdirSync(dir, { recursive: true })
  // npm accepts an override of a direct dependency only with the very spec it saves: relative.
  const specs = new Map([...tarballs].map(([name, file]) => [name, `file:${path.relative(dir, file)}`]))
  const overrides = Object.fromEntries(specs)
  const manifest = { name: "scratch", private: true, type: "module" }
  if (entry.tool === "npm") manifest.overrides = overrides
  else manifest.pnpm = { overrides }
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2))
  const args = entry.args.map((arg) => specs.get(nameOf(arg)) ?? arg)
  const unknown = entry.args.filter((arg) => nameOf(arg).startsWith("@uiza-effect/") && !tarballs.has(nameOf(arg)))
  if (unknown.length > 0) return { ok: false, output: `no packed package for ${unknown.join(", ")}` }
  const result = entry.tool === "npm"
    ? await run("npm", ["install", ...args, "--prefer-offline", "--no-audit", "--loglevel=error"], dir)
    : await run("npx", ["--yes", PNPM, "add", ...args, "--prefer-offline", "--reporter=append-only"], dir)
  if (result.code !== 0) return { ok: false, output: result.output }
  // Installed is not enough: the tree must also be whole, on the Effect 3 line.
  const tree = entry.tool === "npm" ? await run("npm", ["ls", "--all"], dir) : { code: 0, output: "" }
  if (tree.code !== 0) return { ok: false, output: `npm ls --all:\n${tree.output}` }
  const effect = path.join(dir, "node_modules", "effect", "package.json")
  if (fs.existsSync(effect)) {
    const version = JSON.parse(fs.readFileSync(effect, "utf8")).version
    if (!version.startsWith("3.")) return { ok: false, output: `installed effect ${version}, not the Effect 3 line` }
  }
  return { ok: true, output: "" }
}

// The in-memory kit in a project without Node presets: nothing of @uiza-effect/node or
// @effect/platform-node is installed, and its root entry bundles for the browser.
const browserOnly = async (dir) => {
  const entry = {
    tool: "npm",
    args: ["-D", "@uiza-effect/testing", "@uiza-effect/core", "effect@~3.22.4", "@effect/platform@~0.97.2"]
  }
  const installed = await install(dir, entry)
  if (!installed.ok) return installed
  for (const absent of ["@uiza-effect/node", "@effect/platform-node"]) {
    if (fs.existsSync(path.join(dir, "node_modules", absent))) {
      return { ok: false, output: `installing @uiza-effect/testing also installed ${absent}` }
    }
  }
  fs.writeFileSync(
    path.join(dir, "kit.test.js"),
    [
      `import { Effect } from "effect"`,
      `import { User } from "@uiza-effect/core"`,
      `import { UizaTest } from "@uiza-effect/testing"`,
      `export const test = User.logout().pipe(Effect.provide(UizaTest.layer()))`
    ].join("\n")
  )
  const { build } = await import(path.join(root, "node_modules", "esbuild", "lib", "main.js"))
  try {
    const result = await build({
      absWorkingDir: dir,
      entryPoints: ["kit.test.js"],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent"
    })
    const inputs = Object.keys(result.metafile.inputs).filter((input) =>
      input.includes("@uiza-effect/node") || input.startsWith("node:")
    )
    if (inputs.length > 0) return { ok: false, output: `the browser bundle has ${inputs.join(", ")}` }
  } catch (error) {
    return { ok: false, output: `the root entry does not bundle for the browser:\n${error.message}` }
  }
  return { ok: true, output: "" }
}

const docs = [
  "README.md",
  ...fs.readdirSync(path.join(root, "docs")).filter((file) => file.endsWith(".md")).map((file) => `docs/${file}`)
]
const lines = installLines(docs)
const problems = []
if (lines.length === 0) problems.push("no install line found in the docs")
for (const entry of lines) {
  const loose = unpinned(entry)
  if (loose.length > 0) {
    problems.push(
      `${entry.where}: ${loose.join(", ")} without a version: the registry's latest is Effect 4; pin the Effect 3 line`
    )
  }
}

const jobs = [
  ...lines.map((entry, index) => ({
    label: `${entry.where}: ${entry.command}`,
    job: () => install(path.join(work, `line-${index}`), entry)
  })),
  { label: "@uiza-effect/testing in a browser-only project", job: () => browserOnly(path.join(work, "browser-only")) }
]
const results = await Promise.all(jobs.map(({ job }) => job()))
jobs.forEach(({ label }, index) => {
  const result = results[index]
  console.log(`${result.ok ? "ok  " : "FAIL"} ${label}`)
  if (!result.ok) problems.push(`${label}\n${result.output.trim()}`)
})
if (problems.length > 0) {
  console.error(`\n${problems.join("\n\n")}`)
  process.exit(1)
}
