import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { UizaConfig } from "@uiza-effect/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { readFileSync } from "node:fs"

/** A token of the documented shape, used by the tests. */
export const token = "uap-0123456789abcdef0123456789abcdef-89abcdef"

/** The body of a fixture, as the server would send it. */
export const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8")

/** What the stub answers: a Web `Response`, built per request. */
export type Answer = (request: HttpClientRequest.HttpClientRequest) => Response

/**
 * An `HttpClient` that answers from a function and records the requests it
 * got, the way a user would stub the platform in their own tests.
 */
export const stubHttpClient = (answer: Answer) => {
  const requests: Array<HttpClientRequest.HttpClientRequest> = []
  const client = HttpClient.make((request) =>
    Effect.sync(() => {
      requests.push(request)
      return HttpClientResponse.fromWeb(request, answer(request))
    })
  )
  return { requests, layer: Layer.succeed(HttpClient.HttpClient, client) }
}

/** The stub client plus a `UizaConfig` pointed at a fake workspace, retries off unless asked. */
export const stubUiza = (answer: Answer, options: Partial<UizaConfig.Options> = {}) => {
  const stub = stubHttpClient(answer)
  const layer = Layer.merge(
    stub.layer,
    UizaConfig.layer({
      workspaceApiDomain: "your-workspace-api-domain.uiza.co",
      authorization: token,
      maxRetries: 0,
      ...options
    })
  )
  return { requests: stub.requests, layer }
}

/** A reply with a body and a content type. */
export const reply = (status: number, body: string | null, contentType = "application/json") => () =>
  new Response(body, { status, headers: body === null ? {} : { "content-type": contentType } })
