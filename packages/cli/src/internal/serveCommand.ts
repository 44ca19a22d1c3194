/**
 * `uiza serve`: the local Uiza server, until a signal stops it.
 *
 * @internal
 */
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { UizaConfig, UizaError } from "@uiza-effect/core"
import { NodeUizaServer, UizaServer } from "@uiza-effect/server"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { CliExit, ExitCode } from "./exit.js"
import { integerBetween } from "./flags.js"
import { reportFailure } from "./report.js"
import { readSecretFile } from "./secretInput.js"

const isLoopback = (host: string): boolean =>
  host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)

// The origin a client on this machine reaches the server at; `http://` is accepted only for loopback hosts.
const clientUrl = (server: NodeUizaServer.RunningServer, host: string): Option.Option<string> => {
  if (host === "0.0.0.0") return Option.some(`http://127.0.0.1:${server.port}`)
  if (host === "::") return Option.some(`http://[::1]:${server.port}`)
  return isLoopback(host) ? Option.some(server.url) : Option.none()
}

export type ServeFlags = {
  readonly port: number
  readonly host: string
  readonly tokens: number
  readonly adminUsername: Option.Option<string>
  readonly adminPasswordFile: Option.Option<string>
  readonly json: boolean
}

// A password chosen by the user (from a file) is theirs and is never printed; the random
// one is valid only on this server, while it runs, so printing it is harmless, like the tokens.
const printedPassword = (server: NodeUizaServer.RunningServer, flags: ServeFlags): Option.Option<string> =>
  Option.isSome(flags.adminPasswordFile) ? Option.none() : Option.some(Redacted.value(server.admin.password))

const loginLines = (server: NodeUizaServer.RunningServer): Array<string> => [
  `Or log in as the seeded admin (any --workspace-domain is accepted here), then manage users:`,
  `  uiza login --username ${server.admin.username} --workspace-domain localhost --save-token uiza-token`,
  `  uiza users list --token-file uiza-token`
]

const banner = (server: NodeUizaServer.RunningServer, flags: ServeFlags): string => {
  const url = clientUrl(server, flags.host)
  const variables = UizaConfig.environmentVariables
  return [
    `Local Uiza server listening on ${server.url}`,
    `Seeded admin: ${server.admin.username} (${server.admin.email}), password: ${
      Option.getOrElse(printedPassword(server, flags), () => "the one in --admin-password-file")
    }`,
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
        `  uiza logout`,
        ...loginLines(server)
      ]
    }),
    `Stop it with Ctrl-C.`
  ].join("\n")
}

// create-token refuses other lengths, so the admin could never log in.
const adminPasswordOf = (flags: ServeFlags) =>
  Effect.transposeOption(Option.map(flags.adminPasswordFile, (path) =>
    Effect.filterOrFail(
      readSecretFile("adminPassword", path, "--admin-password-file"),
      (password) => Redacted.value(password).length >= 6 && Redacted.value(password).length <= 25,
      () =>
        new UizaError.UizaConfigError({
          setting: "adminPassword",
          message: `--admin-password-file ${path} must hold a password of 6 to 25 characters.`
        })
    )))

const noConnection = {
  domain: Option.none(),
  token: { _tag: "Environment" },
  timeout: Option.none(),
  maxRetries: Option.none()
} as const

const runServe = (flags: ServeFlags) =>
  Effect.scoped(
    Effect.gen(function*() {
      const tokens = Array.from({ length: flags.tokens }, NodeUizaServer.randomToken)
      const password = yield* adminPasswordOf(flags)
      const server = yield* NodeUizaServer.start({
        port: flags.port,
        host: flags.host,
        tokens,
        admin: {
          username: Option.getOrUndefined(flags.adminUsername),
          password: Option.getOrUndefined(password)
        }
      })
      yield* flags.json
        ? Console.log(JSON.stringify({
          url: server.url,
          port: server.port,
          tokens: server.tokens,
          workspaceApiDomain: Option.getOrNull(clientUrl(server, flags.host)),
          admin: {
            username: server.admin.username,
            email: server.admin.email,
            ...Option.match(printedPassword(server, flags), {
              onNone: () => ({}),
              onSome: (password) => ({ password })
            })
          }
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
      )),
    Effect.catchTag("UizaConfigError", (error) => reportFailure(error, { ...noConnection, json: flags.json }))
  )

const describeCause = (cause: unknown): string =>
  typeof cause === "object" && cause !== null && "code" in cause && typeof cause.code === "string"
    ? cause.code
    : cause instanceof Error
    ? cause.message
    : String(cause)

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
  adminUsername: Options.text("admin-username").pipe(
    Options.withDescription(`The seeded admin's username (${UizaServer.defaultAdmin.username} by default).`),
    Options.optional
  ),
  adminPasswordFile: Options.text("admin-password-file").pipe(
    Options.withPseudoName("path"),
    Options.withDescription(
      "Read the seeded admin's password (6 to 25 characters) from this file; it is then not printed. " +
        "Default: a random one, printed."
    ),
    Options.optional
  ),
  json: Options.boolean("json").pipe(
    Options.withDescription(
      "Print one JSON line ({url, port, tokens, workspaceApiDomain, admin}) instead of text."
    )
  )
}, runServe).pipe(
  Command.withDescription(
    "Run a local Uiza server (every user and auth endpoint, with a seeded admin) until interrupted, to try " +
      "`uiza login`, `uiza users`, `uiza logout` and the SDK against."
  )
)
