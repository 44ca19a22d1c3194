/**
 * The `uiza` command line: the Uiza v3 API from a shell, on the Node preset.
 *
 * @example
 * ```ts
 * import { UizaCli } from "@uiza-effect/cli"
 *
 * console.log(UizaCli.ExitCode.Unauthorized) // 4
 * ```
 *
 * @since 0.2.0
 */

/**
 * The commands of `uiza`, their exit codes and the runner of the binary.
 *
 * @example
 * ```ts
 * import { NodeContext, NodeRuntime } from "@effect/platform-node"
 * import { Effect } from "effect"
 * import { UizaCli } from "@uiza-effect/cli"
 *
 * UizaCli.run({ version: "0.2.0" })(process.argv).pipe(
 *   Effect.provide(NodeContext.layer),
 *   NodeRuntime.runMain({ disableErrorReporting: true, disablePrettyLogger: true, teardown: UizaCli.teardown })
 * )
 * ```
 *
 * @since 0.2.0
 */
export * as UizaCli from "./UizaCli.js"
