/**
 * `uiza serve`: the local Uiza server, until a signal stops it.
 *
 * @internal
 */
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { UizaConfig } from "@uiza-effect/core"
import { NodeUizaServer } from "@uiza-effect/server"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { CliExit, ExitCode } from "./exit.js"
import { integerBetween } from "./flags.js"

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
