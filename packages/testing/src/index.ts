/**
 * A test kit for programs that use `@uiza-effect/core`: an in-memory Uiza
 * API that runs the real emulation, with faults on demand and the requests it
 * received, for assertions. Browser-safe; the local server over a real socket
 * is in `@uiza-effect/testing/node`.
 *
 * @since 0.1.0
 */

/**
 * The in-memory Uiza API (`UizaTest.layer`, the `UizaTest.UizaTest` service,
 * faults).
 *
 * @since 0.1.0
 */
export * as UizaTest from "./UizaTest.js"
