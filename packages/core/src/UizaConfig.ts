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
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Redacted from "effect/Redacted"
import * as Auth from "./Auth.js"
import { authorizationProblem } from "./internal/authorization.js"
import { LIMITS, policyOf, type PolicyProblem } from "./internal/callPolicy.js"
import { normaliseWorkspaceApiDomain } from "./internal/workspaceDomain.js"
import { PlatformHttpClient } from "./PlatformHttpClient.js"
import { UizaConfigError, type UizaError } from "./UizaError.js"
import * as User from "./User.js"

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
  /**
   * The client every Uiza call uses, when the configuration was bound to one
   * ({@link layerWithHttpClient}, the platform presets); the `HttpClient` in
   * context otherwise.
   */
  readonly httpClient?: HttpClient.HttpClient | undefined
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

const defaultPolicy = { ...defaults, deadline: Option.none() }

/**
 * The ranges every timeout and retry setting must fit, for the client and for
 * a call: `maxRetries` from 0 to 10, `timeout` longer than zero and at most
 * 10 minutes, `deadline` longer than zero and at most 1 hour. A value outside
 * them (`maxRetries: 1e6`, `timeout: Infinity`) is refused with a
 * {@link UizaError.UizaConfigError}.
 *
 * @example
 * ```ts
 * import { Duration } from "effect"
 * import { UizaConfig } from "@uiza-effect/core"
 *
 * console.log(UizaConfig.limits.maxRetries) // 10
 * console.log(Duration.format(UizaConfig.limits.timeout)) // "10m"
 * console.log(Duration.format(UizaConfig.limits.deadline)) // "1h"
 * ```
 *
 * @since 0.2.0
 * @category constants
 */
export const limits: {
  readonly maxRetries: number
  readonly timeout: Duration.Duration
  readonly deadline: Duration.Duration
} = LIMITS

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

const fromPolicy = (sources: Sources, { problem, setting }: PolicyProblem) =>
  Either.left(invalid(setting, sources, problem))

// Options may come from untyped JavaScript or JSON: every value is checked for its type
// before it is used, so a wrong one fails the layer instead of throwing. Written as early
// returns rather than `Either.gen`, whose generator adapter would come along for this alone.
const validate = (options: Options, sources: Sources): Either.Either<Settings, UizaConfigError> => {
  if (!Predicate.isObject(options)) {
    return Either.left(
      new UizaConfigError({
        setting: "options",
        message: "Invalid Uiza configuration: the options are not an object."
      })
    )
  }
  const domain: unknown = options.workspaceApiDomain
  if (typeof domain !== "string") return Either.left(invalid("workspaceApiDomain", sources, "is not a string"))
  const given: unknown = options.authorization
  const authorization = Redacted.isRedacted(given) ? given : Redacted.make(given)
  const token: unknown = Redacted.value(authorization)
  const baseUrl = normaliseWorkspaceApiDomain(domain, typeof token === "string" ? token : undefined)
  if (Either.isLeft(baseUrl)) return Either.left(invalid("workspaceApiDomain", sources, baseUrl.left))
  if (typeof token !== "string") return Either.left(invalid("authorization", sources, "is not a string"))
  const tokenProblem = authorizationProblem(token)
  if (Option.isSome(tokenProblem)) return Either.left(invalid("authorization", sources, tokenProblem.value))
  // The same checks as a call's own options, on the defaults.
  const policy = policyOf(defaultPolicy, {
    timeout: options.timeout ?? undefined,
    maxRetries: options.maxRetries ?? undefined,
    deadline: options.deadline,
    maxResponseBytes: options.maxResponseBytes
  })
  if (Either.isLeft(policy)) return fromPolicy(sources, policy.left)
  return Either.right({
    ...policy.right,
    baseUrl: baseUrl.right,
    authorization: authorization as Redacted.Redacted<string>
  })
}

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

// A plain number is seconds, as on the command line (`--timeout 10`); anything else must be
// an Effect duration (`10 seconds`, `500 millis`). An empty variable is unset.
const durationVariable = (text: string): Either.Either<Option.Option<Duration.Duration>, string> => {
  if (text === "") return Either.right(Option.none())
  const duration = /^\d+(?:\.\d+)?$/.test(text)
    ? Option.some(Duration.seconds(Number(text)))
    : Duration.decodeUnknown(text)
  return Option.isSome(duration)
    ? Either.right(duration)
    : Either.left("is not a duration; give seconds (10, 2.5) or a duration (10 seconds, 500 millis)")
}

// Digits only: no sign, exponent, hexadecimal, spaces, and no empty value (which would
// otherwise read as "no retries" to some and "the default" to others).
const retriesVariable = (text: string): Either.Either<Option.Option<number>, string> =>
  /^\d+$/.test(text)
    ? Either.right(Option.some(Number(text)))
    : Either.left(`is not a whole number; give digits only, 0 to ${LIMITS.maxRetries}`)

