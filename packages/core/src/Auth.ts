/**
 * The authentication endpoints of the Uiza v3 API (documented, not in the
 * published index, and in none of the official SDKs): {@link createToken}
 * logs in with a username and password, {@link checkToken} tells when the
 * configured token expires. `UizaConfig.layerLogin` builds a configuration
 * from a login and logs out when its scope closes.
 *
 * @since 0.2.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { callApi, callApiAt } from "./internal/apiCall.js"
import { authorizationProblem } from "./internal/authorization.js"
import { dataOf, type Endpoint, inputOf, inputSecretsOf, lazy, replySecretsOf } from "./internal/endpoint.js"
import { MomentFromMonthDayYear, NonEmpty, Password } from "./internal/wireFormats.js"
import { normaliseWorkspaceApiDomain } from "./internal/workspaceDomain.js"
import { type CallOptions, defaults, type UizaConfig } from "./UizaConfig.js"
import * as UizaError from "./UizaError.js"

/**
 * What {@link createToken} needs: the workspace's API domain (validated like
 * `UizaConfig`'s), the account's `username` (its registered email), its
 * `password` (a string or `Redacted`, 6 to 25 characters as the API's rule
 * has it) and the workspace `domain` the account belongs to.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import type { Auth } from "@uiza-effect/core"
 *
 * const input: Auth.CreateTokenInput = {
 *   workspaceApiDomain: "your-workspace-api-domain.uiza.co",
 *   username: "admin@example.com",
 *   password: Redacted.make("correct-horse-battery"),
 *   domain: "your-workspace.uiza.co"
 * }
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export interface CreateTokenInput {
  readonly workspaceApiDomain: string
  readonly username: string
  readonly password: string | Redacted.Redacted<string>
  readonly domain: string
}

/**
 * An issued token, `Redacted` (unwrap it only where it is used), and the
 * workspace's app id.
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { Auth } from "@uiza-effect/core"
 *
 * const useToken = (issued: Auth.IssuedToken) =>
 *   Effect.log(`token for app ${issued.appId}: ${issued.token}`) // logs "<redacted>"
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export interface IssuedToken {
  readonly token: Redacted.Redacted<string>
  readonly appId: string
}

/**
 * What {@link checkToken} tells: when the configured token expires (the
 * API's `expired`, `MM/DD/YYYY HH:mm:ss`, taken as UTC since it names no
 * zone).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Auth } from "@uiza-effect/core"
 *
 * const daysLeft = (status: Auth.TokenStatus, now: Date) =>
 *   Math.floor((status.expiresAt.getTime() - now.getTime()) / 86_400_000)
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export interface TokenStatus {
  readonly expiresAt: Date
}

// A token `UizaConfig` would refuse (whitespace, a control character) could never be sent, nor
// revoked: it is refused here, so that no token is handed out that no call can use.
const UsableToken = /* @__PURE__ */ lazy(() =>
  Schema.String.pipe(
    Schema.filter((token) => Option.isNone(authorizationProblem(token)), {
      description: "a token that can be sent as the Authorization header"
    })
  )
)

const IssuedTokenFromWire: Schema.Schema<IssuedToken, unknown> = /* @__PURE__ */ lazy(() =>
  Schema.Struct({ token: Schema.Redacted(UsableToken), appId: Schema.String }) as unknown as Schema.Schema<
    IssuedToken,
    unknown
  >
)

const TokenStatusFromWire: Schema.Schema<TokenStatus, unknown> = /* @__PURE__ */ lazy(() =>
  Schema.transform(
    Schema.Struct({ expired: MomentFromMonthDayYear }),
    Schema.Struct({ expiresAt: Schema.DateFromSelf }),
    {
      strict: true,
      decode: ({ expired }) => ({ expiresAt: expired }),
      encode: ({ expiresAt }) => ({ expired: expiresAt })
    }
  ) as unknown as Schema.Schema<TokenStatus, unknown>
)

