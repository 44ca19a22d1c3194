/**
 * Generates the API reference in docs/api/ from the JSDoc of every package,
 * with @effect/docgen, which also type-checks every @example.
 *
 *   pnpm docs:api               # check the examples and write docs/api/
 *   pnpm docs:api --check       # check only (what scripts/test.sh runs): the examples, and
 *                               # that docs/api/ is what the sources generate
 *   pnpm docs:api core testing  # only these packages
 *
 * docgen reads `name` and `homepage` from the package.json of the folder it
 * runs in, and writes next to it; so each package is documented from a
 * scratch folder, packages/<name>/.docgen/, with `src` linked to the
 * package's sources. The examples are type-checked (not run: many of them
 * would call the real API) with the workspace packages resolved to their
 * sources.
 */
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { sourceEntries } from "../vitest.shared.js"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const allPackages = fs.readdirSync(path.join(root, "packages"))
const args = process.argv.slice(2)
const checkOnly = args.includes("--check")
const selected = args.filter((arg) => !arg.startsWith("--"))
const packages = selected.length > 0 ? selected : allPackages

// Every workspace package, resolved to its sources.
const paths = Object.fromEntries(sourceEntries.map(([specifier, file]) => [specifier, [file]]))

// docgen type-checks the examples with tsc, then runs them with `tsx`, and has
// no switch for "check only" (runExamples: false skips the type-check too).
// Many examples would call the real API or read the environment, so a `tsx`
// that runs nothing is put first on the PATH of docgen.
const shimDir = path.join(root, "node_modules", ".cache", "uiza-docgen-bin")
fs.mkdirSync(shimDir, { recursive: true })
fs.writeFileSync(path.join(shimDir, "tsx"), "#!/bin/sh\necho \"(examples type-checked, not run)\"\n", { mode: 0o755 })
const env = {
  ...process.env,
  PATH: [shimDir, path.join(root, "node_modules", ".bin"), process.env.PATH ?? ""].join(path.delimiter)
}
const apiDir = path.join(root, "docs", "api")
const index: Array<string> = []
let failed = false
// With --check, the pages that differ from docs/api/ (or are missing from it, or are left over in it).
const stale: Array<string> = []

for (const pkg of packages) {
  const packageDir = path.join(root, "packages", pkg)
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as {
    name: string
    description?: string
  }
  const work = path.join(packageDir, ".docgen")
  fs.rmSync(work, { recursive: true, force: true })
  fs.mkdirSync(work, { recursive: true })
  fs.symlinkSync(path.join(packageDir, "src"), path.join(work, "src"), "dir")
  // Another name than the package's, so docgen does not rewrite its imports: `paths` resolves them all.
  fs.writeFileSync(
    path.join(work, "package.json"),
    JSON.stringify({ name: `${manifest.name}-docgen`, homepage: "../../README.md" }, null, 2)
  )
  fs.writeFileSync(
    path.join(work, "docgen.json"),
    JSON.stringify(
      {
        srcDir: "src",
        outDir: "out",
        exclude: ["src/internal/**/*.ts"],
        enforceVersion: true,
        enforceExamples: true,
        enforceDescriptions: true,
        runExamples: true,
        examplesCompilerOptions: {
          noEmit: true,
          strict: true,
          exactOptionalPropertyTypes: true,
          skipLibCheck: true,
          moduleResolution: "Bundler",
          module: "ESNext",
          target: "ES2022",
          lib: ["ES2022", "DOM", "DOM.Iterable"],
          types: ["node"],
          typeRoots: [path.join(root, "node_modules", "@types")],
          paths
        }
      },
      null,
      2
    )
  )
  console.log(`== docgen ${manifest.name}`)
  try {
    execFileSync(path.join(root, "node_modules", ".bin", "docgen"), [], { cwd: work, env, stdio: "inherit" })
  } catch {
    console.error(
      `docgen failed for ${manifest.name} (see above; examples are in ${path.relative(root, work)}/out/examples)`
    )
    failed = true
    continue
  }
  const modulesDir = path.join(work, "out", "modules")
  const outDir = path.join(apiDir, pkg)
  const pages = new Map<string, string>()
  for (const file of fs.readdirSync(modulesDir, { recursive: true }) as Array<string>) {
    if (!file.endsWith(".ts.md")) continue
    // Drop docgen's Jekyll front matter: these pages are read as plain Markdown.
    const text = fs.readFileSync(path.join(modulesDir, file), "utf8").replace(/^(?:---|\*\*\*)\n[\s\S]*?\n---\n+/, "")
    pages.set(file.replace(/\.ts\.md$/, ""), text)
  }
  const modules = [...pages.keys()].sort((a, b) => (a === "index" ? -1 : b === "index" ? 1 : a.localeCompare(b)))
  index.push(
    `## ${manifest.name}`,
    "",
    ...(manifest.description ? [manifest.description, ""] : []),
    ...modules.map((name) => `- [${name}](${pkg}/${name}.md)`),
    ""
  )
  if (checkOnly) {
    const written = fs.existsSync(outDir)
      ? (fs.readdirSync(outDir, { recursive: true }) as Array<string>).filter((file) => file.endsWith(".md"))
      : []
    for (const file of written) if (!pages.has(file.replace(/\.md$/, ""))) stale.push(path.join(outDir, file))
    for (const [name, text] of pages) {
      const file = path.join(outDir, `${name}.md`)
      if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) stale.push(file)
    }
    continue
  }

  fs.rmSync(outDir, { recursive: true, force: true })
  fs.mkdirSync(outDir, { recursive: true })
  for (const [name, text] of pages) {
    fs.mkdirSync(path.dirname(path.join(outDir, `${name}.md`)), { recursive: true })
    fs.writeFileSync(path.join(outDir, `${name}.md`), text)
  }
}

const indexPage = [
  "# API reference",
  "",
  "Generated from the JSDoc of the sources by `pnpm docs:api` (@effect/docgen); do not edit by hand.",
  "Every example on these pages is type-checked: by docgen when the pages are generated, and by",
  "`pnpm check:docs` (which also covers the examples of classes, which docgen skips) in `pnpm test`.",
  "",
  ...index
].join("\n")
const indexFile = path.join(apiDir, "README.md")
if (checkOnly && selected.length === 0) {
  if (!fs.existsSync(indexFile) || fs.readFileSync(indexFile, "utf8") !== indexPage) stale.push(indexFile)
}

if (failed) process.exit(1)
if (stale.length > 0) {
  console.error(
    `The API reference is not what the sources generate; run pnpm docs:api and commit docs/api/:\n${
      stale.map((file) => `  ${path.relative(root, file)}`).join("\n")
    }`
  )
  process.exit(1)
}
if (!checkOnly && selected.length === 0) {
  fs.writeFileSync(indexFile, indexPage)
  console.log(`API reference written to ${path.relative(root, apiDir)}/`)
}