const bytesVariable = (text: string): Either.Either<Option.Option<number>, string> =>
  /^\d+$/.test(text)
    ? Either.right(Option.some(Number(text)))
    : Either.left(`is not a whole number of bytes; give digits only, 1 to ${LIMITS.maxResponseBytes}`)

/**
 * Reads the settings with `Config`: by default from the environment variables
 * `UIZA_WORKSPACE_API_DOMAIN` and `UIZA_AUTHORIZATION` (read with
 * `Config.redacted`), and the optional `UIZA_TIMEOUT`, `UIZA_MAX_RETRIES`,
 * `UIZA_DEADLINE` and `UIZA_MAX_RESPONSE_BYTES`. Pass a `Config` to read any of them from elsewhere.
 *
 * `UIZA_TIMEOUT` and `UIZA_DEADLINE` take seconds (`10`, `2.5`) or an Effect
 * duration (`10 seconds`, `500 millis`), and an empty value means unset.
 * `UIZA_MAX_RETRIES` takes digits only, `0` to `10`. A missing or empty
 * required variable, or an invalid value, fails when the layer is built with
 * a `UizaConfigError` whose `setting` names the setting and whose message
 * names the variable, never its value.
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
  // Each setting is read on its own, so a failure names the setting it belongs to.
  const read = <A>(setting: SettingName, config: Config.Config<A>): Effect.Effect<A, UizaConfigError> =>
    Effect.mapError(
      config,
      (error) => new UizaConfigError({ setting, message: `Invalid Uiza configuration: ${configErrorMessage(error)}.` })
    )
  const optional = <A>(
    setting: "timeout" | "maxRetries" | "deadline" | "maxResponseBytes",
    given: Config.Config<Option.Option<A>> | undefined,
    parse: (text: string) => Either.Either<Option.Option<A>, string>
  ): Effect.Effect<Option.Option<A>, UizaConfigError> =>
    given !== undefined
      ? read(setting, given)
      : Effect.flatMap(
        read(setting, Config.option(Config.string(environmentVariables[setting]))),
        (text) =>
          Option.isNone(text)
            ? Effect.succeedNone
            : Either.mapLeft(parse(text.value), (problem) => invalid(setting, sources, problem))
      )
  return Layer.effect(
    UizaConfig,
    Effect.gen(function*() {
      const workspaceApiDomain = yield* read(
        "workspaceApiDomain",
        options.workspaceApiDomain ?? Config.string(environmentVariables.workspaceApiDomain)
      )
      const authorization = yield* read(
        "authorization",
        options.authorization ?? Config.redacted(environmentVariables.authorization)
      )
      const timeout = yield* optional("timeout", options.timeout, durationVariable)
      const maxRetries = yield* optional("maxRetries", options.maxRetries, retriesVariable)
      const deadline = yield* optional("deadline", options.deadline, durationVariable)
      const maxResponseBytes = yield* optional("maxResponseBytes", options.maxResponseBytes, bytesVariable)
      return yield* validate({
        workspaceApiDomain,
        authorization,
        timeout: Option.getOrUndefined(timeout),
        maxRetries: Option.getOrUndefined(maxRetries),
        deadline: Option.getOrUndefined(deadline),
        maxResponseBytes: Option.getOrUndefined(maxResponseBytes)
      }, sources)
    })
  )
}

/**
 * Per-call settings, the last argument of every operation; each overrides
 * the client's setting for that call only.
 *
 * @example
 * ```ts
 * import { User } from "@uiza-effect/core"
 * import type { UizaConfig } from "@uiza-effect/core"
 *
 * const quick: UizaConfig.CallOptions = { timeout: "5 seconds", maxRetries: 0, deadline: "15 seconds" }
 *
 * const program = User.retrieve("5e0c6a3e-8d2f-4b7a-9c41-2f6e8a1d3b57", quick)
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export interface CallOptions {
  /** The limit of one attempt: connecting, sending, the headers and the whole body. */
  readonly timeout?: Duration.DurationInput | undefined
  /** Retries when a retry is safe; `0` disables. */
  readonly maxRetries?: number | undefined
  /** A limit for the whole call, every attempt and wait included. */
  readonly deadline?: Duration.DurationInput | undefined
  /** The most bytes the reply body may hold (default: the client's, 8 MiB unless set). */
  readonly maxResponseBytes?: number | undefined
}

