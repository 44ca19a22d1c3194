import { describe, expect, it } from "@effect/vitest"
import { UizaConfig, UizaError, User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { LOGOUT_BODY, rawServer } from "../support/rawServer.js"
import { TOKEN } from "../support/uiza.js"

/**
 * A raw HTTP server on 127.0.0.1 that keeps connections alive but closes a
 * socket once it has been idle for `idleMs` after its last reply, and sends
 * `keepAliveHint` as its `Keep-Alive` header, if any (most servers send none).
 */
const idleClosingServer = (idleMs: number, keepAliveHint?: string) => {
  const reply = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n" +
    (keepAliveHint === undefined ? "" : `keep-alive: ${keepAliveHint}\r\n`) +
    `content-length: ${Buffer.byteLength(LOGOUT_BODY)}\r\n\r\n${LOGOUT_BODY}`
  return rawServer((socket) => {
    let idle: NodeJS.Timeout | undefined
    return {
      onData: () => clearTimeout(idle),
      onRequest: () => {
        socket.write(reply, () => {
          idle = setTimeout(() => socket.end(), idleMs)
        })
      }
    }
  })
}

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
