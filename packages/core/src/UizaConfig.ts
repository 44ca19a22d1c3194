/**
 * The settings of a Uiza client: where the workspace API lives, the token,
 * and the timeout and retry policy of every call.
 *
 * A `UizaConfig` is validated when it is built, so a program with a bad
 * domain or token fails before any request leaves the machine, with a
 * {@link UizaError.UizaConfigError} that names the problem and never the
 * token. The token is held as `Redacted` and unwrapped only when the
 * `Authorization` header is written.
 *
 * @since 0.1.0
 */
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { authorizationProblem } from "./internal/authorization.js"
import { normaliseWorkspaceApiDomain } from "./internal/workspaceDomain.js"
import { UizaConfigError } from "./UizaError.js"

/**
 * The validated settings, as the `UizaConfig` service holds them.
 *
 * @example
 * ```ts
 * import { Duration, Effect, Option } from "effect"
 * import { UizaConfig } from "@uiza-effect/core"
 *
 * const describe = (settings: UizaConfig.Settings): string =>
 *   [
 *     settings.baseUrl,
 *     `timeout ${Duration.format(settings.timeout)}`,
 *     `${settings.maxRetries} retries`,
 *     `deadline ${Option.match(settings.deadline, { onNone: () => "none", onSome: Duration.format })}`
 *   ].join(", ")
 *
 * const program = Effect.flatMap(UizaConfig.UizaConfig, (settings) => Effect.log(describe(settings)))
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Settings {
  /** The origin calls go to, such as `https://your-workspace-api-domain.uiza.co`. */
  readonly baseUrl: string
  /** The API key or token sent raw in `Authorization`. */
  readonly authorization: Redacted.Redacted<string>
  /** The limit of one attempt: connecting, sending, the headers and the whole body. */
  readonly timeout: Duration.Duration
  /** How many times a failed call is retried when a retry is safe (`0` disables retries). */
  readonly maxRetries: number
  /** An optional limit for a whole call: every attempt and every wait between them. */
  readonly deadline: Option.Option<Duration.Duration>
  /** The most bytes a reply body may hold; a longer one is not read further. */
  readonly maxResponseBytes: number
}

/**
 * The service that holds the {@link Settings} of the Uiza client.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { UizaConfig } from "@uiza-effect/core"
 *
 * const program = Effect.gen(function*() {
 *   const settings = yield* UizaConfig.UizaConfig
 *   yield* Effect.log(`calling ${settings.baseUrl}`) // the token stays redacted
 * })
 * ```
 *
 * @since 0.1.0
 * @category tags
 */
export class UizaConfig extends Context.Tag("@uiza-effect/core/UizaConfig")<UizaConfig, Settings>() {}

/**
 * What a user gives to build a {@link UizaConfig}.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import { UizaConfig } from "@uiza-effect/core"
 *
 * const options: UizaConfig.Options = {
 *   workspaceApiDomain: "your-workspace-api-domain.uiza.co",
 *   authorization: Redacted.make("uap-0123456789abcdef0123456789abcdef-01234567"),
 *   timeout: "10 seconds",
 *   maxRetries: 1,
 *   deadline: "1 minute"
 * }
 *
 * const UizaLive = UizaConfig.layer(options)
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** A bare host (`your-workspace-api-domain.uiza.co`, `host:8443`) or an `https://` URL. `http://` only for loopback hosts. */
  readonly workspaceApiDomain: string
  /** The API key or token, raw, without a `Bearer` prefix. */
  readonly authorization: string | Redacted.Redacted<string>
  /** The limit of one attempt (default 30 seconds). */
  readonly timeout?: Duration.DurationInput | undefined
  /** Retries of a failed call when a retry is safe (default 2; `0` disables). */
  readonly maxRetries?: number | undefined
  /** An optional limit for a whole call, every attempt and wait included (default: none). */
  readonly deadline?: Duration.DurationInput | undefined
  /** The most bytes a reply body may hold, a whole number of 1 or more (default 8 MiB). */
  readonly maxResponseBytes?: number | undefined
}

