/**
 * The Node part of the test kit: the local Uiza server over a real socket,
 * for integration tests. Import it from `@uiza-effect/testing/node`.
 *
 * @since 0.1.0
 */

/**
 * The local Uiza server as a scoped resource, and the Node preset pointed
 * at it (`NodeUizaTest.start`, `NodeUizaTest.layer`).
 *
 * @since 0.1.0
 */
export * as NodeUizaTest from "./NodeUizaTest.js"
