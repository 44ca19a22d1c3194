/**
 * Node presets for `@uiza-effect/core`.
 *
 * @since 0.1.0
 */

/**
 * The `HttpClient` (undici) and `UizaConfig` layers for Node.
 *
 * @since 0.1.0
 */
export * as NodeUiza from "./NodeUiza.js"
