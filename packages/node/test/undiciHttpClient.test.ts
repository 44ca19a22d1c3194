/**
 * The preset's own undici client against a real HTTP server on 127.0.0.1:
 * every way of reading a response, every kind of request body, the errors of
 * @effect/platform with the same reasons as its NodeHttpClient, and
 * interruption closing the socket.
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it } from "@effect/vitest"
import { NodeUiza } from "@uiza-effect/node"
import * as Chunk from "effect/Chunk"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import * as FaultServer from "./support/faultServer.js"

interface Received {
  readonly method: string
  readonly url: string
  readonly headers: http.IncomingHttpHeaders
  readonly body: string
}

interface EchoServer {
  readonly url: string
  readonly received: Array<Received>
  /** Resolves when `count` client sockets have closed. */
  readonly closed: (count: number) => Promise<void>
}

// Routes: /echo answers what it received as JSON; /stall-headers never answers;
// /stall-body sends headers and a first chunk, then nothing; /cookie sets two cookies.
const startEchoServer: Effect.Effect<EchoServer, never, Scope.Scope> = Effect.acquireRelease(
  Effect.promise(() =>
    new Promise<EchoServer & { readonly server: http.Server }>((resolve) => {
      const received: Array<Received> = []
      let closes = 0
      const waiters: Array<{ count: number; resolve: () => void }> = []
      const server = http.createServer((request, response) => {
        const chunks: Array<Buffer> = []
        request.on("data", (chunk: Buffer) => chunks.push(chunk))
        request.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8")
          received.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body })
          switch (request.url) {
            case "/stall-headers":
              return
            case "/stall-body":
              response.writeHead(200, { "content-type": "text/plain", "content-length": "100" })
              response.write("first")
              return
            case "/cookie":
              response.writeHead(200, { "set-cookie": ["a=1; Path=/", "b=2; HttpOnly"] })
              response.end("ok")
              return
            case "/form":
              response.writeHead(200, { "content-type": "application/x-www-form-urlencoded" })
              response.end("name=uiza&kind=video")
              return
            default:
              response.writeHead(201, { "content-type": "application/json", "x-request-id": "abc" })
              response.end(JSON.stringify({ method: request.method, url: request.url, body }))
          }
        })
      })
      server.on("connection", (socket) =>
        socket.on("close", () => {
          closes++
          for (const waiter of waiters) if (closes >= waiter.count) waiter.resolve()
        }))
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo
        resolve({
          server,
          url: `http://127.0.0.1:${port}`,
          received,
          closed: (count) =>
            new Promise((resolve) => {
              if (closes >= count) resolve()
              else waiters.push({ count, resolve })
            })
        })
      })
    })
  ),
  ({ server }) =>
    Effect.promise(() =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
    )
)

const withClient = <A, E>(
  f: (client: HttpClient.HttpClient, server: EchoServer) => Effect.Effect<A, E, Scope.Scope>,
  layer: Layer.Layer<HttpClient.HttpClient> = NodeUiza.layerHttpClient
) =>
  Effect.gen(function*() {
    const server = yield* startEchoServer
    // Built in the test's scope: the pool lives until the test ends.
    const client = Context.get(yield* Layer.build(layer), HttpClient.HttpClient)
    return yield* f(client, server)
  })

