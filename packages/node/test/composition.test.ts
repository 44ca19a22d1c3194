/**
 * The SDK inside an app that has its own `HttpClient` (a backend client with
 * a secret header, a base URL and `retryTransient`): Uiza calls use the
 * preset's client whatever the app provides, and the app's calls never see
 * the SDK's client or settings. Both sides are real servers on 127.0.0.1.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it } from "@effect/vitest"
import { UizaConfig, User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as FaultServer from "./support/faultServer.js"
import { TOKEN } from "./support/uiza.js"

const BACKEND_KEY = "backend-secret-0123456789"

// The app's own client for its own backend, with the middleware real apps put on theirs.
const appHttpClient = (backendUrl: string) =>
  Layer.effect(
    HttpClient.HttpClient,
    Effect.map(HttpClient.HttpClient, (client) =>
      client.pipe(
        HttpClient.mapRequest(HttpClientRequest.setHeader("x-my-backend-key", BACKEND_KEY)),
        HttpClient.mapRequest(HttpClientRequest.prependUrl(backendUrl)),
        HttpClient.retryTransient({ times: 3 })
      ))
  ).pipe(Layer.provide(NodeUiza.makeHttpClientLayer()))

// The app's own call: a GET of its backend through whatever `HttpClient` it is given.
const appCall = Effect.flatMap(HttpClient.HttpClient, (client) => Effect.scoped(client.get("/orders")))

const uizaPreset = (url: string) => NodeUiza.layer({ workspaceApiDomain: url, authorization: TOKEN, maxRetries: 0 })

describe("a Uiza preset next to the app's own HttpClient", () => {
  it.scoped("in one runtime: Uiza calls get neither the app's header, nor its base URL, nor its retries", () =>
    Effect.gen(function*() {
      const uiza = yield* FaultServer.make([{ _tag: "ResetAfterRead" }])
      const backend = yield* FaultServer.make([FaultServer.json(200, { orders: [] })])
      const runtime = ManagedRuntime.make(Layer.mergeAll(uizaPreset(uiza.url), appHttpClient(backend.url)))
      yield* Effect.addFinalizer(() => runtime.disposeEffect)

      const error = yield* Effect.promise(() => runtime.runPromise(Effect.flip(User.logout())))
      // The reset came after the request was written: the logout may have happened, so it is
      // reported as such, once; the app's `retryTransient` did not send it again.
      expect(error._tag).toBe("ConnectionError")
      expect(error.attempts).toBe(1)
      expect(uiza.requests).toHaveLength(1)
      const [request] = uiza.requests
      expect(request.url).toBe("/api/public/v3/admin/user/logout")
      expect(request.headers["x-my-backend-key"]).toBeUndefined()
      expect(request.headers.authorization).toBe(TOKEN)
      expect(backend.requests).toHaveLength(0)
    }))

  it.scoped("merged in either order: Uiza calls reach Uiza through the preset's client", () =>
    Effect.gen(function*() {
      for (const order of ["preset first", "app first"] as const) {
        const uiza = yield* FaultServer.make([FaultServer.logoutSuccess()])
        const backend = yield* FaultServer.make([FaultServer.json(200, { orders: [] })])
        const layer = order === "preset first"
          ? Layer.merge(uizaPreset(uiza.url), appHttpClient(backend.url))
          : Layer.merge(appHttpClient(backend.url), uizaPreset(uiza.url))
        const result = yield* Effect.provide(User.logout(), layer)
        expect(result.message).toBe("Logout success")
        expect(uiza.requests.map((request) => request.headers["x-my-backend-key"])).toEqual([undefined])
        expect(backend.requests).toHaveLength(0)
      }
    }))

  it.scoped("the app's own calls keep the app's client when it is given to the preset or provided outside it", () =>
    Effect.gen(function*() {
      const uiza = yield* FaultServer.make([FaultServer.logoutSuccess()])
      const backend = yield* FaultServer.make([FaultServer.json(200, { orders: [] })])
      const program = Effect.zip(appCall, User.logout())

      // Fed in with provideMerge: the preset's HttpClient for the rest of the program is the app's.
      yield* Effect.provide(program, uizaPreset(uiza.url).pipe(Layer.provideMerge(appHttpClient(backend.url))))
      // Provided outside the preset: the same.
      yield* program.pipe(Effect.provide(uizaPreset(uiza.url)), Effect.provide(appHttpClient(backend.url)))

      expect(backend.requests.map((request) => [request.url, request.headers["x-my-backend-key"]])).toEqual([
        ["/orders", BACKEND_KEY],
        ["/orders", BACKEND_KEY]
      ])
      // Nothing of the SDK's reached the app's backend: no token, no Uiza path.
      for (const request of backend.requests) expect(request.headers.authorization).toBeUndefined()
      expect(uiza.requests.map((request) => request.url)).toEqual([
        "/api/public/v3/admin/user/logout",
        "/api/public/v3/admin/user/logout"
      ])
    }))

  it.scoped("a program with no HttpClient of its own gets the preset's", () =>
    Effect.gen(function*() {
      const backend = yield* FaultServer.make([FaultServer.json(200, { orders: [] })])
      const uiza = yield* FaultServer.make([FaultServer.logoutSuccess()])
      const response = yield* Effect.provide(
        Effect.flatMap(HttpClient.HttpClient, (client) => Effect.scoped(client.get(`${backend.url}/health`))),
        uizaPreset(uiza.url)
      )
      expect(response.status).toBe(200)
      expect(backend.requests[0]?.headers.authorization).toBeUndefined()
    }))

  it.scoped("a client handed to the SDK deliberately (UizaConfig.layer + HttpClient) is the one Uiza calls use", () =>
    Effect.gen(function*() {
      const uiza = yield* FaultServer.make([FaultServer.logoutSuccess()])
      const tagged = Layer.effect(
        HttpClient.HttpClient,
        Effect.map(
          HttpClient.HttpClient,
          HttpClient.mapRequest(HttpClientRequest.setHeader("x-request-source", "uiza-sdk"))
        )
      ).pipe(Layer.provide(NodeUiza.makeHttpClientLayer()))
      yield* Effect.provide(
        User.logout(),
        Layer.merge(UizaConfig.layer({ workspaceApiDomain: uiza.url, authorization: TOKEN }), tagged)
      )
      expect(uiza.requests[0]?.headers["x-request-source"]).toBe("uiza-sdk")
    }))
})
