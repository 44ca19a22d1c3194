import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    // Every package's own project (the browser one runs in Chromium), and the examples.
    projects: ["packages/*/vitest.config.ts", "examples/vitest.config.ts"],
    coverage: {
      provider: "v8",
      include: ["packages/core/src/**/*.ts"],
      reporter: ["text-summary", "text"],
      // The floor for the core package, where the mapping logic lives.
      thresholds: { lines: 95 }
    }
  }
})