/**
 * The defaults of the optional settings.
 *
 * @example
 * ```ts
 * import { Duration } from "effect"
 * import { UizaConfig } from "@uiza-effect/core"
 *
 * console.log(Duration.format(UizaConfig.defaults.timeout)) // "30s"
 * console.log(UizaConfig.defaults.maxRetries) // 2
 * console.log(UizaConfig.defaults.maxResponseBytes) // 8388608 (8 MiB)
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const defaults: {
  readonly timeout: Duration.Duration
  readonly maxRetries: number
  readonly maxResponseBytes: number
} = {
  timeout: Duration.seconds(30),
  maxRetries: 2,
  // Far above any Uiza reply (a few hundred bytes), far below what would hurt a process.
  maxResponseBytes: 8 * 1024 * 1024
}

/**
 * The environment variables that {@link layerConfig} reads by default.
 *
 * @example
 * ```ts
 * import { UizaConfig } from "@uiza-effect/core"
 *
 * const { workspaceApiDomain, authorization } = UizaConfig.environmentVariables
 * console.log(`set ${workspaceApiDomain} and ${authorization}`) // set UIZA_WORKSPACE_API_DOMAIN and UIZA_AUTHORIZATION
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const environmentVariables = {
  workspaceApiDomain: "UIZA_WORKSPACE_API_DOMAIN",
  authorization: "UIZA_AUTHORIZATION",
  timeout: "UIZA_TIMEOUT",
  maxRetries: "UIZA_MAX_RETRIES",
  deadline: "UIZA_DEADLINE",
  maxResponseBytes: "UIZA_MAX_RESPONSE_BYTES"
} as const

type SettingName = keyof typeof environmentVariables

// Where a value came from, for messages: the setting, and the variable when known.
type Sources = Partial<Record<SettingName, string>>

const describe = (setting: SettingName, sources: Sources): string =>
  sources[setting] === undefined ? setting : `${setting} (${sources[setting]})`

const invalid = (setting: SettingName, sources: Sources, problem: string) =>
  new UizaConfigError({ setting, message: `Invalid Uiza configuration: ${describe(setting, sources)} ${problem}.` })

const positiveDuration = (
  setting: SettingName,
  sources: Sources,
  input: Duration.DurationInput
): Either.Either<Duration.Duration, UizaConfigError> => {
  const duration = Duration.decodeUnknown(input)
  if (Option.isNone(duration)) return Either.left(invalid(setting, sources, "is not a duration"))
  if (Duration.isZero(duration.value) || Duration.toMillis(duration.value) < 0) {
    return Either.left(invalid(setting, sources, "must be longer than zero"))
  }
  return Either.right(duration.value)
}

const validate = (options: Options, sources: Sources): Either.Either<Settings, UizaConfigError> =>
  Either.gen(function*() {
    const baseUrl = yield* Either.mapLeft(
      normaliseWorkspaceApiDomain(options.workspaceApiDomain),
      (problem) => invalid("workspaceApiDomain", sources, problem)
    )
    const authorization = Redacted.isRedacted(options.authorization)
      ? options.authorization
      : Redacted.make(options.authorization)
    const tokenProblem = authorizationProblem(Redacted.value(authorization))
    if (Option.isSome(tokenProblem)) return yield* Either.left(invalid("authorization", sources, tokenProblem.value))
    const timeout = yield* positiveDuration("timeout", sources, options.timeout ?? defaults.timeout)
    const maxRetries = options.maxRetries ?? defaults.maxRetries
    if (!Number.isSafeInteger(maxRetries) || maxRetries < 0) {
      return yield* Either.left(invalid("maxRetries", sources, "must be a whole number, 0 or more"))
    }
    const deadline = options.deadline === undefined
      ? Option.none()
      : Option.some(yield* positiveDuration("deadline", sources, options.deadline))
    const maxResponseBytes = options.maxResponseBytes ?? defaults.maxResponseBytes
    if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 1) {
      return yield* Either.left(invalid("maxResponseBytes", sources, "must be a whole number of bytes, 1 or more"))
    }
    return { baseUrl, authorization, timeout, maxRetries, deadline, maxResponseBytes }
  })

/**
 * Validates options into {@link Settings}.
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { UizaConfig } from "@uiza-effect/core"
 *
 * const settings = UizaConfig.make({
 *   workspaceApiDomain: "your-workspace-api-domain.uiza.co",
 *   authorization: Redacted.make("uap-0123456789abcdef0123456789abcdef-01234567")
 * })
 * // Effect<UizaConfig.Settings, UizaError.UizaConfigError>
 * Effect.runSync(Effect.map(settings, (s) => s.baseUrl)) // "https://your-workspace-api-domain.uiza.co"
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<Settings, UizaConfigError> => validate(options, {})

/**
 * A layer of {@link UizaConfig} from options given in code.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FetchHttpClient } from "@effect/platform"
 * import { UizaConfig, User } from "@uiza-effect/core"
 *
 * const UizaLive = UizaConfig.layer({
 *   workspaceApiDomain: "your-workspace-api-domain.uiza.co",
 *   authorization: "uap-0123456789abcdef0123456789abcdef-01234567",
 *   timeout: "10 seconds",
 *   maxRetries: 1
 * })
 *
 * const program = User.logout().pipe(Effect.provide([UizaLive, FetchHttpClient.layer]))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<UizaConfig, UizaConfigError> =>
  Layer.effect(UizaConfig, make(options))

/**
 * The `Config` values {@link layerConfig} reads; each one can be replaced.
 *
 * @example
 * ```ts
 * import { Config } from "effect"
 * import { UizaConfig } from "@uiza-effect/core"
 *
 * // Your own variable names; the settings left out are read from the default ones.
 * const options: UizaConfig.ConfigOptions = {
 *   workspaceApiDomain: Config.string("MY_APP_UIZA_DOMAIN"),
 *   authorization: Config.redacted("MY_APP_UIZA_TOKEN"),
 *   maxRetries: Config.option(Config.integer("MY_APP_UIZA_RETRIES"))
 * }
 *
 * const UizaLive = UizaConfig.layerConfig(options)
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface ConfigOptions {
  readonly workspaceApiDomain?: Config.Config<string> | undefined
  readonly authorization?: Config.Config<Redacted.Redacted<string>> | undefined
  readonly timeout?: Config.Config<Option.Option<Duration.Duration>> | undefined
  readonly maxRetries?: Config.Config<Option.Option<number>> | undefined
  readonly deadline?: Config.Config<Option.Option<Duration.Duration>> | undefined
  readonly maxResponseBytes?: Config.Config<Option.Option<number>> | undefined
}

// `Config` messages quote the value ("Expected an integer value but received
// <value>"), and a secret may sit in the wrong variable: keep only what was expected.
const expectation = (message: string): string => {
  const match = /^(Expected [\s\S]*?) but received/.exec(message)
  return match === null ? "" : ` (${match[1].charAt(0).toLowerCase()}${match[1].slice(1)})`
}

const configErrorMessage = (error: ConfigError.ConfigError): string =>
  ConfigError.reduceWithContext(error, undefined, {
    andCase: (_, left: string, right: string) => `${left}; ${right}`,
    orCase: (_, left: string, right: string) => `${left}; or ${right}`,
    invalidDataCase: (_, path, message) => `${path.join(".")} is invalid${expectation(message)}`,
    missingDataCase: (_, path) => `${path.join(".")} is not set`,
    sourceUnavailableCase: (_, path, message) => `${path.join(".")} could not be read: ${message}`,
    unsupportedCase: (_, path, message) => `${path.join(".")} is unsupported: ${message}`
  })

/**
 * Reads the settings with `Config`: by default from the environment variables
 * `UIZA_WORKSPACE_API_DOMAIN` and `UIZA_AUTHORIZATION` (read with
 * `Config.redacted`), and the optional `UIZA_TIMEOUT`, `UIZA_MAX_RETRIES`,
 * `UIZA_DEADLINE` and `UIZA_MAX_RESPONSE_BYTES`. Pass a `Config` to read any of them from elsewhere.
 *
 * A missing or empty variable fails when the layer is built, naming the
 * variable.
 *
 * @example
 * ```ts
 * import { Config, Effect } from "effect"
 * import { FetchHttpClient } from "@effect/platform"
 * import { UizaConfig, User } from "@uiza-effect/core"
 *
 * // From the environment:
 * const fromEnvironment = UizaConfig.layerConfig()
 *
 * // Or with the token under another name:
 * const custom = UizaConfig.layerConfig({ authorization: Config.redacted("MY_UIZA_TOKEN") })
 *
 * const program = User.logout().pipe(Effect.provide([fromEnvironment, FetchHttpClient.layer]))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (options: ConfigOptions = {}): Layer.Layer<UizaConfig, UizaConfigError> => {
  const sources: Sources = {}
  for (const setting of Object.keys(environmentVariables) as Array<SettingName>) {
    if (options[setting] === undefined) sources[setting] = environmentVariables[setting]
  }
  const config = Config.all({
    workspaceApiDomain: options.workspaceApiDomain ?? Config.string(environmentVariables.workspaceApiDomain),
    authorization: options.authorization ?? Config.redacted(environmentVariables.authorization),
    timeout: options.timeout ?? Config.option(Config.duration(environmentVariables.timeout)),
    maxRetries: options.maxRetries ?? Config.option(Config.integer(environmentVariables.maxRetries)),
    deadline: options.deadline ?? Config.option(Config.duration(environmentVariables.deadline)),
    maxResponseBytes: options.maxResponseBytes ??
      Config.option(Config.integer(environmentVariables.maxResponseBytes))
  })
  return Layer.effect(
    UizaConfig,
    config.pipe(
      Effect.mapError((error) =>
        new UizaConfigError({
          setting: "environment",
          message: `Invalid Uiza configuration: ${configErrorMessage(error)}.`
        })
      ),
      Effect.flatMap((values) =>
        validate({
          workspaceApiDomain: values.workspaceApiDomain,
          authorization: values.authorization,
          timeout: Option.getOrUndefined(values.timeout),
          maxRetries: Option.getOrUndefined(values.maxRetries),
          deadline: Option.getOrUndefined(values.deadline),
          maxResponseBytes: Option.getOrUndefined(values.maxResponseBytes)
        }, sources)
      )
    )
  )
}
