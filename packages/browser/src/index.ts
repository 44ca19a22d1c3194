/**
 * Browser presets for `@uiza-effect/core`.
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
 */

/**
 * The `HttpClient` (fetch) and `UizaConfig` layers for browsers.
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
 */
export * as BrowserUiza from "./BrowserUiza.js"