describe("NodeUiza.layerHttpClient on a real socket", () => {
  it.scoped("reads status, headers, text and JSON", () =>
    withClient((client, server) =>
      Effect.gen(function*() {
        const response = yield* client.execute(
          HttpClientRequest.post(`${server.url}/echo?x=1`).pipe(HttpClientRequest.bodyText("hello"))
        )
        expect(response.status).toBe(201)
        expect(response.headers["x-request-id"]).toBe("abc")
        expect(yield* response.json).toEqual({ method: "POST", url: "/echo?x=1", body: "hello" })
        // The body is read once; text and JSON share that read.
        expect(JSON.parse(yield* response.text)).toEqual({ method: "POST", url: "/echo?x=1", body: "hello" })
      })
    ))

  it.scoped("reads bytes, a stream, URL parameters and cookies", () =>
    withClient((client, server) =>
      Effect.gen(function*() {
        const bytes = yield* Effect.flatMap(client.get(`${server.url}/echo`), (response) => response.arrayBuffer)
        expect(JSON.parse(new TextDecoder().decode(bytes))).toMatchObject({ method: "GET" })

        const chunks = yield* Effect.flatMap(
          client.get(`${server.url}/echo`),
          (response) => Stream.runCollect(response.stream)
        )
        const streamed = Buffer.concat(Chunk.toReadonlyArray(chunks)).toString("utf8")
        expect(JSON.parse(streamed)).toMatchObject({ method: "GET" })

        const params = yield* Effect.flatMap(client.get(`${server.url}/form`), (response) => response.urlParamsBody)
        expect(params).toEqual([["name", "uiza"], ["kind", "video"]])

        const withCookies = yield* client.get(`${server.url}/cookie`)
        expect(withCookies.cookies.cookies["a"]?.value).toBe("1")
        expect(withCookies.cookies.cookies["b"]?.options?.httpOnly).toBe(true)
        yield* withCookies.text
      })
    ))

  it.scoped("sends every kind of request body", () =>
    withClient((client, server) =>
      Effect.gen(function*() {
        const echo = (request: HttpClientRequest.HttpClientRequest) =>
          Effect.flatMap(client.execute(request), (response) => response.json)
        yield* echo(HttpClientRequest.del(`${server.url}/echo`))
        yield* echo(
          HttpClientRequest.post(`${server.url}/echo`).pipe(HttpClientRequest.bodyUint8Array(
            new TextEncoder().encode("bytes")
          ))
        )
        yield* echo(
          HttpClientRequest.post(`${server.url}/echo`).pipe(HttpClientRequest.bodyStream(
            Stream.make("str", "eam").pipe(Stream.encodeText)
          ))
        )
        const form = new FormData()
        form.set("field", "value")
        yield* echo(HttpClientRequest.post(`${server.url}/echo`).pipe(HttpClientRequest.bodyFormData(form)))

        expect(server.received.map(({ body, method }) => [method, body.includes("value") ? "form" : body])).toEqual([
          ["DELETE", ""],
          ["POST", "bytes"],
          ["POST", "stream"],
          ["POST", "form"]
        ])
      })
    ))

  it.scoped("sends exactly the request's headers: no trace headers, even with a span around it", () =>
    withClient((client, server) =>
      Effect.gen(function*() {
        yield* Effect.flatMap(
          client.execute(
            HttpClientRequest.get(`${server.url}/echo`).pipe(HttpClientRequest.setHeader("x-custom", "1"))
          ),
          (response) => response.text
        ).pipe(Effect.withSpan("outer"))
        const names = Object.keys(server.received[0]!.headers).sort()
        expect(names).toEqual(["connection", "host", "x-custom"])
      })
    ))

  it.scoped("fails like NodeHttpClient: an invalid URL, a refused connection, an undecodable body", () =>
    Effect.gen(function*() {
      const outcomes = (layer: Layer.Layer<HttpClient.HttpClient>) =>
        withClient(
          (client, server) =>
            Effect.gen(function*() {
              const invalid = yield* Effect.flip(client.get("http://exa mple.com/"))
              const refused = yield* Effect.flip(client.get(`${yield* FaultServer.closedPort}/`))
              const notJson = yield* Effect.flip(
                Effect.flatMap(client.get(`${server.url}/cookie`), (response) => response.json)
              )
              return [
                [invalid._tag, invalid.reason],
                [refused._tag, refused.reason, (refused.cause as { code?: string }).code],
                [notJson._tag, notJson.reason]
              ]
            }),
          layer
        )
      const ours = yield* outcomes(NodeUiza.layerHttpClient)
      const platform = yield* outcomes(NodeHttpClient.layerUndici)
      expect(ours).toEqual([
        ["RequestError", "InvalidUrl"],
        ["RequestError", "Transport", "ECONNREFUSED"],
        ["ResponseError", "Decode"]
      ])
      expect(ours).toEqual(platform)
    }))

  it.live("interrupting while waiting for the response closes the socket", () =>
    Effect.scoped(withClient((client, server) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(client.get(`${server.url}/stall-headers`))
        yield* Effect.promise(async () => {
          while (server.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
        })
        yield* Fiber.interrupt(fiber)
        yield* Effect.promise(() => server.closed(1))
      })
    )))

  it.live("interrupting while the body is read closes the socket", () =>
    Effect.scoped(withClient((client, server) =>
      Effect.gen(function*() {
        const response = yield* client.get(`${server.url}/stall-body`)
        expect(response.status).toBe(200)
        const fiber = yield* Effect.fork(response.text)
        yield* Effect.sleep("20 millis")
        yield* Fiber.interrupt(fiber)
        yield* Effect.promise(() => server.closed(1))
      })
    )))
})
