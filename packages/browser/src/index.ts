/**
 * Browser presets for `@uiza-effect/core`.
 *
 * @since 0.1.0
 */

/**
 * The `HttpClient` (fetch) and `UizaConfig` layers for browsers.
 *
 * @since 0.1.0
 */
export * as BrowserUiza from "./BrowserUiza.js"
