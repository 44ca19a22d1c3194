import { describe, expect, it } from "@effect/vitest"
import type { UizaError } from "@uiza-effect/core"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as http from "node:http"
import type * as net from "node:net"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { logoutError } from "../support/uiza.js"

const MiB = 1024 * 1024

interface Sent {
  written: number
  closed: boolean
}

// A server that streams `total` bytes of a JSON-looking body, as fast as the client reads it,
// and records how much it had written when the client hung up.
const streamingServer = (total: number, declareLength: boolean): Effect.Effect<
  { readonly url: string; readonly sent: Array<Sent> },
  never,
  Scope.Scope
> =>
  Effect.acquireRelease(
    Effect.promise(() =>
      new Promise<{ url: string; sent: Array<Sent>; server: http.Server }>((resolve) => {
        const sent: Array<Sent> = []
        const chunk = Buffer.alloc(64 * 1024, 0x61)
        const server = http.createServer((req, res) => {
          req.resume()
          const state: Sent = { written: 0, closed: false }
          sent.push(state)
          res.on("close", () => state.closed = true)
          res.writeHead(200, {
            "content-type": "application/json",
            ...(declareLength ? { "content-length": String(total) } : {})
          })
          const pump = () => {
            while (!res.destroyed && state.written < total) {
              state.written += chunk.length
              if (!res.write(chunk)) return void res.once("drain", pump)
            }
            if (!res.destroyed) res.end()
          }
          pump()
        })
        server.listen(
          0,
          "127.0.0.1",
          () => resolve({ url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, sent, server })
        )
      })
    ),
    ({ server }) =>
      Effect.promise(() =>
        new Promise<void>((done) => {
          server.closeAllConnections()
          server.close(() => done())
        })
      )
  )

const gc = () => {
  setFlagsFromString("--expose-gc")
  const collect = runInNewContext("gc") as () => void
  collect()
  collect()
}

const memory = () => {
  const usage = process.memoryUsage()
  return { rss: usage.rss, heap: usage.heapUsed + usage.external + usage.arrayBuffers }
}

// The highest memory use while `self` runs, above what it was before.
const peakGrowth = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    gc()
    const before = memory()
    const peak = { ...before }
    const sample = setInterval(() => {
      const now = memory()
      peak.rss = Math.max(peak.rss, now.rss)
      peak.heap = Math.max(peak.heap, now.heap)
    }, 2)
    const value = yield* Effect.ensuring(self, Effect.sync(() => clearInterval(sample)))
    return { value, rss: peak.rss - before.rss, heap: peak.heap - before.heap }
  })

const expectTooLarge = (error: UizaError.UizaError, limit: number) => {
  expect(error).toMatchObject({
    _tag: "ResponseTooLargeError",
    status: 200,
    limit,
    possiblyDelivered: true,
    retryable: false,
    attempts: 1
  })
}

describe("maxResponseBytes on a real socket", () => {
  it.scopedLive(
    "a 200 MB streamed reply is cut at 8 MiB: the socket closes, memory stays flat",
    () =>
      Effect.gen(function*() {
        const server = yield* streamingServer(200 * MiB, false)
        const { heap, rss, value: error } = yield* peakGrowth(logoutError(server.url, { maxRetries: 2 }))
        expectTooLarge(error, 8 * MiB)
        expect(server.sent).toHaveLength(1)
        // The client hung up long before the end: what was written is the limit plus socket buffers.
        yield* Effect.promise(() => waitFor(() => server.sent[0].closed))
        expect(server.sent[0].written).toBeLessThan(40 * MiB)
        expect(rss).toBeLessThan(100 * MiB)
        expect(heap).toBeLessThan(100 * MiB)
      }),
    { timeout: 60_000 }
  )

  it.scopedLive("a Content-Length over the limit fails before the body is read", () =>
    Effect.gen(function*() {
      const server = yield* streamingServer(200 * MiB, true)
      const error = yield* logoutError(server.url, { maxResponseBytes: 64 * 1024 })
      expectTooLarge(error, 64 * 1024)
      yield* Effect.promise(() => waitFor(() => server.sent[0].closed))
      expect(server.sent[0].written).toBeLessThan(40 * MiB)
    }), { timeout: 60_000 })

  it.scopedLive("per call, and a body within the limit is read as usual", () =>
    Effect.gen(function*() {
      const server = yield* streamingServer(3 * MiB, false)
      const tight = yield* logoutError(server.url, {}, { maxResponseBytes: MiB })
      expectTooLarge(tight, MiB)
      // Within the limit: read whole, then found not to be a Uiza reply.
      const within = yield* logoutError(server.url, { maxResponseBytes: MiB }, { maxResponseBytes: 4 * MiB })
      expect(within._tag).toBe("ResponseDecodeError")
    }), { timeout: 60_000 })

  it.scopedLive("no error keeps what was read of the body", () =>
    Effect.gen(function*() {
      const server = yield* streamingServer(64 * MiB, false)
      gc()
      const before = memory().heap
      const kept: Array<UizaError.UizaError> = []
      for (let i = 0; i < 6; i++) kept.push(yield* logoutError(server.url))
      gc()
      for (const error of kept) expectTooLarge(error, 8 * MiB)
      // Each error pinning its 8 MiB would be 48 MiB.
      expect(memory().heap - before).toBeLessThan(8 * MiB)
    }), { timeout: 60_000 })
})

const waitFor = (ready: () => boolean, timeoutMs = 10_000) =>
  new Promise<void>((resolve, reject) => {
    const started = Date.now()
    const tick = () => {
      if (ready()) return resolve()
      if (Date.now() - started > timeoutMs) return reject(new Error("timed out"))
      setTimeout(tick, 5)
    }
    tick()
  })
