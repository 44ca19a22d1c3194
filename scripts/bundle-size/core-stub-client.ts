/**
 * Reference point: the SDK's core alone. The same program as logout-browser.ts,
 * with an `HttpClient` that sends nothing in place of the browser preset's, so
 * the difference to the SDK entry is what the preset's client weighs.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import { UizaConfig } from "@uiza-effect/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { logoutOn, token } from "./program.ts"

// The platform's service key, without importing a value of @effect/platform/HttpClient.
const HttpClientTag = Context.GenericTag<HttpClient.HttpClient>("@effect/platform/HttpClient")
const sendsNothing = { execute: (request: unknown) => Effect.die(request) } as unknown as HttpClient.HttpClient

Effect.runFork(logoutOn(Layer.merge(
  Layer.succeed(HttpClientTag, sendsNothing),
  UizaConfig.layer({ workspaceApiDomain: "your-workspace-api-domain.uiza.co", authorization: token })
)))
