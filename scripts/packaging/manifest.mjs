// Checks an unpacked tarball (the `package/` directory) as published: its
// `exports` name only built files that are in the tarball (no `source`
// condition: that one is for the workspace), and every source map and
// declaration map points at sources the tarball ships, so stack traces and
// "go to definition" land on real files.
//
// The published `exports` must offer every subpath of the workspace's (given as the
// second argument): a subpath left out of `publishConfig.exports` resolves in the
// workspace and fails for every user.
//
//   node scripts/packaging/manifest.mjs <unpacked package dir> <workspace package.json>
import * as fs from "node:fs"
import * as path from "node:path"

const dir = path.resolve(process.argv[2])
const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"))
const problems = []

const targets = (value, where) => {
  if (typeof value === "string") return [[where, value]]
  if (value === null || typeof value !== "object") return []
  return Object.entries(value).flatMap(([key, inner]) => {
    if (key === "source") problems.push(`exports${where} has a "source" condition (${JSON.stringify(inner)})`)
    return targets(inner, `${where}.${key}`)
  })
}

if (pkg.exports === undefined) problems.push("no exports")
if (pkg.publishConfig?.exports !== undefined) problems.push("publishConfig.exports was not applied to exports")
if (process.argv[3] !== undefined) {
  const workspace = JSON.parse(fs.readFileSync(process.argv[3], "utf8"))
  for (const subpath of Object.keys(workspace.exports ?? {})) {
    if (pkg.exports?.[subpath] === undefined) problems.push(`exports has no ${subpath}, which the workspace's has`)
  }
}
for (const [where, target] of targets(pkg.exports, "")) {
  if (!target.startsWith("./dist/") && target !== "./package.json") {
    problems.push(`exports${where} is ${target}, not a built file`)
  }
  if (!fs.existsSync(path.join(dir, target))) problems.push(`exports${where}: ${target} is not in the tarball`)
}

const walk = (at) =>
  fs.readdirSync(at, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(at, entry.name)) : [path.join(at, entry.name)]
  )
for (const map of walk(dir).filter((file) => file.endsWith(".map"))) {
  const { sources = [], sourceRoot = "" } = JSON.parse(fs.readFileSync(map, "utf8"))
  for (const source of sources) {
    const file = path.resolve(path.dirname(map), sourceRoot, source)
    if (!fs.existsSync(file)) problems.push(`${path.relative(dir, map)} points at ${source}, not in the tarball`)
  }
}

if (problems.length > 0) {
  console.error(`${pkg.name}:\n  ${problems.join("\n  ")}`)
  process.exit(1)
}
