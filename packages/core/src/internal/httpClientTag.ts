import type * as HttpClient from "@effect/platform/HttpClient"
import * as Context from "effect/Context"

/**
 * The `HttpClient` service of `@effect/platform`, looked up by its key.
 *
 * Services are found by key, so this is the same service as
 * `HttpClient.HttpClient`. Importing that tag's module instead would keep the
 * platform's response wrapper, and with it effect's Stream runtime (about
 * 35 kB gzip), in every browser bundle, even where the client in use never
 * streams. A test checks that the keys stay equal.
 *
 * @internal
 */
export const HttpClientTag = Context.GenericTag<HttpClient.HttpClient>("@effect/platform/HttpClient")
