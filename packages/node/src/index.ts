/**
 * Node presets for `@uiza-effect/core`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { NodeUiza } from "@uiza-effect/node"
 *
 * const UizaLive = NodeUiza.layer({
 *   workspaceApiDomain: "your-workspace-api-domain.uiza.co",
 *   authorization: "uap-0123456789abcdef0123456789abcdef-01234567"
 * })
 *
 * Effect.runPromise(User.logout().pipe(Effect.provide(UizaLive)))
 * ```
 *
 * @since 0.1.0
 */

/**
 * The `HttpClient` (undici) and `UizaConfig` layers for Node.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { NodeUiza } from "@uiza-effect/node"
 *
 * // HttpClient and UizaConfig (from UIZA_WORKSPACE_API_DOMAIN and UIZA_AUTHORIZATION) in one layer.
 * Effect.runPromise(User.logout().pipe(Effect.provide(NodeUiza.layerConfig())))
 * ```
 *
 * @since 0.1.0
 */
export * as NodeUiza from "./NodeUiza.js"
