import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { describe, expect, inject, it } from "@effect/vitest"
import { BrowserUiza } from "@uiza-effect/browser"
import { ResponseBodyLimit, UizaConfig, User } from "@uiza-effect/core"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import type { ServerLog } from "./fetchServer.js"

// A raw server (test/fetchServer.ts) on another origin than the page, and a port where nothing listens.
const base = inject("fetchServerUrl")
const dead = inject("deadServerUrl")
const tokens = inject("uizaTokens")

// The client under test, and `@effect/platform`'s own fetch client set up the same way, to compare with.
const lean = BrowserUiza.layerHttpClient
const platform = FetchHttpClient.layer.pipe(
  Layer.provide(Layer.succeed(FetchHttpClient.RequestInit, BrowserUiza.requestInit))
)
const clients = [["BrowserUiza.layerHttpClient", lean], ["FetchHttpClient.layer", platform]] as const

const using = <A, E>(
  layer: Layer.Layer<HttpClient.HttpClient>,
  f: (client: HttpClient.HttpClient) => Effect.Effect<A, E>
): Effect.Effect<A, E> => Effect.provide(Effect.flatMap(HttpClient.HttpClient, f), layer)

// What a failure says, to compare the two clients by.
const summary = (error: HttpClientError.HttpClientError) => ({ _tag: error._tag, reason: error.reason })

const serverLog = (): Promise<ServerLog> => fetch(`${base}/log`).then((response) => response.json())
const resetLog = () => fetch(`${base}/reset`).then(() => undefined)

// A fetch that records the init of every call, and forwards it.
const observed = () => {
  const inits: Array<RequestInit> = []
  const observedFetch: typeof fetch = (input, init) => {
    inits.push(init ?? {})
    return fetch(input, init)
  }
  return { inits, fetch: observedFetch }
}

