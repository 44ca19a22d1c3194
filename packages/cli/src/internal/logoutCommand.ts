/**
 * `uiza logout`: revokes the token.
 *
 * @internal
 */
import * as Command from "@effect/cli/Command"
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as Path from "@effect/platform/Path"
import type * as Terminal from "@effect/platform/Terminal"
import { User } from "@uiza-effect/core"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { reportingFailures } from "./apiCommand.js"
import { type ConnectionFlags, connectionOptions, uizaLayer } from "./connection.js"
import type { CliExit } from "./exit.js"
import { json } from "./flags.js"
import { jsonLine, oneLine } from "./terminalText.js"

const logoutOptions = { ...connectionOptions, json }

export interface LogoutFlags extends ConnectionFlags {
  readonly json: boolean
}

const reportSuccess = (result: User.LogoutResult, asJson: boolean): Effect.Effect<void> =>
  asJson
    ? Console.log(jsonLine({ ok: true, result: Schema.encodeSync(User.LogoutResult)(result) }))
    : Console.log(
      // The server's text, on one line each, without control characters.
      [
        oneLine(result.message, 500),
        ...(result.requestId === undefined ? [] : [`  request id: ${oneLine(result.requestId, 120)}`])
      ].join("\n")
    )

const runLogout = (flags: LogoutFlags) =>
  Effect.gen(function*() {
    const UizaLive = yield* uizaLayer(flags)
    const result = yield* User.logout().pipe(Effect.provide(UizaLive))
    yield* reportSuccess(result, flags.json)
  }).pipe(reportingFailures(flags))

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
