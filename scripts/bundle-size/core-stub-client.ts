/**
 * Reference point: the SDK's core alone. The same program as logout-browser.ts,
 * with an `HttpClient` that sends nothing in place of the browser preset's, so
 * the difference to the SDK entry is what the preset's client weighs.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import { UizaConfig, User } from "@uiza-effect/core"
import * as Console from "effect/Console"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

const token = sessionStorage.getItem("uiza-token") ?? ""

// The platform's service key, without importing a value of @effect/platform/HttpClient.
const HttpClientTag = Context.GenericTag<HttpClient.HttpClient>("@effect/platform/HttpClient")
const sendsNothing = { execute: (request: unknown) => Effect.die(request) } as unknown as HttpClient.HttpClient

const program = User.logout({ timeout: "10 seconds" }).pipe(
  Effect.map((result) => `logged out: ${result.message}`),
  Effect.catchTag("UnauthorizedError", () => Effect.succeed("already logged out")),
  Effect.catchTags({
    ConnectionError: (error) => Effect.succeed(`offline: ${error.message}`),
    TimeoutError: (error) => Effect.succeed(`timed out: ${error.message}`)
  }),
  Effect.catchAll((error) => Effect.succeed(`failed: ${error._tag}`)),
  Effect.flatMap(Console.log),
  Effect.provide(Layer.merge(
    Layer.succeed(HttpClientTag, sendsNothing),
    UizaConfig.layer({ workspaceApiDomain: "your-workspace-api-domain.uiza.co", authorization: token })
  ))
)

Effect.runFork(program)
