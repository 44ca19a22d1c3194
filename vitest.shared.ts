import { fileURLToPath } from "node:url"

const source = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url))

// Tests run against the sources of the workspace packages, not their builds.
export const alias = {
  "@uiza-effect/core": source("core"),
  "@uiza-effect/node": source("node"),
  "@uiza-effect/browser": source("browser"),
  "@uiza-effect/server": source("server")
}
