/**
 * The flags of every command that calls the API (domain, token, timeout,
 * retries) and the Node preset's layer they build, flags first and the
 * environment for whatever is not given.
 *
 * @internal
 */
import * as Options from "@effect/cli/Options"
import type * as Prompt from "@effect/cli/Prompt"
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as Terminal from "@effect/platform/Terminal"
import { UizaConfig, type UizaError } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import * as Config from "effect/Config"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { integerBetween, parseDuration } from "./flags.js"
import { readToken, type TokenSource, tokenSource } from "./tokenInput.js"

export interface ConnectionFlags {
  readonly domain: Option.Option<string>
  readonly token: TokenSource
  readonly timeout: Option.Option<Duration.Duration>
  readonly maxRetries: Option.Option<number>
}

export const connectionOptions = {
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
    // Out of range is a usage error, found before anything is read or sent.
    Options.mapEffect(integerBetween("max-retries", 0, UizaConfig.limits.maxRetries)),
    Options.optional
  )
}

/** Reads the token the flags point at, then builds the Node preset from the flags and the environment. */
export const uizaLayer = (flags: ConnectionFlags): Effect.Effect<
  Layer.Layer<UizaConfig.UizaConfig | HttpClient.HttpClient, UizaError.UizaConfigError>,
  UizaError.UizaConfigError | Terminal.QuitException,
  FileSystem.FileSystem | Prompt.Prompt.Environment
> =>
  Effect.map(readToken(flags.token), (token) =>
    NodeUiza.layerConfig({
      workspaceApiDomain: Option.isSome(flags.domain) ? Config.succeed(flags.domain.value) : undefined,
      authorization: Option.isSome(token) ? Config.succeed(token.value) : undefined,
      timeout: Option.isSome(flags.timeout) ? Config.succeed(flags.timeout) : undefined,
      maxRetries: Option.isSome(flags.maxRetries) ? Config.succeed(flags.maxRetries) : undefined
    }))
