import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const packagesDir = fileURLToPath(new URL("./packages/", import.meta.url))

interface PackageJson {
  readonly name: string
  readonly exports?: Record<string, string | { readonly source?: string }>
}

/**
 * Every import specifier of the workspace packages (`@uiza-effect/core`,
 * `@uiza-effect/node/UizaCli`, ...) mapped to its source file, read from the
 * `source` condition of each package's `exports`. Subpaths come first: an
 * alias also matches "<name>/<subpath>", and the first entry that matches wins.
 */
export const sourceEntries: ReadonlyArray<readonly [specifier: string, file: string]> = readdirSync(packagesDir)
  .flatMap((dir) => {
    const pkg = JSON.parse(readFileSync(`${packagesDir}${dir}/package.json`, "utf8")) as PackageJson
    return Object.entries(pkg.exports ?? {}).flatMap(([subpath, target]) =>
      typeof target === "object" && target.source !== undefined
        ? [[`${pkg.name}${subpath.slice(1)}`, `${packagesDir}${dir}/${target.source.slice(2)}`] as const]
        : []
    )
  })
  .sort(([a], [b]) => b.length - a.length)

// Tests run against the sources of the workspace packages, not their builds.
export const alias = Object.fromEntries(sourceEntries)
