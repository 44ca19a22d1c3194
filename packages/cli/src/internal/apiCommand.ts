/**
 * What the commands that call the API with a token share: the layer built
 * from the flags, one way of printing a success, and one of reporting a
 * failure with its exit code.
 *
 * @internal
 */
import type * as Prompt from "@effect/cli/Prompt"
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as Terminal from "@effect/platform/Terminal"
import { type UizaConfig, UizaError } from "@uiza-effect/core"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { type ConnectionFlags, uizaLayer } from "./connection.js"
import { CliExit, ExitCode } from "./exit.js"
import { reportFailure } from "./report.js"
import { jsonLine } from "./terminalText.js"

export interface ApiFlags extends ConnectionFlags {
  readonly json: boolean
}

type Failure = UizaError.UizaError | UizaError.UizaConfigError | Terminal.QuitException | CliExit

/**
 * Runs `program` with the Node preset built from the flags (the token read
 * first), and turns every failure into its report and exit code.
 */
export const runApi = <R>(
  flags: ApiFlags,
  program: Effect.Effect<void, Failure, R>
): Effect.Effect<
  void,
  CliExit,
  Exclude<R, UizaConfig.UizaConfig | HttpClient.HttpClient> | FileSystem.FileSystem | Prompt.Prompt.Environment
> => Effect.flatMap(uizaLayer(flags), (UizaLive) => Effect.provide(program, UizaLive)).pipe(reportingFailures(flags))

/** Every failure of a command turned into its report (text or `--json`) and its exit code. */
export const reportingFailures = (flags: ApiFlags) =>
<A, R>(
  self: Effect.Effect<A, Failure, R>
): Effect.Effect<A, CliExit, R> =>
  self.pipe(
    Effect.catchTags({
      QuitException: () => Effect.fail(new CliExit({ exitCode: ExitCode.Interrupted })),
      UizaConfigError: (error) => reportFailure(error, flags)
    }),
    Effect.catchIf(UizaError.isUizaError, (error) => reportFailure(error, flags))
  )

/** A success: `json` as `{"ok":true,"result":…}` with `--json`, else `text` for people. */
export const printSuccess = (flags: { readonly json: boolean }, json: unknown, text: string): Effect.Effect<void> =>
  flags.json ? Console.log(jsonLine({ ok: true, result: json })) : Console.log(text)

/** A usage error found after parsing: said on standard error, exit 2, nothing sent. */
export const usageFailure = (message: string): Effect.Effect<never, CliExit> =>
  Effect.zipRight(Console.error(message), Effect.fail(new CliExit({ exitCode: ExitCode.Usage })))
