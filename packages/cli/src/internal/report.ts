/**
 * How an outcome is printed: text for people on standard error, one JSON
 * object for scripts on standard output, and the exit code that goes with it.
 *
 * @internal
 */
import { UizaConfig, UizaError } from "@uiza-effect/core"
import * as Console from "effect/Console"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import type { ConnectionFlags } from "./connection.js"
import { CliExit, exitCodeOf } from "./exit.js"
import { jsonLine, oneLine } from "./terminalText.js"
import { tokenHint } from "./tokenInput.js"

// Where the faulty setting came from, said next to a configuration error.
const configHint = (error: UizaError.UizaConfigError, flags: ConnectionFlags): string | undefined => {
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

// Every field may hold text a server sent: each is shown on one line, its
// control characters written out, so that none can move the cursor, write the
// clipboard or forge a line of the report.
const text = (value: string): string => oneLine(value, 500)
const short = (value: string): string => oneLine(value, 120)

const describeError = (error: UizaError.UizaError | UizaError.UizaConfigError): Array<string> => {
  switch (error._tag) {
    case "UizaConfigError":
    case "InvalidInputError":
      return [`Error: ${text(error.message)}`]
    case "ConnectionError":
      return [
        `Error: ${error._tag} (${short(error.reason)}): ${text(error.message)}`,
        `  attempts: ${error.attempts}`,
        ...(error.possiblyDelivered
          ? ["  the request may have reached the server: the token may already be revoked"]
          : [])
      ]
    case "TimeoutError":
      return [
        `Error: ${error._tag} (${error.phase}): ${text(error.message)}`,
        `  attempts: ${error.attempts}`
      ]
    case "ResponseDecodeError":
      return [
        `Error: ${error._tag} (HTTP ${error.status}): ${text(error.message)}`,
        ...(error.requestId === undefined ? [] : [`  request id: ${short(error.requestId)}`]),
        ...(error.bodyExcerpt.length === 0 ? [] : [`  body: ${oneLine(error.bodyExcerpt, 200)}`]),
        `  attempts: ${error.attempts}`
      ]
    case "ResponseTooLargeError":
      return [`Error: ${error._tag} (HTTP ${error.status}): ${text(error.message)}`, `  attempts: ${error.attempts}`]
    default:
      return [
        `Error: ${error._tag} (HTTP ${error.status}${
          error.code !== undefined && error.code !== error.status ? `, code ${error.code}` : ""
        }): ${text(error.message)}`,
        ...(error.requestId === undefined ? [] : [`  request id: ${short(error.requestId)}`]),
        ...error.fieldErrors.map((fieldError) => `  field ${short(fieldError.field)}: ${text(fieldError.message)}`),
        ...(error.retryAfter === undefined ? [] : [`  retry after: ${Duration.format(error.retryAfter)}`]),
        ...(error.bodyExcerpt === undefined ? [] : [`  body: ${oneLine(error.bodyExcerpt, 200)}`]),
        `  attempts: ${error.attempts}`,
        `  see: ${error.descriptionLink}`
      ]
  }
}
export const reportFailure = (
  error: UizaError.UizaError | UizaError.UizaConfigError,
  flags: ConnectionFlags & { readonly json: boolean }
): Effect.Effect<never, CliExit> => {
  const printed = flags.json
    ? Console.log(jsonLine({ ok: false, error: encodeError(error) }))
    : Effect.suspend(() => {
      const hint = error._tag === "UizaConfigError" ? configHint(error, flags) : undefined
      return Console.error(
        [...describeError(error), ...(hint === undefined ? [] : [`  hint: ${text(hint)}`])].join("\n")
      )
    })
  return Effect.zipRight(printed, Effect.fail(new CliExit({ exitCode: exitCodeOf(error) })))
}
