/**
 * The exit codes of `uiza` and the failure that carries one.
 *
 * @internal
 */
import type { UizaError } from "@uiza-effect/core"
import * as Schema from "effect/Schema"

// Part of the tool's interface: scripts rely on these numbers.
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

export class CliExit extends Schema.TaggedError<CliExit>()("CliExit", {
  exitCode: Schema.Int
}) {}
