/**
 * The `uiza` command-line tool: `uiza login` creates a token from a
 * username and password, `uiza users list|get|create|update|delete|change-password`
 * manages the workspace's users, `uiza token check` tells when the token
 * expires, `uiza logout` revokes it, and `uiza serve` runs the local Uiza
 * server (with a seeded admin) to try them against.
 *
 * Secrets never come from a command-line argument: arguments end up in
 * shell history and in the process list of every user of the machine. The
 * token is read from `UIZA_AUTHORIZATION`, from a file (`--token-file`) or
 * from standard input (`--token-stdin`); a password is asked for without
 * echo in a terminal, or read from a file (`--password-file`) or standard
 * input (`--password-stdin`). `uiza login` writes the token it gets to a
 * file of mode 0600 (`--save-token`), or prints it only with
 * `--print-token`. People get aligned tables; `--json` prints one JSON
 * object for scripts. Each class of failure exits with its own code
 * ({@link ExitCode}).
 *
 * @since 0.1.0
 */
import * as Command from "@effect/cli/Command"
import type * as CommandDescriptor from "@effect/cli/CommandDescriptor"
import * as HelpDoc from "@effect/cli/HelpDoc"
import * as Span from "@effect/cli/HelpDoc/Span"
import * as ValidationError from "@effect/cli/ValidationError"
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as Path from "@effect/platform/Path"
import type { Teardown } from "@effect/platform/Runtime"
import type * as Terminal from "@effect/platform/Terminal"
import * as Cause from "effect/Cause"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Logger from "effect/Logger"
import * as Option from "effect/Option"
import { coloursFor } from "./internal/colours.js"
import * as exit from "./internal/exit.js"
import { withCommandConsole, withLibraryConsole } from "./internal/libraryConsole.js"
import * as loginCommand from "./internal/loginCommand.js"
import * as logoutCommand from "./internal/logoutCommand.js"
import { isPasswordArgument, passwordArgumentMessage } from "./internal/secretInput.js"
import * as serveCommand from "./internal/serveCommand.js"
import * as tokenCommand from "./internal/tokenCommand.js"
import { isTokenArgument, tokenArgumentMessage } from "./internal/tokenInput.js"
import { commandPath, describeUsageError } from "./internal/usageError.js"
import * as usersCommand from "./internal/usersCommand.js"

/**
 * The exit codes of `uiza`, one per class of outcome. They are part of the
 * tool's interface: scripts may rely on them.
 *
 * | code | meaning |
 * |---|---|
 * | 0 | success (for `serve`: stopped by SIGINT or SIGTERM) |
 * | 1 | unexpected failure (a bug: please report it) |
 * | 2 | usage: unknown command or flag, bad flag value, a token or password given as an argument, an invalid field (`InvalidInputError`: nothing was sent) |
 * | 3 | configuration: missing or invalid domain, token, timeout or retries; an unreadable token or password file; no password and no terminal to ask in; a `--save-token` path refused |
 * | 4 | HTTP 401: the token is invalid or already revoked; a login refused |
 * | 5 | HTTP 404: an unknown user id, or a wrong workspace API domain |
 * | 6 | HTTP 400, 422 or another 4xx |
 * | 7 | HTTP 500, 503 or another 5xx (after the retries) |
 * | 8 | connection failure: refused, DNS, TLS, reset |
 * | 9 | timeout |
 * | 10 | a reply that is not a Uiza reply, or one larger than `maxResponseBytes` |
 * | 11 | `serve` could not listen (port in use, bad host) |
 * | 130 | a command interrupted (SIGINT, SIGTERM, Ctrl-C at a token or password prompt) |
 *
 * @example
 * ```ts
 * import * as UizaCli from "@uiza-effect/cli/UizaCli"
 * import { execFileSync } from "node:child_process"
 *
 * try {
 *   execFileSync("uiza", ["logout"], { stdio: "inherit" })
 * } catch (error) {
 *   const status = (error as { status?: number }).status
 *   if (status === UizaCli.ExitCode.Unauthorized) console.log("the token was already revoked")
 * }
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const ExitCode: typeof exit.ExitCode = exit.ExitCode

/**
 * The exit code of an error of a Uiza call.
 *
 * @example
 * ```ts
 * import { UizaError } from "@uiza-effect/core"
 * import * as UizaCli from "@uiza-effect/cli/UizaCli"
 *
 * const error = new UizaError.UizaConfigError({ setting: "workspaceApiDomain", message: "is empty" })
 * console.log(UizaCli.exitCodeOf(error)) // 3
 * ```
 *
 * @since 0.1.0
 * @category exit codes
 */
export const exitCodeOf: typeof exit.exitCodeOf = exit.exitCodeOf

