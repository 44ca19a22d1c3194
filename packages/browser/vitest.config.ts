/// <reference types="@vitest/browser/providers/playwright" />
import { defineProject } from "vitest/config"
import { alias } from "../../vitest.shared.js"

// Real headless Chromium from the system (CHROMIUM_PATH, else /usr/bin/chromium);
// nothing is downloaded. The flags keep it from reaching for hosts this machine cannot reach.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

// Every dependency the tests and the packages under test import, bundled once before the run:
// a dependency found only mid-run makes Vite reload the page and fail the run in progress.
const prebundled = [
  "@effect/platform",
  "@effect/platform/Cookies",
  "@effect/platform/FetchHttpClient",
  "@effect/platform/Headers",
  "@effect/platform/HttpApp",
  "@effect/platform/HttpClient",
  "@effect/platform/HttpClientError",
  "@effect/platform/HttpClientRequest",
  "@effect/platform/HttpClientResponse",
  "@effect/platform/HttpIncomingMessage",
  "@effect/platform/HttpMiddleware",
  "@effect/platform/HttpRouter",
  "@effect/platform/HttpServerError",
  "@effect/platform/HttpServerRequest",
  "@effect/platform/HttpServerResponse",
  "@effect/platform/UrlParams",
  "effect",
  "effect/Chunk",
  "effect/Clock",
  "effect/Config",
  "effect/ConfigError",
  "effect/Context",
  "effect/DefaultServices",
  "effect/Duration",
  "effect/Effect",
  "effect/Either",
  "effect/Exit",
  "effect/Fiber",
  "effect/FiberId",
  "effect/FiberRef",
  "effect/Inspectable",
  "effect/Layer",
  "effect/LogLevel",
  "effect/Option",
  "effect/Pipeable",
  "effect/Predicate",
  "effect/Redacted",
  "effect/Schedule",
  "effect/Schema",
  "effect/Scope",
  "effect/Stream",
  "effect/TestClock",
  "effect/Tracer",
  "@effect/vitest"
]

export default defineProject({
  resolve: { alias },
  optimizeDeps: { include: prebundled },
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
