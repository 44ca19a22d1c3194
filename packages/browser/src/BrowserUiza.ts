/**
 * Ready-made layers for browsers (and workers): a `fetch`-based `HttpClient`
 * set up for cross-origin calls to the Uiza API, and the `UizaConfig`, in one
 * layer.
 *
 * @since 0.1.0
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import { UizaConfig, type UizaError } from "@uiza-effect/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

/**
 * The `RequestInit` every call is made with: no cookies (the API
 * authenticates with the token alone), and redirects are not followed, so
 * the token is never sent on to another origin.
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { Layer } from "effect"
 * import { BrowserUiza } from "@uiza-effect/browser"
 *
 * console.log(BrowserUiza.requestInit.credentials) // "omit"
 *
 * // A fetch client of your own with the same settings, plus `keepalive` (e.g. to log out on page unload):
 * const KeepaliveHttpClient = FetchHttpClient.layer.pipe(
 *   Layer.provide(Layer.succeed(FetchHttpClient.RequestInit, { ...BrowserUiza.requestInit, keepalive: true }))
 * )
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const requestInit: RequestInit = {
  credentials: "omit",
  redirect: "manual",
  mode: "cors"
}

/**
 * The `HttpClient` of the preset: `fetch` with {@link requestInit}.
 * Interrupting a call aborts its `fetch`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { UizaConfig, User } from "@uiza-effect/core"
 * import { BrowserUiza } from "@uiza-effect/browser"
 *
 * const program = User.logout().pipe(
 *   Effect.provide([
 *     BrowserUiza.layerHttpClient,
 *     UizaConfig.layer({ workspaceApiDomain: "your-workspace-api-domain.uiza.co", authorization: "uap-..." })
 *   ])
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerHttpClient: Layer.Layer<HttpClient.HttpClient> = Layer.effect(
  HttpClient.HttpClient,
  // Provided on each request, innermost, so it is the init the fetch is made with.
  Effect.map(
    HttpClient.HttpClient,
    (client) => HttpClient.transformResponse(client, Effect.provideService(FetchHttpClient.RequestInit, requestInit))
  )
).pipe(Layer.provide(FetchHttpClient.layer))

/**
 * `HttpClient` and `UizaConfig` from options given in code.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { BrowserUiza } from "@uiza-effect/browser"
 *
 * const UizaLive = BrowserUiza.layer({
 *   workspaceApiDomain: "your-workspace-api-domain.uiza.co",
 *   authorization: sessionStorage.getItem("uiza-token") ?? ""
 * })
 *
 * const logout = User.logout().pipe(Effect.provide(UizaLive))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: UizaConfig.Options
): Layer.Layer<HttpClient.HttpClient | UizaConfig.UizaConfig, UizaError.UizaConfigError> =>
  Layer.merge(layerHttpClient, UizaConfig.layer(options))
