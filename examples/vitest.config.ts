import { defineProject } from "vitest/config"
import { alias } from "../vitest.shared.js"

export default defineProject({
  resolve: { alias },
  test: {
    name: "examples",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "build/**", "dist/**"],
    environment: "node"
  }
})
