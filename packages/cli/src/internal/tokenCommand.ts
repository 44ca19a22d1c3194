/**
 * `uiza token check`: when the configured token expires.
 *
 * @internal
 */
import * as Command from "@effect/cli/Command"
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as Path from "@effect/platform/Path"
import type * as Terminal from "@effect/platform/Terminal"
import { Auth } from "@uiza-effect/core"
import * as Clock from "effect/Clock"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import { type ApiFlags, printSuccess, runApi } from "./apiCommand.js"
import { connectionOptions } from "./connection.js"
import { CliExit, ExitCode } from "./exit.js"
import { json } from "./flags.js"
import { utcMoment } from "./table.js"

export type CheckFlags = ApiFlags

// `29 days 23 h 59 min`: enough to act on, without the seconds that the exact figure gives.
const roughly = (seconds: number): string => {
  if (seconds <= 0) return "expired"
  const days = Math.floor(seconds / 86_400)
  const hours = Math.floor((seconds % 86_400) / 3_600)
  const minutes = Math.floor((seconds % 3_600) / 60)
  const parts = [
    ...(days > 0 ? [`${days} day${days === 1 ? "" : "s"}`] : []),
    ...(days > 0 || hours > 0 ? [`${hours} h`] : []),
    `${minutes} min`
  ]
  return `in ${parts.join(" ")}`
}

const runCheck = (flags: CheckFlags) =>
  runApi(
    flags,
    Effect.gen(function*() {
      const status = yield* Auth.checkToken()
      const now = yield* Clock.currentTimeMillis
      const secondsLeft = Math.max(0, Math.floor((status.expiresAt.getTime() - now) / 1000))
      yield* printSuccess(
        flags,
        { expiresAt: status.expiresAt.toISOString(), secondsLeft },
        `The token is valid until ${utcMoment(status.expiresAt)} (${roughly(secondsLeft)}; ${secondsLeft} seconds).`
      )
    })
  )

const check = Command.make("check", { ...connectionOptions, json }, runCheck).pipe(
  Command.withDescription(
    "Check the token (UIZA_AUTHORIZATION, --token-file or --token-stdin) and tell when it expires, in UTC. " +
      "A revoked or unknown token exits 4."
  )
)

export const token: Command.Command<
  "token",
  FileSystem.FileSystem | Path.Path | Terminal.Terminal,
  CliExit,
  { readonly subcommand: Option.Option<CheckFlags> }
> = Command.make("token", {}, () =>
  Effect.zipRight(
    Console.error("uiza token: a subcommand is needed: check (uiza token --help)."),
    Effect.fail(new CliExit({ exitCode: ExitCode.Usage }))
  )).pipe(
    Command.withDescription("The configured token."),
    Command.withSubcommands([check])
  )
