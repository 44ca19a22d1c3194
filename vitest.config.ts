import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    projects: [
      "packages/core/vitest.config.ts",
      "packages/node/vitest.config.ts",
      "packages/server/vitest.config.ts",
      "packages/browser/vitest.config.ts"
    ]
  }
})
