/**
 * A local Uiza v3 server for demos and integration tests.
 *
 * @since 0.1.0
 */

/**
 * The platform-agnostic emulation of the logout endpoint.
 *
 * @since 0.1.0
 */
export * as UizaServer from "./UizaServer.js"

/**
 * The emulation served over HTTP on Node.
 *
 * @since 0.1.0
 */
export * as NodeUizaServer from "./NodeUizaServer.js"
