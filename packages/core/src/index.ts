/**
 * An Effect SDK for the Uiza v3 public API.
 *
 * @since 0.1.0
 */

/**
 * The settings of a Uiza client (`UizaConfig.layer`, `UizaConfig.layerConfig`).
 *
 * @since 0.1.0
 */
export * as UizaConfig from "./UizaConfig.js"

/**
 * The errors of the SDK, as `Schema.TaggedError` classes.
 *
 * @since 0.1.0
 */
export * as UizaError from "./UizaError.js"

/**
 * The user operations (`User.logout`).
 *
 * @since 0.1.0
 */
export * as User from "./User.js"
