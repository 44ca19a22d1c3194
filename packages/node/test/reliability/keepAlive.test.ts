import { describe, expect, it } from "@effect/vitest"
import { UizaConfig, UizaError, User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as net from "node:net"
import { TOKEN } from "../support/uiza.js"

const LOGOUT_BODY = JSON.stringify({
  data: { message: "Logout success" },
  version: 3,
  requestId: "0f5c7a46-7a1d-4c62-9a5f-6b0d8f3d2b11",
  message: "OK",
  code: 200,
  type: "SUCCESS"
})

interface IdleClosingServer {
  readonly url: string
  readonly requests: () => number
  readonly connections: () => number
}

/**
 * A raw HTTP server on 127.0.0.1 that keeps connections alive but closes a
 * socket once it has been idle for `idleMs` after its last reply, and sends
 * `keepAliveHint` as its `Keep-Alive` header, if any (most servers send none).
 */
const idleClosingServer = (
  idleMs: number,
  keepAliveHint?: string
): Effect.Effect<IdleClosingServer, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.promise(() =>
      new Promise<{ server: net.Server; sockets: Set<net.Socket>; info: IdleClosingServer }>((resolve) => {
        const sockets = new Set<net.Socket>()
        let requests = 0
        let connections = 0
        const reply = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n" +
          (keepAliveHint === undefined ? "" : `keep-alive: ${keepAliveHint}\r\n`) +
          `content-length: ${Buffer.byteLength(LOGOUT_BODY)}\r\n\r\n${LOGOUT_BODY}`
        const server = net.createServer((socket) => {
          connections++
          sockets.add(socket)
          socket.on("close", () => sockets.delete(socket))
          socket.on("error", () => {})
          let idle: NodeJS.Timeout | undefined
          let received = ""
          socket.on("data", (chunk) => {
            clearTimeout(idle)
            received += chunk.toString("latin1")
            while (received.includes("\r\n\r\n")) {
              received = received.slice(received.indexOf("\r\n\r\n") + 4)
              requests++
              socket.write(reply, () => {
                idle = setTimeout(() => socket.end(), idleMs)
              })
            }
          })
        })
        server.listen(0, "127.0.0.1", () => {
          const port = (server.address() as net.AddressInfo).port
          resolve({
            server,
            sockets,
            info: { url: `http://127.0.0.1:${port}`, requests: () => requests, connections: () => connections }
          })
        })
      })
    ),
    ({ server, sockets }) =>
      Effect.promise(() =>
        new Promise<void>((done) => {
          for (const socket of sockets) socket.destroy()
          server.close(() => done())
        })
      )
  ).pipe(Effect.map(({ info }) => info))

const CALLS = 100

describe("keep-alive against a server that closes idle sockets, on a real socket", () => {
  it.scopedLive(
    `${CALLS} logouts spaced about the server's idle timeout of 200 ms, keep-alive below it: none fails`,
    () =>
      Effect.gen(function*() {
        const server = yield* idleClosingServer(200)
        const outcomes = yield* Effect.forEach(
          Array.from({ length: CALLS }),
          // Spaced from 155 to 205 ms, so that some would reuse a socket just as the server closes
          // it; every fourth after 20 ms, so that a socket is reused too.
          (_, i) => Effect.zipLeft(Effect.either(User.logout()), Effect.sleep(i % 4 === 3 ? 20 : 155 + (i % 11) * 5))
        ).pipe(
          Effect.provide([
            NodeUiza.makeHttpClientLayer({ keepAliveTimeout: "100 millis" }),
            UizaConfig.layer({ workspaceApiDomain: server.url, authorization: TOKEN })
          ])
        )
        const failures = outcomes.filter((outcome) => outcome._tag === "Left")
        console.log(`${CALLS} calls: ${failures.length} failed, ${server.connections()} connections`)
        expect(failures).toEqual([])
        expect(server.requests()).toBe(CALLS)
        expect(server.connections()).toBeLessThan(CALLS)
      }),
    { timeout: 120_000 }
  )

  it.effect("keepAliveTimeout out of range fails the layer with a UizaConfigError", () =>
    Effect.gen(function*() {
      for (
        const [keepAliveTimeout, problem] of [
          [0, "must be longer than zero"],
          ["soon", "is not a duration"],
          ["1 hour", "must be at most 10m"],
          [Number.NaN, "must be longer than zero"]
        ] as const
      ) {
        // From untyped JavaScript, a string that is no duration at all.
        const options = { keepAliveTimeout } as NodeUiza.PoolOptions
        const error = yield* Layer.build(NodeUiza.makeHttpClientLayer(options)).pipe(
          Effect.scoped,
          Effect.flip
        )
        expect(error).toBeInstanceOf(UizaError.UizaConfigError)
        expect(error).toMatchObject({ setting: "keepAliveTimeout" })
        expect(error.message).toContain(problem)
      }
      yield* Layer.build(NodeUiza.makeHttpClientLayer({ keepAliveTimeout: "10 minutes" })).pipe(Effect.scoped)
    }))
})
