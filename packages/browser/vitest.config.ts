/// <reference types="@vitest/browser/providers/playwright" />
import { defineProject } from "vitest/config"
import { alias } from "../../vitest.shared.js"

// Real headless Chromium from the system (CHROMIUM_PATH, else /usr/bin/chromium);
// nothing is downloaded. The flags keep it from reaching for hosts this machine cannot reach.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

export default defineProject({
  resolve: { alias },
  test: {
    name: "browser",
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/globalSetup.ts"],
    setupFiles: ["test/setup.ts"],
    browser: {
      enabled: true,
      headless: true,
      provider: "playwright",
      screenshotFailures: false,
      instances: [
        {
          browser: "chromium",
          launch: {
            executablePath,
            args: [
              "--no-sandbox",
              "--disable-gpu",
              "--disable-dev-shm-usage",
              "--disable-background-networking",
              "--disable-component-update",
              "--disable-sync",
              "--no-first-run"
            ]
          }
        }
      ]
    }
  }
})
