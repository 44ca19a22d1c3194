/**
 * The `uiza` command-line tool: `uiza logout` revokes a token, `uiza serve`
 * runs the local Uiza server to try it against.
 *
 * The token is read from `UIZA_AUTHORIZATION`, from a file
 * (`--token-file`) or from standard input (`--token-stdin`), never from a
 * command-line argument: arguments end up in shell history and in the
 * process list of every user of the machine. Each class of failure exits
 * with its own code ({@link ExitCode}), and `--json` prints one JSON object
 * for scripts.
 *
 * @since 0.1.0
 */
import * as Command from "@effect/cli/Command"
import * as HelpDoc from "@effect/cli/HelpDoc"
import * as Span from "@effect/cli/HelpDoc/Span"
import * as Options from "@effect/cli/Options"
import * as Prompt from "@effect/cli/Prompt"
import * as ValidationError from "@effect/cli/ValidationError"
import * as FileSystem from "@effect/platform/FileSystem"
import type * as Path from "@effect/platform/Path"
import type { Teardown } from "@effect/platform/Runtime"
import type * as Terminal from "@effect/platform/Terminal"
import { UizaConfig, UizaError, User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import { NodeUizaServer } from "@uiza-effect/server"
import * as Cause from "effect/Cause"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Logger from "effect/Logger"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"

/**
 * The exit codes of `uiza`, one per class of outcome. They are part of the
 * tool's interface: scripts may rely on them.
 *
 * | code | meaning |
 * |---|---|
 * | 0 | success (for `serve`: stopped by SIGINT or SIGTERM) |
 * | 1 | unexpected failure (a bug: please report it) |
 * | 2 | usage: unknown command or flag, bad flag value, a token given as an argument |
 * | 3 | configuration: missing or invalid domain, token, timeout or retries; unreadable token file |
 * | 4 | HTTP 401: the token is invalid or already revoked |
 * | 5 | HTTP 404: usually a wrong workspace API domain |
 * | 6 | HTTP 400, 422 or another 4xx |
 * | 7 | HTTP 500, 503 or another 5xx (after the retries) |
 * | 8 | connection failure: refused, DNS, TLS, reset |
 * | 9 | timeout |
 * | 10 | a reply that is not a Uiza reply, or one larger than `maxResponseBytes` |
 * | 11 | `serve` could not listen (port in use, bad host) |
 * | 130 | `logout` interrupted (SIGINT, SIGTERM, Ctrl-C at the token prompt) |
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
export const ExitCode = {
  Success: 0,
  Unexpected: 1,
  Usage: 2,
  Config: 3,
  Unauthorized: 4,
  NotFound: 5,
  ClientError: 6,
  ServerError: 7,
  Connection: 8,
  Timeout: 9,
  Decode: 10,
  ServeFailed: 11,
  Interrupted: 130
} as const

/**
 * The exit code of an error of a logout.
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
export const exitCodeOf = (error: UizaError.UizaError | UizaError.UizaConfigError): number => {
  switch (error._tag) {
    case "UizaConfigError":
      return ExitCode.Config
    case "UnauthorizedError":
      return ExitCode.Unauthorized
    case "NotFoundError":
      return ExitCode.NotFound
    case "BadRequestError":
    case "UnprocessableError":
    case "ClientError":
      return ExitCode.ClientError
    case "InternalServerError":
    case "ServiceUnavailableError":
    case "ServerError":
      return ExitCode.ServerError
    case "ConnectionError":
      return ExitCode.Connection
    case "TimeoutError":
      return ExitCode.Timeout
    case "ResponseDecodeError":
    case "ResponseTooLargeError":
      return ExitCode.Decode
    case "InvalidInputError":
      return ExitCode.Usage
  }
}

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
export class CliExit extends Schema.TaggedError<CliExit>()("CliExit", {
  exitCode: Schema.Int
}) {}

// Flags whose name says "the token goes here": refused before parsing, so that
// the value is never echoed back in an "unknown option" message.
const TOKEN_FLAG = /^--?(token|authori[sz]ation|auth|api-?key|key|secret|password)(=|$)/i
// The documented token shape, given as a bare argument.
const TOKEN_SHAPE = /^uap-[0-9a-f]{32}-[0-9a-f]{8}$/i

const tokenArgumentMessage = "uiza: the token is never accepted as a command-line argument: arguments are saved " +
  "in shell history and visible in the process list. Use --token-file <path>, --token-stdin, or the " +
  "UIZA_AUTHORIZATION environment variable."

const MAX_TOKEN_BYTES = 64 * 1024

type TokenSource =
  | { readonly _tag: "Environment" }
  | { readonly _tag: "File"; readonly path: string }
  | { readonly _tag: "Stdin" }

const usage = (message: string) => ValidationError.invalidValue(HelpDoc.p(message))

const tokenSource: Options.Options<TokenSource> = Options.all({
  // Not `Options.file`: it refuses anything but a regular file, and `--token-file <(pass show uiza)` is a pipe.
  file: Options.text("token-file").pipe(
    Options.withPseudoName("path"),
    Options.withDescription(
      "Read the token from this file (its trailing line break is ignored). Keep the file private (chmod 600)."
    ),
    Options.optional
  ),
  stdin: Options.boolean("token-stdin").pipe(
    Options.withDescription(
      "Read the token from standard input, e.g. `pass show uiza | uiza logout --token-stdin`; in a terminal, ask for it without echo."
    )
  )
}).pipe(
  Options.mapEffect(({ file, stdin }): Effect.Effect<TokenSource, ValidationError.ValidationError> => {
    if (Option.isSome(file) && stdin) return Effect.fail(usage("Give either --token-file or --token-stdin, not both."))
    if (Option.isSome(file)) return Effect.succeed({ _tag: "File", path: file.value })
    return Effect.succeed(stdin ? { _tag: "Stdin" } : { _tag: "Environment" })
  })
)

// A bare number is seconds (`--timeout 10`); anything else is an Effect duration (`1500 millis`).
const parseDuration = (input: string): Effect.Effect<Duration.Duration, ValidationError.ValidationError> => {
  const trimmed = input.trim()
  const decoded = /^\d+(\.\d+)?$/.test(trimmed)
    ? Option.some(Duration.millis(Number(trimmed) * 1000))
    : Duration.decodeUnknown(trimmed)
  return Option.match(decoded, {
    onNone: () =>
      Effect.fail(
        usage(`--timeout: "${input}" is not a duration; give seconds (10, 2.5) or a duration (1500 millis).`)
      ),
    onSome: Effect.succeed
  })
}

const integerBetween = (flag: string, min: number, max: number) => (value: number) =>
  Number.isSafeInteger(value) && value >= min && value <= max
    ? Effect.succeed(value)
    : Effect.fail(usage(`--${flag} must be a whole number from ${min} to ${max}.`))

const json = Options.boolean("json").pipe(
  Options.withDescription("Print one JSON object on standard output instead of text.")
)

const logoutOptions = {
  domain: Options.text("domain").pipe(
    Options.withDescription(
      "The workspace API domain: a bare host (your-workspace-api-domain.uiza.co) or an https:// URL. Default: UIZA_WORKSPACE_API_DOMAIN."
    ),
    Options.optional
  ),
  token: tokenSource,
  timeout: Options.text("timeout").pipe(
    Options.withDescription(
      "The limit of one attempt, in seconds (10) or as a duration (1500 millis). Default: UIZA_TIMEOUT, else 30 seconds."
    ),
    Options.mapEffect(parseDuration),
    Options.optional
  ),
  maxRetries: Options.integer("max-retries").pipe(
    Options.withDescription(
      "Retries of a failure that is safe to retry; 0 disables. Default: UIZA_MAX_RETRIES, else 2."
    ),
    Options.optional
  ),
  json
}

type LogoutFlags = {
  readonly domain: Option.Option<string>
  readonly token: TokenSource
  readonly timeout: Option.Option<Duration.Duration>
  readonly maxRetries: Option.Option<number>
  readonly json: boolean
}

const tokenError = (source: string, problem: string) =>
  new UizaError.UizaConfigError({
    setting: "authorization",
    message: `Invalid Uiza configuration: authorization (${source}) ${problem}.`
  })

// A file or a pipe usually ends with a line break that is not part of the token.
const stripLineBreaks = (text: string): string => text.replace(/[\r\n]+$/, "")

const readTokenFile = (path: string): Effect.Effect<string, UizaError.UizaConfigError, FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const info = yield* fs.stat(path)
    if (info.type === "Directory") return yield* Effect.fail(tokenError(`--token-file ${path}`, "is a directory"))
    if (info.type === "File" && Number(info.size) > MAX_TOKEN_BYTES) {
      return yield* Effect.fail(
        tokenError(`--token-file ${path}`, "is larger than 64 KiB; it should hold only the token")
      )
    }
    return stripLineBreaks(yield* fs.readFileString(path))
  }).pipe(
    Effect.catchTags({
      SystemError: (error) => Effect.fail(tokenError(`--token-file ${path}`, `could not be read (${error.reason})`)),
      BadArgument: () => Effect.fail(tokenError(`--token-file ${path}`, "could not be read"))
    })
  )

const readPipedInput: Effect.Effect<string, UizaError.UizaConfigError> = Effect.async((resume) => {
  const stdin = process.stdin
  const chunks: Array<Buffer> = []
  let size = 0
  const cleanup = () => {
    stdin.off("data", onData)
    stdin.off("end", onEnd)
    stdin.off("error", onError)
    stdin.pause()
  }
  const onData = (chunk: Buffer) => {
    size += chunk.length
    if (size <= MAX_TOKEN_BYTES) return void chunks.push(chunk)
    cleanup()
    resume(Effect.fail(tokenError("--token-stdin", "is larger than 64 KiB; it should hold only the token")))
  }
  const onEnd = () => {
    cleanup()
    resume(Effect.succeed(stripLineBreaks(Buffer.concat(chunks).toString("utf8"))))
  }
  const onError = () => {
    cleanup()
    resume(Effect.fail(tokenError("--token-stdin", "could not be read")))
  }
  stdin.on("data", onData)
  stdin.on("end", onEnd)
  stdin.on("error", onError)
  return Effect.sync(cleanup)
})

// In a terminal, ask without echo instead of waiting for an end of file.
const readStandardInput = Effect.suspend((): Effect.Effect<
  Redacted.Redacted<string>,
  UizaError.UizaConfigError | Terminal.QuitException,
  Prompt.Prompt.Environment
> =>
  process.stdin.isTTY
    ? Prompt.run(Prompt.password({ message: "Uiza token" }))
    : Effect.map(readPipedInput, Redacted.make)
)

const readToken = (
  source: TokenSource
): Effect.Effect<
  Option.Option<Redacted.Redacted<string>>,
  UizaError.UizaConfigError | Terminal.QuitException,
  Prompt.Prompt.Environment
> => {
  switch (source._tag) {
    case "Environment":
      return Effect.succeedNone
    case "File":
      return Effect.map(readTokenFile(source.path), (token) => Option.some(Redacted.make(token)))
    case "Stdin":
      return Effect.asSome(readStandardInput)
  }
}

const tokenHint = (source: TokenSource): string => {
  switch (source._tag) {
    case "File":
      return `the token came from --token-file ${source.path}`
    case "Stdin":
      return "the token came from standard input (--token-stdin)"
    case "Environment":
      return `set ${UizaConfig.environmentVariables.authorization}, or use --token-file <path> or --token-stdin`
  }
}

// Where the faulty setting came from, said next to a configuration error.
const configHint = (error: UizaError.UizaConfigError, flags: LogoutFlags): string | undefined => {
  const variables = UizaConfig.environmentVariables
  switch (error.setting) {
    case "workspaceApiDomain":
      return Option.isSome(flags.domain)
        ? "the domain came from --domain"
        : `set ${variables.workspaceApiDomain} or pass --domain <host>`
    case "authorization":
      // The token readers' own errors name their source already.
      return /--token-(file|stdin)/.test(error.message) ? undefined : tokenHint(flags.token)
    case "timeout":
      return Option.isSome(flags.timeout) ? "the timeout came from --timeout" : undefined
    case "maxRetries":
      return Option.isSome(flags.maxRetries) ? "the retries came from --max-retries" : undefined
    case "environment":
      return `the domain comes from ${variables.workspaceApiDomain} or --domain; ` +
        `the token from ${variables.authorization}, --token-file or --token-stdin`
    default:
      return undefined
  }
}

// Durations become milliseconds: their own JSON form is an internal tagged object.
const jsonFields = (encoded: object): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(encoded).map(([key, value]) => [key, Duration.isDuration(value) ? Duration.toMillis(value) : value])
  )

// `_tag` first: it is what a script switches on.
const encodeError = (error: UizaError.UizaError | UizaError.UizaConfigError): Record<string, unknown> => ({
  _tag: error._tag,
  ...jsonFields(
    error._tag === "UizaConfigError"
      ? Schema.encodeSync(UizaError.UizaConfigError)(error)
      : Schema.encodeSync(UizaError.UizaError)(error)
  )
})

const oneLine = (text: string, max: number): string => {
  const line = text.replace(/\s+/g, " ").trim()
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`
}

const describeError = (error: UizaError.UizaError | UizaError.UizaConfigError): Array<string> => {
  switch (error._tag) {
    case "UizaConfigError":
    case "InvalidInputError":
      return [`Error: ${error.message}`]
    case "ConnectionError":
      return [
        `Error: ${error._tag} (${error.reason}): ${error.message}`,
        `  attempts: ${error.attempts}`,
        ...(error.possiblyDelivered
          ? ["  the request may have reached the server: the token may already be revoked"]
          : [])
      ]
    case "TimeoutError":
      return [
        `Error: ${error._tag} (${error.phase}): ${error.message}`,
        `  attempts: ${error.attempts}`
      ]
    case "ResponseDecodeError":
      return [
        `Error: ${error._tag} (HTTP ${error.status}): ${error.message}`,
        ...(error.requestId === undefined ? [] : [`  request id: ${error.requestId}`]),
        ...(error.bodyExcerpt.length === 0 ? [] : [`  body: ${oneLine(error.bodyExcerpt, 200)}`]),
        `  attempts: ${error.attempts}`
      ]
    case "ResponseTooLargeError":
      return [`Error: ${error._tag} (HTTP ${error.status}): ${error.message}`, `  attempts: ${error.attempts}`]
    default:
      return [
        `Error: ${error._tag} (HTTP ${error.status}${
          error.code !== undefined && error.code !== error.status ? `, code ${error.code}` : ""
        }): ${error.message}`,
        ...(error.requestId === undefined ? [] : [`  request id: ${error.requestId}`]),
        ...error.fieldErrors.map((fieldError) => `  field ${fieldError.field}: ${fieldError.message}`),
        ...(error.retryAfter === undefined ? [] : [`  retry after: ${Duration.format(error.retryAfter)}`]),
        ...(error.bodyExcerpt === undefined ? [] : [`  body: ${oneLine(error.bodyExcerpt, 200)}`]),
        `  attempts: ${error.attempts}`,
        `  see: ${error.descriptionLink}`
      ]
  }
}

const reportSuccess = (result: User.LogoutResult, asJson: boolean): Effect.Effect<void> =>
  asJson
    ? Console.log(JSON.stringify({ ok: true, result: Schema.encodeSync(User.LogoutResult)(result) }))
    : Console.log(
      [result.message, ...(result.requestId === undefined ? [] : [`  request id: ${result.requestId}`])].join("\n")
    )

const reportFailure = (
  error: UizaError.UizaError | UizaError.UizaConfigError,
  flags: LogoutFlags
): Effect.Effect<never, CliExit> => {
  const printed = flags.json
    ? Console.log(JSON.stringify({ ok: false, error: encodeError(error) }))
    : Effect.suspend(() => {
      const hint = error._tag === "UizaConfigError" ? configHint(error, flags) : undefined
      return Console.error([...describeError(error), ...(hint === undefined ? [] : [`  hint: ${hint}`])].join("\n"))
    })
  return Effect.zipRight(printed, Effect.fail(new CliExit({ exitCode: exitCodeOf(error) })))
}

const runLogout = (flags: LogoutFlags) =>
  Effect.gen(function*() {
    const token = yield* readToken(flags.token)
    // Flags win over the environment; whatever is not given is read from it.
    const UizaLive = NodeUiza.layerConfig({
      workspaceApiDomain: Option.isSome(flags.domain) ? Config.succeed(flags.domain.value) : undefined,
      authorization: Option.isSome(token) ? Config.succeed(token.value) : undefined,
      timeout: Option.isSome(flags.timeout) ? Config.succeed(flags.timeout) : undefined,
      maxRetries: Option.isSome(flags.maxRetries) ? Config.succeed(flags.maxRetries) : undefined
    })
    const result = yield* User.logout().pipe(Effect.provide(UizaLive))
    yield* reportSuccess(result, flags.json)
  }).pipe(
    Effect.catchTags({
      QuitException: () => Effect.fail(new CliExit({ exitCode: ExitCode.Interrupted })),
      UizaConfigError: (error) => reportFailure(error, flags)
    }),
    Effect.catchIf(UizaError.isUizaError, (error) => reportFailure(error, flags))
  )

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
  LogoutFlags
> = Command.make("logout", logoutOptions, runLogout).pipe(
  Command.withDescription(
    "Revoke the token on the workspace. The token comes from UIZA_AUTHORIZATION, --token-file or --token-stdin: " +
      "no flag takes the token itself, on purpose, because command-line arguments are saved in shell history and " +
      "visible to every user in the process list. The domain comes from UIZA_WORKSPACE_API_DOMAIN or --domain; " +
      "UIZA_TIMEOUT, UIZA_MAX_RETRIES and UIZA_DEADLINE are honoured."
  )
)

const isLoopback = (host: string): boolean =>
  host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)

// The origin a client on this machine reaches the server at; `http://` is accepted only for loopback hosts.
const clientUrl = (server: NodeUizaServer.RunningServer, host: string): Option.Option<string> => {
  if (host === "0.0.0.0") return Option.some(`http://127.0.0.1:${server.port}`)
  if (host === "::") return Option.some(`http://[::1]:${server.port}`)
  return isLoopback(host) ? Option.some(server.url) : Option.none()
}

type ServeFlags = {
  readonly port: number
  readonly host: string
  readonly tokens: number
  readonly json: boolean
}

const banner = (server: NodeUizaServer.RunningServer, flags: ServeFlags): string => {
  const url = clientUrl(server, flags.host)
  const variables = UizaConfig.environmentVariables
  return [
    `Local Uiza server listening on ${server.url}`,
    `Tokens it accepts (each is revoked by its first logout):`,
    ...server.tokens.map((token) => `  ${token}`),
    ...Option.match(url, {
      onNone: () => [
        `uiza logout accepts http:// only for localhost, 127.0.0.0/8 and [::1]; start with --host 127.0.0.1 to try it.`
      ],
      onSome: (url) => [
        `Try it from another shell:`,
        `  export ${variables.workspaceApiDomain}=${url}`,
        `  export ${variables.authorization}=${server.tokens[0]}`,
        `  uiza logout`
      ]
    }),
    `Stop it with Ctrl-C.`
  ].join("\n")
}

const runServe = (flags: ServeFlags) =>
  Effect.scoped(
    Effect.gen(function*() {
      const tokens = Array.from({ length: flags.tokens }, NodeUizaServer.randomToken)
      const server = yield* NodeUizaServer.start({ port: flags.port, host: flags.host, tokens })
      yield* flags.json
        ? Console.log(JSON.stringify({
          url: server.url,
          port: server.port,
          tokens: server.tokens,
          workspaceApiDomain: Option.getOrNull(clientUrl(server, flags.host))
        }))
        : Console.log(banner(server, flags))
      return yield* Effect.never
    })
  ).pipe(
    // A signal is how `serve` is meant to end: the server is closed by now, so
    // the process exits 0 (see `teardown`).
    Effect.onInterrupt(() =>
      Effect.zipRight(
        Console.error("uiza serve: stopped"),
        Effect.sync(() => {
          process.exitCode = ExitCode.Success
        })
      )
    ),
    Effect.catchTag("ServeError", (error) =>
      Effect.zipRight(
        Console.error(`Error: could not listen on ${flags.host}:${flags.port}: ${describeCause(error.cause)}`),
        Effect.fail(new CliExit({ exitCode: ExitCode.ServeFailed }))
      ))
  )

const describeCause = (cause: unknown): string =>
  typeof cause === "object" && cause !== null && "code" in cause && typeof cause.code === "string"
    ? cause.code
    : cause instanceof Error
    ? cause.message
    : String(cause)

/**
 * `uiza serve`: runs the local Uiza server until SIGINT or SIGTERM, and
 * prints its URL, the tokens it accepts and the environment lines to try
 * `uiza logout` against it.
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
export const serve: Command.Command<"serve", never, CliExit, ServeFlags> = Command.make("serve", {
  port: Options.integer("port").pipe(
    Options.withDescription("The port to listen on; 0 picks a free one."),
    Options.withDefault(0),
    Options.mapEffect(integerBetween("port", 0, 65535))
  ),
  host: Options.text("host").pipe(
    Options.withDescription("The interface to listen on."),
    Options.withDefault("127.0.0.1")
  ),
  tokens: Options.integer("tokens").pipe(
    Options.withDescription("How many valid tokens to create."),
    Options.withDefault(1),
    Options.mapEffect(integerBetween("tokens", 1, 1000))
  ),
  json: Options.boolean("json").pipe(
    Options.withDescription("Print one JSON line ({url, port, tokens, workspaceApiDomain}) instead of text.")
  )
}, runServe).pipe(
  Command.withDescription(
    "Run a local Uiza server (the logout endpoint) until interrupted, to try `uiza logout` and the SDK against."
  )
)

/**
 * The `uiza` command, with `logout` and `serve` as subcommands.
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
  { readonly subcommand: Option.Option<LogoutFlags | ServeFlags> }
> = Command.make("uiza", {}, () =>
  // A command is required: `uiza` alone is a usage error, not a success.
  Effect.zipRight(
    Console.error("uiza: a command is needed: uiza logout, uiza serve (uiza --help lists them)."),
    Effect.fail(new CliExit({ exitCode: ExitCode.Usage }))
  )).pipe(
    Command.withDescription("The Uiza v3 API from the command line."),
    Command.withSubcommands([logout, serve])
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
  const cli = Command.run(command, {
    name: "uiza",
    version: options.version,
    executable: "uiza",
    summary: Span.text("the Uiza v3 API from the command line"),
    footer: exitCodesHelp
  })
  return (args) => {
    const tokenArgument = args.slice(2).some((arg) => TOKEN_FLAG.test(arg) || TOKEN_SHAPE.test(arg))
    const program = tokenArgument
      ? Effect.zipRight(Console.error(tokenArgumentMessage), Effect.fail(new CliExit({ exitCode: ExitCode.Usage })))
      : cli(args)
    return program.pipe(
      // @effect/cli has printed its usage errors already.
      Effect.catchIf(ValidationError.isValidationError, () => Effect.fail(new CliExit({ exitCode: ExitCode.Usage }))),
      Effect.catchAllDefect((defect) =>
        Effect.zipRight(
          Console.error(`uiza: unexpected failure (please report it): ${Cause.pretty(Cause.die(defect))}`),
          Effect.fail(new CliExit({ exitCode: ExitCode.Unexpected }))
        )
      ),
      Effect.provide(Logger.replace(Logger.defaultLogger, Logger.prettyLogger({ stderr: true })))
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
export const teardown: Teardown = (exit, onExit) => {
  if (Exit.isSuccess(exit)) return onExit(ExitCode.Success)
  if (Cause.isInterruptedOnly(exit.cause)) {
    // `serve` sets `process.exitCode` when a signal stops it as intended.
    return onExit(typeof process.exitCode === "number" ? process.exitCode : ExitCode.Interrupted)
  }
  const failure = Cause.failureOption(exit.cause)
  return onExit(
    Option.isSome(failure) && failure.value instanceof CliExit ? failure.value.exitCode : ExitCode.Unexpected
  )
}