describe("BrowserUiza.layerHttpClient, the preset's fetch client, in Chromium", () => {
  it.effect("is the platform's HttpClient service, and its combinators work on it", () =>
    Effect.gen(function*() {
      const client = yield* Effect.provide(HttpClient.HttpClient, lean)
      expect(client[HttpClient.TypeId]).toBe(HttpClient.TypeId)
      expect(client.toJSON()).toEqual({ _id: "@effect/platform/HttpClient" })

      const prefixed = client.pipe(HttpClient.mapRequest(HttpClientRequest.prependUrl(base)))
      const response = yield* prefixed.get("/json")
      expect(response.status).toBe(200)
      expect(response[HttpClientResponse.TypeId]).toBe(HttpClientResponse.TypeId)

      const error = yield* Effect.flip(HttpClient.filterStatusOk(prefixed).get("/status/500"))
      expect(summary(error)).toEqual({ _tag: "ResponseError", reason: "StatusCode" })
    }))

  it.effect("reads a 2xx reply as JSON, text, bytes, form data, URL parameters and a stream", () =>
    Effect.gen(function*() {
      const response = yield* using(
        lean,
        (client) => client.execute(HttpClientRequest.post(`${base}/json`).pipe(HttpClientRequest.bodyText("hello")))
      )
      expect(response.status).toBe(200)
      expect(response.headers["content-type"]).toBe("application/json")
      expect(response.headers["x-test"]).toBe("yes")
      expect(yield* response.json).toEqual({ ok: true, method: "POST", body: "hello" })
      // The body is read once and kept.
      expect(JSON.parse(yield* response.text)).toEqual({ ok: true, method: "POST", body: "hello" })
      // The browser hides set-cookie from scripts: no cookies, with either client.
      expect(response.cookies.cookies).toEqual({})
      const platformResponse = yield* using(platform, (client) => client.get(`${base}/json`))
      expect(platformResponse.cookies.cookies).toEqual({})

      const bytes = yield* using(lean, (client) => Effect.flatMap(client.get(`${base}/json`), (r) => r.arrayBuffer))
      expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual({ ok: true, method: "GET", body: "" })

      const params = yield* using(lean, (client) => Effect.flatMap(client.get(`${base}/form`), (r) => r.urlParamsBody))
      expect(params).toEqual([["a", "1"], ["b", "2"]])
      const form = yield* using(lean, (client) => Effect.flatMap(client.get(`${base}/form`), (r) => r.formData))
      expect(form.get("b")).toBe("2")

      const chunks = yield* using(lean, (client) =>
        client.get(`${base}/stream`).pipe(
          Effect.flatMap((r) => Stream.runCollect(r.stream)),
          Effect.map(Chunk.toReadonlyArray)
        ))
      expect(chunks.length).toBeGreaterThan(0)
      expect(chunks.map((chunk) => new TextDecoder().decode(chunk)).join("")).toBe("one,two,three")
    }))

  it.effect("returns non-2xx replies as responses, as FetchHttpClient does", () =>
    Effect.gen(function*() {
      for (const [, layer] of clients) {
        for (const status of [404, 500, 503]) {
          const response = yield* using(layer, (client) => client.get(`${base}/status/${status}`))
          expect(response.status).toBe(status)
          expect(yield* response.text).toBe(`status ${status}`)
        }
      }
    }))

  it.live("never follows a redirect: status 0 (opaqueredirect), the target is never requested", () =>
    Effect.gen(function*() {
      yield* Effect.promise(resetLog)
      const response = yield* using(lean, (client) => client.get(`${base}/redirect`))
      expect(response.status).toBe(0)
      expect(yield* response.text).toBe("")
      expect(Object.keys(response.headers)).toEqual([])
      // No body to stream, as with FetchHttpClient.
      const streamed = yield* Effect.flip(Stream.runDrain(response.stream))
      const platformResponse = yield* using(platform, (client) => client.get(`${base}/redirect`))
      expect(platformResponse.status).toBe(0)
      const platformStreamed = yield* Effect.flip(Stream.runDrain(platformResponse.stream))
      expect(summary(streamed)).toEqual(summary(platformStreamed))
      expect(summary(streamed)).toEqual({ _tag: "ResponseError", reason: "EmptyBody" })
      const log = yield* Effect.promise(serverLog)
      expect(log.requests.map((request) => request.path)).toEqual(["/redirect", "/redirect"])

      // What the SDK makes of it: a redirect is reported, never followed with the token.
      const layer = BrowserUiza.layer({ workspaceApiDomain: base, authorization: tokens[6] })
      const error = yield* Effect.flip(Effect.provide(User.logout(), layer))
      expect(error._tag).toBe("ResponseDecodeError")
      expect(error.message).toMatch(/redirect \(HTTP 0\)/)
    }))

  it.effect("fails as FetchHttpClient does: unreachable server, invalid URL, undecodable body", () =>
    Effect.gen(function*() {
      for (const [, layer] of clients) {
        const unreachable = yield* Effect.flip(using(layer, (client) => client.get(`${dead}/json`)))
        expect(summary(unreachable)).toEqual({ _tag: "RequestError", reason: "Transport" })
        expect(unreachable.cause).toBeInstanceOf(TypeError)

        const invalid = yield* Effect.flip(using(layer, (client) => client.get("http://[")))
        expect(summary(invalid)).toEqual({ _tag: "RequestError", reason: "InvalidUrl" })

        const undecodable = yield* Effect.flip(
          using(layer, (client) => Effect.flatMap(client.get(`${base}/not-json`), (r) => r.json))
        )
        expect(summary(undecodable)).toEqual({ _tag: "ResponseError", reason: "Decode" })
      }

      // And the SDK classifies the same transport failure the same way with either client.
      const config = UizaConfig.layer({ workspaceApiDomain: dead, authorization: tokens[6] })
      const [leanError, platformError] = yield* Effect.all(
        [lean, platform].map((layer) => Effect.flip(Effect.provide(User.logout(), Layer.merge(layer, config))))
      )
      expect(leanError._tag).toBe("ConnectionError")
      expect(leanError).toMatchObject({
        _tag: platformError._tag,
        message: platformError.message,
        ...(platformError._tag === "ConnectionError" ?
          { reason: platformError.reason, possiblyDelivered: platformError.possiblyDelivered } :
          {})
      })
    }))

  it.live("stops reading a body at the call's MaxResponseBytes and aborts the fetch", () =>
    Effect.gen(function*() {
      yield* Effect.promise(resetLog)
      const limit = 256 * 1024
      const read = (path: string) =>
        using(lean, (client) => Effect.flatMap(client.get(`${base}${path}`), (response) => response.text)).pipe(
          Effect.provideService(ResponseBodyLimit.MaxResponseBytes, limit)
        )
      for (const path of ["/big?bytes=209715200", "/big?bytes=209715200&declare"]) {
        const error = yield* Effect.flip(read(path))
        expect(summary(error)).toEqual({ _tag: "ResponseError", reason: "Decode" })
        expect(ResponseBodyLimit.isBodyTooLarge(error.cause)).toBe(true)
      }
      // The server saw both connections go away before their 200 MB were sent.
      yield* Effect.promise(() =>
        new Promise<void>((resolve) => {
          const poll = () =>
            serverLog().then((log) =>
              log.aborted.filter((path) => path === "/big").length >= 2 ? resolve() : setTimeout(poll, 20)
            )
          void poll()
        })
      )
      // At the limit, the body is read as usual; without one, as `Response.text()` reads it.
      expect((yield* read(`/big?bytes=${limit}`)).length).toBe(limit)
      const unlimited = yield* using(lean, (client) => Effect.flatMap(client.get(`${base}/json`), (r) => r.text))
      expect(JSON.parse(unlimited)).toMatchObject({ ok: true })
    }), { timeout: 60_000 })

  it.effect("refuses a streaming request body with a RequestError (Encode), sending nothing", () =>
    Effect.gen(function*() {
      const request = HttpClientRequest.post(`${dead}/json`).pipe(
        HttpClientRequest.bodyStream(Stream.make(new Uint8Array([1, 2, 3])))
      )
      const error = yield* Effect.flip(using(lean, (client) => client.execute(request)))
      expect(summary(error)).toEqual({ _tag: "RequestError", reason: "Encode" })
    }))

  it("aborts the fetch when the call is interrupted", async () => {
    await resetLog()
    const sent = observed()
    const fiber = Effect.runFork(
      using(lean, (client) => client.get(`${base}/hang`)).pipe(Effect.provideService(FetchHttpClient.Fetch, sent.fetch))
    )
    await expect.poll(async () => (await serverLog()).requests.map((r) => r.path)).toEqual(["/hang"])
    await Effect.runPromise(Fiber.interrupt(fiber))
    expect(sent.inits[0].signal?.aborted).toBe(true)
    // The server sees the connection go.
    await expect.poll(async () => (await serverLog()).aborted).toEqual(["/hang"])
  })

  it.live("a call of the SDK cancels the fetch at its time limit, waiting for the reply and reading it", () =>
    Effect.gen(function*() {
      yield* Effect.promise(resetLog)
      const uiza = BrowserUiza.layer({
        workspaceApiDomain: base,
        authorization: tokens[0],
        timeout: "300 millis",
        maxRetries: 0
      })
      const waiting = yield* Effect.flip(Effect.provide(User.retrieve("hang"), uiza))
      expect(waiting).toMatchObject({ _tag: "TimeoutError", phase: "response", attempts: 1 })
      const reading = yield* Effect.flip(Effect.provide(User.retrieve("endless"), uiza))
      expect(reading).toMatchObject({ _tag: "TimeoutError", phase: "body", attempts: 1 })
      // Both fetches were aborted: the server sees each connection go.
      yield* Effect.promise(() =>
        expect.poll(async () => (await serverLog()).aborted).toEqual([
          "/api/public/v3/admin/user",
          "/api/public/v3/admin/user"
        ])
      )
    }))

  it("aborts the fetch when reading the body is interrupted", async () => {
    await resetLog()
    const fiber = Effect.runFork(
      using(lean, (client) => Effect.flatMap(client.get(`${base}/endless`), (response) => response.text))
    )
    await expect.poll(async () => (await serverLog()).requests.map((r) => r.path)).toEqual(["/endless"])
    await Effect.runPromise(Fiber.interrupt(fiber))
    await expect.poll(async () => (await serverLog()).aborted).toEqual(["/endless"])
  })

  it("stops the fetch when a stream of the body ends early", async () => {
    await resetLog()
    const first = await Effect.runPromise(
      using(lean, (client) =>
        client.get(`${base}/endless`).pipe(
          Effect.flatMap((response) => Stream.runCollect(Stream.take(response.stream, 1))),
          Effect.map(Chunk.toReadonlyArray)
        ))
    )
    expect(new TextDecoder().decode(first[0])).toMatch(/^first chunk/)
    await expect.poll(async () => (await serverLog()).aborted).toEqual(["/endless"])
  })

  it.live("sends the request's headers and nothing else: no trace headers, no cookies, even in a span", () =>
    Effect.gen(function*() {
      const request = (client: HttpClient.HttpClient) =>
        client.execute(
          HttpClientRequest.post(`${base}/json`).pipe(
            HttpClientRequest.setHeaders({ authorization: "uap-test", accept: "application/json" }),
            HttpClientRequest.bodyText("{}", "application/json")
          )
        ).pipe(Effect.withSpan("app.call"))

      yield* Effect.promise(resetLog)
      const sent = observed()
      yield* using(lean, request).pipe(Effect.provideService(FetchHttpClient.Fetch, sent.fetch))
      // What the page asked fetch to send...
      expect(Object.keys(sent.inits[0].headers ?? {}).sort()).toEqual(["accept", "authorization", "content-type"])
      // ...and what reached the server: the preflight lists every non-safelisted header.
      const log = yield* Effect.promise(serverLog)
      expect(log.preflightHeaders).toEqual(["authorization,content-type"])
      const received = log.requests[0].headers
      for (const name of ["traceparent", "tracestate", "b3", "x-b3-traceid", "cookie"]) {
        expect(received[name]).toBeUndefined()
      }

      // The check can fail: FetchHttpClient on its own, in a span, propagates the trace.
      yield* Effect.promise(resetLog)
      yield* using(platform, request)
      expect((yield* Effect.promise(serverLog)).preflightHeaders[0]).toMatch(/traceparent/)
    }))

  it.effect("fetches with BrowserUiza.requestInit, whatever RequestInit the program provides", () =>
    Effect.gen(function*() {
      const sent = observed()
      yield* using(lean, (client) => client.get(`${base}/json`)).pipe(
        Effect.provideService(FetchHttpClient.RequestInit, {
          credentials: "include",
          redirect: "follow",
          keepalive: true,
          headers: { "x-extra": "1" }
        }),
        Effect.provideService(FetchHttpClient.Fetch, sent.fetch)
      )
      const [init] = sent.inits
      expect(init).toMatchObject({ credentials: "omit", redirect: "manual", mode: "cors", method: "GET" })
      expect(init.keepalive).toBeUndefined()
      expect(init.headers).toEqual({})
      expect(init.signal).toBeInstanceOf(AbortSignal)
    }))

  it.effect("uses the Fetch given to the layer, and the one the request's context has over it", () =>
    Effect.gen(function*() {
      const forLayer = observed()
      const forRequest = observed()
      const layer = lean.pipe(Layer.provide(Layer.succeed(FetchHttpClient.Fetch, forLayer.fetch)))
      yield* using(layer, (client) => client.get(`${base}/json`))
      expect([forLayer.inits.length, forRequest.inits.length]).toEqual([1, 0])
      yield* using(layer, (client) => client.get(`${base}/json`)).pipe(
        Effect.provideService(FetchHttpClient.Fetch, forRequest.fetch)
      )
      expect([forLayer.inits.length, forRequest.inits.length]).toEqual([1, 1])
    }))
})