/**
 * Binds a configuration to an `HttpClient`: every Uiza call made with the
 * resulting {@link UizaConfig} uses the client built by `httpClient`,
 * whatever `HttpClient` the rest of the program provides, so the app's own
 * client (its base URL, headers, retries) never reaches Uiza. The layer also
 * provides an `HttpClient` for the rest of the program: the one already
 * there when the layer is built (given outside it, or fed in with
 * `Layer.provide`), or else the Uiza client. The platform presets are built
 * this way.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FetchHttpClient } from "@effect/platform"
 * import { UizaConfig, User } from "@uiza-effect/core"
 *
 * const UizaLive = UizaConfig.layerWithHttpClient(UizaConfig.layerConfig(), FetchHttpClient.layer)
 *
 * const program = User.logout().pipe(Effect.provide(UizaLive))
 * ```
 *
 * @since 0.2.0
 * @category layers
 */
export const layerWithHttpClient = <E, R, E2, R2>(
  config: Layer.Layer<UizaConfig, E, R>,
  httpClient: Layer.Layer<HttpClient.HttpClient, E2, R2>
): Layer.Layer<UizaConfig | HttpClient.HttpClient, E | E2, R | R2> => {
  const bound = Layer.effect(
    UizaConfig,
    Effect.zipWith(
      UizaConfig,
      PlatformHttpClient,
      (settings, client): Settings => ({ ...settings, httpClient: client })
    )
  ).pipe(Layer.provide(Layer.merge(config, httpClient)))
  // The program's own client stays its own; only a program without one gets the Uiza client.
  // Without one, `httpClient` is built in the memo map of the build the layer is part of: the very
  // instance `bound` gives the SDK, built once. It is built as a part of a merge, as in `bound`:
  // the memo map keeps the parts of what it builds, and a layer built at the top (a suspended
  // one, say) would be built anew. (`Layer.unwrapEffect` does the same through `Layer.flatMap`,
  // whose code a browser bundle would carry for this alone.)
  const forTheProgram = Layer.scopedContext(
    Effect.flatMap(Effect.serviceOption(PlatformHttpClient), (existing) =>
      Option.isSome(existing)
        ? Effect.succeed(Context.make(PlatformHttpClient, existing.value))
        : Effect.flatMap(
          Effect.zip(Layer.CurrentMemoMap, Effect.scope),
          ([memoMap, scope]) => Layer.buildWithMemoMap(Layer.merge(httpClient, Layer.empty), memoMap, scope)
        ))
  )
  return Layer.merge(bound, forTheProgram)
}

/**
 * What {@link layerLogin} needs: the credentials of `Auth.createToken` and
 * the settings of {@link Options} but the token.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import type { UizaConfig } from "@uiza-effect/core"
 *
 * const options: UizaConfig.LoginOptions = {
 *   workspaceApiDomain: "your-workspace-api-domain.uiza.co",
 *   username: "admin@example.com",
 *   password: Redacted.make("correct-horse-battery"),
 *   domain: "your-workspace.uiza.co",
 *   timeout: "10 seconds"
 * }
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export interface LoginOptions extends Omit<Options, "authorization"> {
  /** The account's username (its registered email). */
  readonly username: string
  readonly password: string | Redacted.Redacted<string>
  /** The workspace domain the account belongs to. */
  readonly domain: string
}

/**
 * A scoped {@link UizaConfig} from a login: creates a token with
 * `Auth.createToken` when the layer is built and logs out with
 * `User.logout` when its scope closes. A failed logout is logged (at
 * Warning), not raised: the scope closes either way. Needs an
 * `HttpClient`.
 *
 * @example
 * ```ts
 * import { Effect, Layer, Redacted } from "effect"
 * import { FetchHttpClient } from "@effect/platform"
 * import { UizaConfig, User } from "@uiza-effect/core"
 *
 * const SessionLive = UizaConfig.layerLogin({
 *   workspaceApiDomain: "your-workspace-api-domain.uiza.co",
 *   username: "admin@example.com",
 *   password: Redacted.make("correct-horse-battery"),
 *   domain: "your-workspace.uiza.co"
 * }).pipe(Layer.provideMerge(FetchHttpClient.layer))
 *
 * // Logs in, lists the users, logs out.
 * const program = User.list().pipe(Effect.provide(SessionLive))
 * ```
 *
 * @since 0.2.0
 * @category layers
 */
export const layerLogin = (
  options: LoginOptions
): Layer.Layer<UizaConfig, UizaError | UizaConfigError, HttpClient.HttpClient> =>
  Layer.scoped(
    UizaConfig,
    Effect.acquireRelease(
      Effect.gen(function*() {
        const { domain, password, username, ...settings } = options
        const issued = yield* Auth.createToken({
          workspaceApiDomain: options.workspaceApiDomain,
          username,
          password,
          domain
        }, settings)
        return yield* make({ ...settings, authorization: issued.token })
      }),
      (settings) =>
        User.logout().pipe(
          Effect.provideService(UizaConfig, settings),
          Effect.catchAll((error) =>
            Effect.logWarning(`Uiza: the logout of the session's token failed (${error._tag}): ${error.message}`)
          )
        )
    )
  )