/**
 * The failure of a command whose outcome has already been printed: the
 * process should exit with `exitCode`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import * as UizaCli from "@uiza-effect/cli/UizaCli"
 *
 * const program = Effect.fail(new UizaCli.CliExit({ exitCode: UizaCli.ExitCode.Usage }))
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export const CliExit: typeof exit.CliExit = exit.CliExit

/**
 * The type of {@link CliExit}.
 *
 * @example
 * ```ts
 * import * as UizaCli from "@uiza-effect/cli/UizaCli"
 *
 * const codeOf = (failure: UizaCli.CliExit): number => failure.exitCode
 * ```
 *
 * @since 0.1.0
 * @category errors
 */
export type CliExit = exit.CliExit

/**
 * `uiza logout`: revokes the token, read from `UIZA_AUTHORIZATION`,
 * `--token-file` or `--token-stdin`, on the workspace of
 * `UIZA_WORKSPACE_API_DOMAIN` or `--domain`.
 *
 * @example
 * ```ts
 * import { Command } from "@effect/cli"
 * import * as NodeContext from "@effect/platform-node/NodeContext"
 * import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
 * import { Effect } from "effect"
 * import * as UizaCli from "@uiza-effect/cli/UizaCli"
 *
 * // A tool of your own with `logout` as its only command.
 * const cli = Command.run(UizaCli.logout, { name: "my-tool", version: "1.0.0" })
 * cli(process.argv).pipe(Effect.provide(NodeContext.layer), NodeRuntime.runMain)
 * ```
 *
 * @since 0.1.0
 * @category commands
 */
export const logout: Command.Command<
  "logout",
  FileSystem.FileSystem | Path.Path | Terminal.Terminal,
  CliExit,
  logoutCommand.LogoutFlags
> = logoutCommand.logout

/**
 * `uiza serve`: runs the local Uiza server until SIGINT or SIGTERM, and
 * prints its URL, the seeded admin (its password too, unless it was chosen
 * with `--admin-password-file`), the tokens it accepts and the lines to try
 * `uiza logout` and `uiza login` against it.
 *
 * @example
 * ```ts
 * import { Command } from "@effect/cli"
 * import * as NodeContext from "@effect/platform-node/NodeContext"
 * import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
 * import { Effect } from "effect"
 * import * as UizaCli from "@uiza-effect/cli/UizaCli"
 *
 * const cli = Command.run(UizaCli.serve, { name: "uiza-serve", version: "1.0.0" })
 * cli(process.argv).pipe(Effect.provide(NodeContext.layer), NodeRuntime.runMain)
 * ```
 *
 * @since 0.1.0
 * @category commands
 */
export const serve: Command.Command<"serve", never, CliExit, serveCommand.ServeFlags> = serveCommand.serve

/**
 * The `uiza` command, with `login`, `logout`, `users`, `token` and `serve`
 * as subcommands.
 *
 * @example
 * ```ts
 * import { Command } from "@effect/cli"
 * import * as UizaCli from "@uiza-effect/cli/UizaCli"
 *
 * const cli = Command.run(UizaCli.command, { name: "uiza", version: "0.1.0" })
 * ```
 *
 * @since 0.1.0
 * @category commands
 */
export const command: Command.Command<
  "uiza",
  FileSystem.FileSystem | Path.Path | Terminal.Terminal,
  CliExit,
  {
    readonly subcommand: Option.Option<
      | loginCommand.LoginFlags
      | logoutCommand.LogoutFlags
      | serveCommand.ServeFlags
      | { readonly subcommand: Option.Option<usersCommand.UsersSubcommandFlags> }
      | { readonly subcommand: Option.Option<tokenCommand.CheckFlags> }
    >
  }
> = Command.make("uiza", {}, () =>
  // A command is required: `uiza` alone is a usage error, not a success.
  Effect.zipRight(
    Console.error(
      "uiza: a command is needed: uiza login, uiza users, uiza token check, uiza logout, uiza serve " +
        "(uiza --help lists them)."
    ),
    Effect.fail(new exit.CliExit({ exitCode: exit.ExitCode.Usage }))
  )).pipe(
    Command.withDescription("The Uiza v3 API from the command line."),
    Command.withSubcommands([loginCommand.login, logout, usersCommand.users, tokenCommand.token, serve])
  )

const exitCodesHelp = HelpDoc.sequence(
  HelpDoc.h1("EXIT CODES"),
  HelpDoc.p(
    "0 success; 1 unexpected failure; 2 usage; 3 configuration; 4 HTTP 401; 5 HTTP 404; 6 other 4xx; " +
      "7 5xx; 8 connection failure; 9 timeout; 10 unreadable reply; 11 serve could not listen; 130 interrupted."
  )
)

