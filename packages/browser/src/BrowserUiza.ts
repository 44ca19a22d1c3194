/**
 * Ready-made layers for browsers (and workers): a `fetch`-based `HttpClient`
 * set up for cross-origin calls to the Uiza API, and the `UizaConfig`, in one
 * layer.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import { PlatformHttpClient } from "@uiza-effect/core/PlatformHttpClient"
import * as UizaConfig from "@uiza-effect/core/UizaConfig"
import type * as UizaError from "@uiza-effect/core/UizaError"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as internal from "./internal/fetchHttpClient.js"

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
 * The `HttpClient` of the preset: `fetch` with {@link requestInit}, whatever
 * `FetchHttpClient.RequestInit` the program provides. Interrupting a call, or
 * the reading of its body, aborts its `fetch`.
 *
 * It is the SDK's own lean fetch client, not `FetchHttpClient.layer`: it
 * keeps effect's Stream and Channel runtime out of browser bundles. It uses
 * the `fetch` of `FetchHttpClient.Fetch` when one is provided, fails with the
 * same `RequestError` / `ResponseError` reasons as `FetchHttpClient`, creates
 * no `http.client` span and sends no trace headers. Its responses can be read
 * as text, JSON, bytes, form data or a stream; a request with a streaming
 * body fails with a `RequestError` of reason `Encode` (use
 * `FetchHttpClient.layer` for those).
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
  PlatformHttpClient,
  Effect.map(Effect.context<never>(), (context) => internal.make(requestInit, context))
)

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
  UizaConfig.layerWithHttpClient(UizaConfig.layer(options), layerHttpClient)
