#!/usr/bin/env node
/**
 * The `uiza` executable: runs {@link UizaCli.run} on Node with the process
 * arguments and exits with the code of the outcome (see `UizaCli.ExitCode`).
 *
 * @since 0.1.0
 */
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Effect from "effect/Effect"
import { createRequire } from "node:module"
import * as UizaCli from "./UizaCli.js"

// Both `src/bin.ts` and `dist/bin.js` sit one level below the package.json.
const { version } = createRequire(import.meta.url)("../package.json") as { readonly version: string }

UizaCli.run({ version })(process.argv).pipe(
  Effect.provide(NodeContext.layer),
  // `run` prints every outcome itself, and logs to standard error.
  NodeRuntime.runMain({ disableErrorReporting: true, disablePrettyLogger: true, teardown: UizaCli.teardown })
)
