/**
 * Type-checks the code in the docs: every ```ts block of docs/*.md and every
 * @example block in the JSDoc of packages/<name>/src (internal modules
 * excepted). A block fenced as ```ts no-check is skipped.
 *
 *   pnpm check:docs              # docs/*.md and the JSDoc examples
 *   pnpm check:docs --docs-only  # docs/*.md only
 *
 * Each block becomes one module in .check-docs/ (inside the workspace, so the
 * dependencies resolve), compiled by tsc with strict settings and NodeNext
 * modules (and `noUncheckedIndexedAccess`, as strict user projects set it); the
 * workspace packages resolve to their sources. A failure is
 * reported at the file and line of the block in the doc or source, and the
 * script exits with 1.
 */
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { sourceEntries } from "../vitest.shared.js"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const docsOnly = process.argv.includes("--docs-only")
const workDir = path.join(root, ".check-docs")
const packages = fs.readdirSync(path.join(root, "packages"))

interface Block {
  /** The doc or source file, relative to the root. */
  readonly file: string
  /** The line of the file where the code of the block starts (1-based). */
  readonly line: number
  readonly code: string
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/

// ```ts blocks of a Markdown file. Only the top-level fences count.
const markdownBlocks = (file: string): Array<Block> => {
  const lines = fs.readFileSync(path.join(root, file), "utf8").split("\n")
  const blocks: Array<Block> = []
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i])
    if (!open) continue
    const [, , fence, lang, info] = open
    let end = i + 1
    while (end < lines.length && !lines[end].trimStart().startsWith(fence)) end++
    const checked = (lang === "ts" || lang === "typescript") && !/\bno-check\b/.test(info)
    if (checked) blocks.push({ file, line: i + 2, code: lines.slice(i + 1, end).join("\n") })
    i = end
  }
  return blocks
}

// ```ts blocks after an @example tag in the JSDoc comments of a source file.
const jsdocBlocks = (file: string): Array<Block> => {
  const lines = fs.readFileSync(path.join(root, file), "utf8").split("\n")
  const blocks: Array<Block> = []
  const strip = (line: string) => line.replace(/^\s*\*( |$)/, "")
  let inExample = false
  for (let i = 0; i < lines.length; i++) {
    const text = strip(lines[i])
    if (/^\s*@example\b/.test(text)) {
      inExample = true
      continue
    }
    if (/^\s*@\w+/.test(text) || lines[i].includes("*/")) inExample = false
    if (!inExample) continue
    const open = FENCE.exec(text)
    if (!open) continue
    const [, , fence, lang, info] = open
    let end = i + 1
    while (end < lines.length && !strip(lines[end]).trimStart().startsWith(fence) && !lines[end].includes("*/")) end++
    if ((lang === "ts" || lang === "typescript" || lang === "") && !/\bno-check\b/.test(info)) {
      blocks.push({ file, line: i + 2, code: lines.slice(i + 1, end).map(strip).join("\n") })
    }
    i = end
  }
  return blocks
}

const listFiles = (dir: string, keep: (file: string) => boolean): Array<string> =>
  fs.existsSync(path.join(root, dir))
    ? (fs.readdirSync(path.join(root, dir), { recursive: true }) as Array<string>)
      .map((file) => path.join(dir, file))
      .filter(keep)
      .sort()
    : []

const docFiles = listFiles("docs", (file) => path.dirname(file) === "docs" && file.endsWith(".md"))
const sourceFiles = docsOnly
  ? []
  : packages.flatMap((pkg) =>
    listFiles(
      path.join("packages", pkg, "src"),
      (file) => file.endsWith(".ts") && !file.split(path.sep).includes("internal")
    )
  )

const blocks = [...docFiles.flatMap(markdownBlocks), ...sourceFiles.flatMap(jsdocBlocks)]

fs.rmSync(workDir, { recursive: true, force: true })
fs.mkdirSync(workDir, { recursive: true })

const byModule = new Map<string, Block>()
blocks.forEach((block, index) => {
  const name = `${String(index).padStart(3, "0")}-${block.file.replace(/[^\w]+/g, "_")}-L${block.line}.ts`
  byModule.set(name, block)
  fs.writeFileSync(path.join(workDir, name), `${block.code}\n`)
})

const paths = Object.fromEntries(sourceEntries.map(([specifier, file]) => [specifier, [file]]))

fs.writeFileSync(
  path.join(workDir, "tsconfig.json"),
  JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        lib: ["ES2022", "DOM", "DOM.Iterable"],
        module: "NodeNext",
        moduleResolution: "NodeNext",
        moduleDetection: "force",
        strict: true,
        exactOptionalPropertyTypes: true,
        // What strict user projects turn on: indexing an array or record may give undefined.
        noUncheckedIndexedAccess: true,
        noImplicitOverride: true,
        skipLibCheck: true,
        noEmit: true,
        types: ["node"],
        paths
      },
      include: ["*.ts"]
    },
    null,
    2
  )
)

console.log(
  `Type-checking ${blocks.length} code blocks (${docFiles.length} docs${
    docsOnly ? "" : `, ${sourceFiles.length} source files`
  })...`
)
if (blocks.length === 0) process.exit(0)

let output = ""
try {
  execFileSync(path.join(root, "node_modules", ".bin", "tsc"), ["-p", workDir, "--pretty", "false"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"]
  })
} catch (error) {
  output = String((error as { stdout?: unknown }).stdout ?? "") + String((error as { stderr?: unknown }).stderr ?? "")
  if (output.trim().length === 0) output = String(error)
}

if (output.trim().length === 0) {
  console.log("All code blocks type-check.")
  fs.rmSync(workDir, { recursive: true, force: true })
  process.exit(0)
}

// Point each diagnostic at the doc or source line it comes from. Diagnostics
// in the packages' own sources are not the docs' business (`tsc -b` checks
// those with the project's settings): they are counted, not reported.
const DIAGNOSTIC = /^(.*?)\((\d+),(\d+)\): (.*)$/
const failing = new Set<string>()
const report: Array<string> = []
let elsewhere = 0
let current: "block" | "elsewhere" | "unknown" = "unknown"
for (const line of output.trimEnd().split("\n")) {
  const match = DIAGNOSTIC.exec(line)
  if (!match) {
    if (current !== "elsewhere") report.push(line.startsWith(" ") ? line : `  ${line}`)
    continue
  }
  const [, file, lineNumber, column, message] = match
  const block = path.dirname(path.resolve(root, file)) === workDir ? byModule.get(path.basename(file)) : undefined
  if (!block) {
    current = "elsewhere"
    elsewhere++
    continue
  }
  current = "block"
  failing.add(`${block.file}:${block.line}`)
  report.push(`${block.file}:${block.line + Number(lineNumber) - 1}:${column}: ${message}`)
}

if (failing.size === 0 && report.length === 0) {
  console.log(`All code blocks type-check (${elsewhere} diagnostic(s) in package sources ignored; see tsc -b).`)
  fs.rmSync(workDir, { recursive: true, force: true })
  process.exit(0)
}
console.error(report.join("\n"))
console.error(`\n${failing.size} code block(s) do not type-check (the generated modules are in .check-docs/).`)
process.exit(1)