const createTokenEndpoint: Endpoint<Omit<CreateTokenInput, "workspaceApiDomain">, IssuedToken> = {
  name: "Auth.createToken",
  method: "POST",
  path: "/admin/user/auth",
  input: /* @__PURE__ */ inputOf(
    /* @__PURE__ */ lazy(() => Schema.Struct({ username: NonEmpty, password: Password, domain: NonEmpty }))
  ),
  inputSecrets: /* @__PURE__ */ inputSecretsOf(["password"]),
  replySecrets: /* @__PURE__ */ replySecretsOf(["token"]),
  success: /* @__PURE__ */ dataOf(IssuedTokenFromWire),
  // Each attempt that arrives issues a token: never sent twice once it may have arrived.
  idempotent: false,
  descriptionLink: "https://docs.uiza.io/#get-token",
  authorized: false
}

const checkTokenEndpoint: Endpoint<void, TokenStatus> = {
  name: "Auth.checkToken",
  method: "POST",
  path: "/admin/user/auth/check-token",
  success: /* @__PURE__ */ dataOf(TokenStatusFromWire),
  idempotent: true,
  descriptionLink: "https://docs.uiza.io/#check-token"
}

/**
 * Creates a token by logging in: `POST /admin/user/auth` with the
 * username, password and workspace domain, and no `Authorization`. Needs
 * only an `HttpClient`: there is no configured token yet. The token comes
 * back `Redacted`, and the password is scrubbed from any reply. Not sent
 * twice once it may have reached the server (each arrival issues a token).
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { FetchHttpClient } from "@effect/platform"
 * import { Auth, UizaConfig } from "@uiza-effect/core"
 *
 * const program = Effect.gen(function*() {
 *   const issued = yield* Auth.createToken({
 *     workspaceApiDomain: "your-workspace-api-domain.uiza.co",
 *     username: "admin@example.com",
 *     password: Redacted.make("correct-horse-battery"),
 *     domain: "your-workspace.uiza.co"
 *   })
 *   return UizaConfig.layer({ workspaceApiDomain: "your-workspace-api-domain.uiza.co", authorization: issued.token })
 * }).pipe(Effect.provide(FetchHttpClient.layer))
 * ```
 *
 * @since 0.2.0
 * @category operations
 */
export const createToken = (
  input: CreateTokenInput,
  options?: CallOptions
): Effect.Effect<IssuedToken, UizaError.UizaError, HttpClient.HttpClient> =>
  Effect.suspend(() => {
    const domain = typeof input === "object" && input !== null ? input.workspaceApiDomain : undefined
    const baseUrl = typeof domain === "string"
      ? normaliseWorkspaceApiDomain(domain)
      : Either.left("must be a string")
    if (Either.isLeft(baseUrl)) {
      return Effect.fail(
        new UizaError.InvalidInputError({
          message: `Invalid input of Auth.createToken: workspaceApiDomain ${baseUrl.left}; nothing was sent.`,
          operation: "Auth.createToken",
          field: "workspaceApiDomain",
          attempts: 0
        })
      )
    }
    const { workspaceApiDomain: _, ...credentials } = input
    return callApiAt(createTokenEndpoint, credentials, {
      baseUrl: baseUrl.right,
      authorization: Option.none(),
      settings: { ...defaults, deadline: Option.none() },
      httpClient: undefined
    }, options)
  })

/**
 * Checks the configured token: `POST /admin/user/auth/check-token`. Tells
 * when it expires (tokens last 30 days); a revoked or unknown token fails
 * with `UnauthorizedError`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Auth } from "@uiza-effect/core"
 *
 * const program = Auth.checkToken().pipe(
 *   Effect.tap((status) => Effect.log(`the token expires at ${status.expiresAt.toISOString()}`))
 * )
 * ```
 *
 * @since 0.2.0
 * @category operations
 */
export const checkToken = (
  options?: CallOptions
): Effect.Effect<TokenStatus, UizaError.UizaError, HttpClient.HttpClient | UizaConfig> =>
  callApi(checkTokenEndpoint, undefined, options)
