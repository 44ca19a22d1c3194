/**
 * `uiza login`: creates a token from a username and a password, and saves
 * it to a private file or prints it when asked to.
 *
 * @internal
 */
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as Path from "@effect/platform/Path"
import type * as Terminal from "@effect/platform/Terminal"
import { Auth, UizaConfig, UizaError, User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { reportingFailures } from "./apiCommand.js"
import { connectionOptions } from "./connection.js"
import { CliExit, ExitCode } from "./exit.js"
import { json } from "./flags.js"
import { readSecret, type SecretSource, secretSource } from "./secretInput.js"
import { jsonLine, printable } from "./terminalText.js"
import { prepareTokenFile, type TokenFile } from "./tokenFile.js"

/** The variable `--workspace-domain` falls back to. */
export const workspaceDomainVariable = "UIZA_WORKSPACE_DOMAIN"

export interface LoginFlags {
  readonly domain: Option.Option<string>
  readonly timeout: Option.Option<Duration.Duration>
  readonly maxRetries: Option.Option<number>
  readonly username: string
  readonly workspaceDomain: Option.Option<string>
  readonly password: SecretSource
  readonly saveToken: Option.Option<string>
  readonly printToken: boolean
  readonly json: boolean
}

const loginOptions = {
  domain: connectionOptions.domain,
  timeout: connectionOptions.timeout,
  maxRetries: connectionOptions.maxRetries,
  username: Options.text("username").pipe(
    Options.withDescription("The account to log in as: its username or its registered email.")
  ),
  workspaceDomain: Options.text("workspace-domain").pipe(
    Options.withPseudoName("domain"),
    Options.withDescription(
      `The workspace the account belongs to (your-workspace.uiza.co), not its API domain. Default: ${workspaceDomainVariable}.`
    ),
    Options.optional
  ),
  password: secretSource("password", "the password"),
  saveToken: Options.text("save-token").pipe(
    Options.withPseudoName("path"),
    Options.withDescription(
      "Write the token to this file, created with mode 0600. An existing file is replaced only if it is a regular " +
        "file of yours with mode 0600 (or stricter); a symbolic link is refused."
    ),
    Options.optional
  ),
  printToken: Options.boolean("print-token").pipe(
    Options.withDescription("Print the token on standard output (in --json too). Anyone who sees it can use it.")
  ),
  json
}

// The settings of every command are built the same way, from the flags and the
// environment; the token slot holds this stand-in, which createToken never sends.
const noTokenYet = Redacted.make("no-token-before-login")

const settingsOf = (flags: LoginFlags) =>
  Effect.provide(
    UizaConfig.UizaConfig,
    NodeUiza.layerConfig({
      workspaceApiDomain: Option.isSome(flags.domain) ? Config.succeed(flags.domain.value) : undefined,
      authorization: Config.succeed(noTokenYet),
      timeout: Option.isSome(flags.timeout) ? Config.succeed(flags.timeout) : undefined,
      maxRetries: Option.isSome(flags.maxRetries) ? Config.succeed(flags.maxRetries) : undefined
    })
  )

const workspaceDomainOf = (flags: LoginFlags): Effect.Effect<string, UizaError.UizaConfigError> =>
  Effect.flatMap(
    Option.isSome(flags.workspaceDomain)
      ? Effect.succeed(flags.workspaceDomain)
      : Effect.orElseSucceed(Config.option(Config.string(workspaceDomainVariable)), Option.none<string>),
    (domain) =>
      Option.isSome(domain) && domain.value !== ""
        ? Effect.succeed(domain.value)
        : Effect.fail(
          new UizaError.UizaConfigError({
            setting: "domain",
            message: "The workspace domain is not set: pass --workspace-domain <domain> (your-workspace.uiza.co) " +
              `or set ${workspaceDomainVariable}.`
          })
        )
  )

const callOptionsOf = (settings: UizaConfig.Settings): UizaConfig.CallOptions => ({
  timeout: settings.timeout,
  maxRetries: settings.maxRetries,
  deadline: Option.getOrUndefined(settings.deadline),
  maxResponseBytes: settings.maxResponseBytes
})

// The token could not be saved: revoke it rather than leave a live token nobody holds.
const revoke = (settings: UizaConfig.Settings, token: Redacted.Redacted<string>) =>
  User.logout({ maxRetries: 1 }).pipe(
    Effect.provide(NodeUiza.layer({
      workspaceApiDomain: settings.baseUrl,
      authorization: token,
      timeout: settings.timeout
    })),
    Effect.as("the new token was revoked"),
    Effect.orElseSucceed(() => "the new token could not be revoked; it expires in 30 days")
  )

const saveTo = (
  file: Option.Option<TokenFile>,
  settings: UizaConfig.Settings,
  token: Redacted.Redacted<string>
): Effect.Effect<void, UizaError.UizaConfigError> =>
  Option.match(file, {
    onNone: () => Effect.void,
    onSome: (file) =>
      Effect.catchAll(file.write(token), (error) =>
        Effect.flatMap(revoke(settings, token), (outcome) =>
          Effect.fail(
            new UizaError.UizaConfigError({ setting: error.setting, message: `${error.message} ${outcome}.` })
          )))
  })

const domainFlag = (flags: LoginFlags, settings: UizaConfig.Settings): string =>
  Option.isSome(flags.domain) ? ` --domain ${printable(settings.baseUrl)}` : ""

const reportSuccess = (
  flags: LoginFlags,
  settings: UizaConfig.Settings,
  issued: Auth.IssuedToken
): Effect.Effect<void> => {
  const username = printable(flags.username)
  const path = Option.getOrUndefined(flags.saveToken)
  if (flags.json) {
    return Console.log(jsonLine({
      ok: true,
      result: {
        username: flags.username,
        appId: issued.appId,
        workspaceApiDomain: settings.baseUrl,
        ...(path === undefined ? {} : { tokenFile: path }),
        ...(flags.printToken ? { token: Redacted.value(issued.token) } : {})
      }
    }))
  }
  const loggedIn = `Logged in as ${username} on ${printable(settings.baseUrl)} (app ${printable(issued.appId)}).`
  const saved = path === undefined ? [] : [
    `The token is saved in ${printable(path)} (mode 600). Use it with:`,
    `  uiza users list --token-file ${printable(path)}${domainFlag(flags, settings)}`,
    `Revoke it with: uiza logout --token-file ${printable(path)}${domainFlag(flags, settings)}`
  ]
  // The token alone on standard output, so that `$(uiza login --print-token …)` captures just it.
  return flags.printToken
    ? Effect.zipRight(Console.error([loggedIn, ...saved].join("\n")), Console.log(Redacted.value(issued.token)))
    : Console.log([loggedIn, ...saved].join("\n"))
}

const runLogin = (flags: LoginFlags) =>
  Effect.gen(function*() {
    if (Option.isNone(flags.saveToken) && !flags.printToken) {
      yield* Console.error(
        "uiza login: say where the token goes: --save-token <path> (a private file) or --print-token. Nothing was sent."
      )
      return yield* Effect.fail(new CliExit({ exitCode: ExitCode.Usage }))
    }
    const settings = yield* settingsOf(flags)
    const domain = yield* workspaceDomainOf(flags)
    // Before the password and the login: a path that cannot be used fails before any token exists.
    const file = yield* Effect.transposeOption(Option.map(flags.saveToken, prepareTokenFile))
    const password = yield* readSecret(flags.password, {
      setting: "password",
      fileFlag: "--password-file",
      flags: "--password-file <path> or --password-stdin",
      what: "password",
      message: `Password for ${printable(flags.username)}`
    })
    const issued = yield* Auth.createToken(
      { workspaceApiDomain: settings.baseUrl, username: flags.username, password, domain },
      callOptionsOf(settings)
    ).pipe(Effect.provide(NodeUiza.layerHttpClient))
    yield* saveTo(file, settings, issued.token)
    yield* reportSuccess(flags, settings, issued)
  }).pipe(
    Effect.scoped,
    reportingFailures({ ...flags, token: { _tag: "Environment" } })
  )

export const login: Command.Command<
  "login",
  FileSystem.FileSystem | Path.Path | Terminal.Terminal,
  CliExit,
  LoginFlags
> = Command.make("login", loginOptions, runLogin).pipe(
  Command.withDescription(
    "Log in: create a token for --username on the workspace (Auth.createToken). The password is asked for without " +
      "echo in a terminal, or read from --password-file or --password-stdin; never from an argument, which would be " +
      "saved in shell history and visible in the process list. The token is written to --save-token <path> " +
      "(mode 0600) or printed with --print-token. The API domain comes from --domain or UIZA_WORKSPACE_API_DOMAIN."
  )
)
