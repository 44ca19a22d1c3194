import { describe, expect, it } from "@effect/vitest"
import { UizaConfig, User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import { NodeUizaServer } from "@uiza-effect/server"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { performance } from "node:perf_hooks"
import * as FaultServer from "../support/faultServer.js"

const CALLS = 5_000
const CONCURRENCY = 100

describe("load", () => {
  it.scopedLive(
    `${CALLS} logouts, ${CONCURRENCY} at a time, all succeed and leave no socket open`,
    () =>
      Effect.gen(function*() {
        const tokens = Array.from({ length: CALLS }, NodeUizaServer.randomToken)
        const server = yield* NodeUizaServer.start({ tokens })
        // Counts the client's connections in front of the server.
        const proxy = yield* FaultServer.tcpProxy(server.port)

        const started = performance.now()
        let busiest = 0
        const messages = yield* Effect.scoped(Effect.gen(function*() {
          // One client (one pool) for every call, as a program would have.
          const client = yield* Layer.build(NodeUiza.layerHttpClient)
          return yield* Effect.forEach(tokens, (token) =>
            UizaConfig.make({ workspaceApiDomain: proxy.url, authorization: token }).pipe(
              Effect.flatMap((settings) =>
                User.logout().pipe(Effect.provideService(UizaConfig.UizaConfig, settings), Effect.provide(client))
              ),
              Effect.map((result) => {
                busiest = Math.max(busiest, proxy.openConnections())
                return result.message
              })
            ), { concurrency: CONCURRENCY })
        }))
        const elapsed = performance.now() - started

        expect(messages.length).toBe(CALLS)
        expect(messages.every((message) =>
          message === "Logout success"
        )).toBe(true)
        expect(tokens.some(server.isValid)).toBe(false)
        // The pool is bounded: more concurrent calls than sockets wait for a free one.
        expect(busiest).toBeGreaterThan(0)
        expect(busiest).toBeLessThanOrEqual(NodeUiza.defaultConnections)
        // The layer's scope is closed: its pool has hung up every connection.
        yield* FaultServer.eventually(
          () =>
            proxy.openConnections() === 0,
          5_000,
          "every client socket to close"
        )
        console.log(
          `${CALLS} logouts (concurrency ${CONCURRENCY}) in ${
            elapsed.toFixed(0)
          } ms; ${proxy.connections()} connections opened, at most ${busiest} open at once; 0 open after the scope closed`
        )
      }),
    { timeout: 120_000 }
  )
})