/**
 * Options of {@link run}.
 *
 * @example
 * ```ts
 * import * as UizaCli from "@uiza-effect/cli/UizaCli"
 *
 * const options: UizaCli.RunOptions = { version: "1.2.3" }
 *
 * // `uiza --version` prints 1.2.3.
 * const program = UizaCli.run(options)(["node", "uiza", "--version"])
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface RunOptions {
  /** The version `--version` prints. */
  readonly version: string
}

/**
 * Runs `uiza` with the process arguments (`process.argv`, the runtime and
 * the script included). Every outcome has been printed when it ends; a
 * failure is a {@link CliExit} with the code to exit with. Logs go to
 * standard error, so that `--json` output stays parseable.
 *
 * @example
 * ```ts
 * import * as NodeContext from "@effect/platform-node/NodeContext"
 * import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
 * import { Effect } from "effect"
 * import * as UizaCli from "@uiza-effect/cli/UizaCli"
 *
 * UizaCli.run({ version: "0.1.0" })(process.argv).pipe(
 *   Effect.provide(NodeContext.layer),
 *   NodeRuntime.runMain({ disableErrorReporting: true, disablePrettyLogger: true, teardown: UizaCli.teardown })
 * )
 * ```
 *
 * @since 0.1.0
 * @category running
 */
export const run = (options: RunOptions): (
  args: ReadonlyArray<string>
) => Effect.Effect<void, CliExit, FileSystem.FileSystem | Path.Path | Terminal.Terminal> => {
  // Commands print through the real console; @effect/cli's own messages are restated without values.
  const cli = Command.run(Command.transformHandler(command, withCommandConsole), {
    name: "uiza",
    version: options.version,
    executable: "uiza",
    summary: Span.text("the Uiza v3 API from the command line"),
    footer: exitCodesHelp
  })
  return (args) => {
    const tokenArgument = args.slice(2).some(isTokenArgument)
    const passwordArgument = args.slice(2).some(isPasswordArgument)
    const program = tokenArgument || passwordArgument
      ? Effect.zipRight(
        Console.error(passwordArgument ? passwordArgumentMessage : tokenArgumentMessage),
        Effect.fail(new exit.CliExit({ exitCode: exit.ExitCode.Usage }))
      )
      : withLibraryConsole(cli(args), {
        colours: coloursFor(process.stdout),
        commandPath: commandPath(command.descriptor as CommandDescriptor.Command<unknown>, args.slice(2)).names
      })
    return program.pipe(
      Effect.catchIf(
        ValidationError.isValidationError,
        (error) =>
          Effect.zipRight(
            Console.error(describeUsageError(error, command, args.slice(2))),
            Effect.fail(new exit.CliExit({ exitCode: exit.ExitCode.Usage }))
          )
      ),
      Effect.catchAllDefect((defect) =>
        Effect.zipRight(
          Console.error(`uiza: unexpected failure (please report it): ${Cause.pretty(Cause.die(defect))}`),
          Effect.fail(new exit.CliExit({ exitCode: exit.ExitCode.Unexpected }))
        )
      ),
      Effect.provide(
        Logger.replace(Logger.defaultLogger, Logger.prettyLogger({ stderr: true, colors: coloursFor(process.stderr) }))
      )
    )
  }
}

/**
 * The teardown of `NodeRuntime.runMain` for {@link run}: exits with the
 * code of a {@link CliExit}, 0 on success, 130 when interrupted (0 when
 * `serve` was stopped, which is how it ends) and 1 otherwise.
 *
 * @example
 * ```ts
 * import * as NodeContext from "@effect/platform-node/NodeContext"
 * import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
 * import { Effect } from "effect"
 * import * as UizaCli from "@uiza-effect/cli/UizaCli"
 *
 * UizaCli.run({ version: "0.1.0" })(process.argv).pipe(
 *   Effect.provide(NodeContext.layer),
 *   NodeRuntime.runMain({ disableErrorReporting: true, disablePrettyLogger: true, teardown: UizaCli.teardown })
 * )
 * ```
 *
 * @since 0.1.0
 * @category running
 */
export const teardown: Teardown = (outcome, onExit) => {
  if (Exit.isSuccess(outcome)) return onExit(exit.ExitCode.Success)
  if (Cause.isInterruptedOnly(outcome.cause)) {
    // `serve` sets `process.exitCode` when a signal stops it as intended.
    return onExit(typeof process.exitCode === "number" ? process.exitCode : exit.ExitCode.Interrupted)
  }
  const failure = Cause.failureOption(outcome.cause)
  return onExit(
    Option.isSome(failure) && failure.value instanceof exit.CliExit ? failure.value.exitCode : exit.ExitCode.Unexpected
  )
}
