import { describe, expect, it } from "@effect/vitest"
import { UizaConfig, type UizaError, User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as net from "node:net"
import * as FaultServer from "../support/faultServer.js"
import { TOKEN } from "../support/uiza.js"

const CALLS = 200

describe("what an error says about delivery, on a real socket", () => {
  it.scopedLive(
    `${CALLS} concurrent calls on a pool of 2 against a slow server: a call that waited in the queue says it was not sent`,
    () =>
      Effect.gen(function*() {
        // Every reply takes 400 ms: in a 1 s timeout, a pool of 2 sockets carries a handful of requests.
        const server = yield* FaultServer.make([{ ...FaultServer.errorEnvelope(404), delayMs: 400 }])
        const ids = Array.from({ length: CALLS }, (_, i) => `user-${i}`)
        const outcomes = yield* Effect.forEach(
          ids,
          (id) => Effect.map(Effect.flip(User.retrieve(id)), (error) => ({ id, error })),
          { concurrency: "unbounded" }
        ).pipe(
          Effect.provide([
            NodeUiza.makeHttpClientLayer({ connections: 2 }),
            UizaConfig.layer({
              workspaceApiDomain: server.url,
              authorization: TOKEN,
              timeout: "1 second",
              maxRetries: 0
            })
          ])
        )
        // Anything written before the pool closed has reached the server by now.
        yield* Effect.sleep("200 millis")
        const received = new Set(
          server.requests.map((request) => new URL(request.url, server.url).searchParams.get("id"))
        )

        const delivered = (error: UizaError.UizaError) => !("possiblyDelivered" in error) || error.possiblyDelivered
        const notSent = outcomes.filter(({ error }) => !delivered(error))
        const maybeSent = outcomes.filter(({ error }) => delivered(error))
        console.log(
          `${CALLS} calls: ${received.size} requests received, ${maybeSent.length} errors possibly delivered, ${notSent.length} not sent`
        )
        // Not sent means not received.
        expect(notSent.filter(({ id }) => received.has(id))).toEqual([])
        expect(maybeSent.length).toBeLessThanOrEqual(received.size)
        // Every request the server never saw was either reported as not sent or is among the
        // few that were written as the time ran out.
        expect(notSent.length).toBeGreaterThanOrEqual(CALLS - 2 * received.size)
        for (const { error } of notSent) {
          expect(error._tag).toBe("TimeoutError")
          expect(error.message).toContain("waiting for a free connection")
          expect(error.message).toContain("the request was not sent")
          expect(error.attempts).toBe(1)
        }
      }),
    { timeout: 60_000 }
  )

  it.scopedLive(
    "a connection that fails before the request is written: not delivered, and retried, even a create",
    () =>
      Effect.gen(function*() {
        // Accepts TCP and resets it at once: the TLS handshake fails with ECONNRESET, before
        // undici writes anything.
        const server = yield* resettingServer
        const error = yield* User.create({
          username: "ada",
          email: "ada@example.com",
          password: "correct-horse-battery",
          status: "active"
        }).pipe(
          Effect.flip,
          Effect.provide(NodeUiza.layer({
            workspaceApiDomain: `https://127.0.0.1:${server.port}`,
            authorization: TOKEN,
            maxRetries: 2
          }))
        )
        expect(error).toMatchObject({
          _tag: "ConnectionError",
          reason: "ECONNRESET",
          possiblyDelivered: false,
          retryable: true,
          attempts: 3
        })
        expect(server.connections()).toBe(3)
      }),
    { timeout: 30_000 }
  )
})

const resettingServer: Effect.Effect<{ port: number; connections: () => number }, never, Scope.Scope> = Effect
  .acquireRelease(
    Effect.promise(() =>
      new Promise<{ server: net.Server; port: number; connections: () => number }>((resolve) => {
        let connections = 0
        const server = net.createServer((socket) => {
          connections++
          socket.resetAndDestroy()
        })
        server.listen(0, "127.0.0.1", () =>
          resolve({
            server,
            port: (server.address() as net.AddressInfo).port,
            connections: () => connections
          }))
      })
    ),
    ({ server }) => Effect.promise(() => new Promise<void>((done) => server.close(() => done())))
  )
