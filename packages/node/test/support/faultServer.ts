/**
 * A fault-injecting HTTP server on 127.0.0.1 for the reliability tests.
 *
 * Each request takes the next step of a script: a normal reply, a reset
 * before or after the request was read, headers followed by a stalled body,
 * half a body then a close, no reply at all. The server records every
 * request (time, headers) and every client socket that closes (time), so a
 * test can count attempts and measure how fast a cancelled call hangs up.
 *
 * Servers are scoped: they close, with every socket, when the test's scope does.
 */
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as http from "node:http"
import * as net from "node:net"
import { performance } from "node:perf_hooks"

/** What the server does with one request. */
export type Step =
  /** A complete reply, after an optional delay. */
  | {
    readonly _tag: "Reply"
    readonly status: number
    readonly headers?: Readonly<Record<string, string>> | undefined
    readonly body?: string | Uint8Array | undefined
    readonly delayMs?: number | undefined
  }
  /** A TCP reset as soon as the connection opens, before anything is read. */
  | { readonly _tag: "ResetBeforeRead" }
  /** The whole request is read, then the connection is reset without a reply. */
  | { readonly _tag: "ResetAfterRead" }
  /** The request is read and never answered (until the client hangs up). */
  | { readonly _tag: "StallBeforeHeaders" }
  /** Headers and a first chunk are sent, then nothing more. */
  | {
    readonly _tag: "StallBody"
    readonly status: number
    readonly headers?: Readonly<Record<string, string>> | undefined
    readonly firstChunk: string
  }
  /** `Content-Length` announces `body`, half of it is sent, then the socket is destroyed. */
  | {
    readonly _tag: "HalfBody"
    readonly status: number
    readonly headers?: Readonly<Record<string, string>> | undefined
    readonly body: string
  }

/** A complete reply. */
export type ReplyStep = Extract<Step, { readonly _tag: "Reply" }>

/** The steps of successive requests; the last one repeats. A function sees the request's index. */
export type Script = ReadonlyArray<Step> | ((index: number, request: RecordedRequest) => Step)

export interface RecordedRequest {
  readonly index: number
  /** `performance.now()` when the request's headers arrived. */
  readonly at: number
  readonly method: string
  readonly url: string
  readonly headers: http.IncomingHttpHeaders
}

export interface FaultServer {
  /** `http://127.0.0.1:<port>`, usable as `workspaceApiDomain`. */
  readonly url: string
  readonly port: number
  /** Every request (or reset-before-read connection), in order. */
  readonly requests: ReadonlyArray<RecordedRequest>
  /** `performance.now()` of every client socket that closed. */
  readonly closes: ReadonlyArray<number>
  /** Client sockets currently open. */
  readonly openSockets: () => number
  /** Every socket ever accepted. */
  readonly connections: () => number
  /** Resolves once `count` requests have arrived. */
  readonly waitForRequests: (count: number, timeoutMs?: number) => Promise<void>
  /** Resolves with the close time of the first socket closing after `since`. */
  readonly waitForClose: (since: number, timeoutMs?: number) => Promise<number>
}

/** A JSON reply in the Uiza envelope. */
export const json = (
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {}
): ReplyStep => ({
  _tag: "Reply",
  status,
  headers: { "content-type": "application/json", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body)
})

/** The documented logout success. */
export const logoutSuccess = (requestId = "0f5c7a46-7a1d-4c62-9a5f-6b0d8f3d2b11"): ReplyStep =>
  json(200, {
    data: { message: "Logout success" },
    version: 3,
    datetime: "2018-06-22T19:03:47.686Z",
    policy: "public",
    requestId,
    serviceName: "api",
    message: "OK",
    code: 200,
    type: "SUCCESS"
  })

/** An error envelope for `status`. */
export const errorEnvelope = (status: number, headers: Readonly<Record<string, string>> = {}): ReplyStep =>
  json(status, {
    code: status,
    type: "ERROR",
    message: `error ${status}`,
    data: null,
    requestId: "7d8a1f2e-0000-4000-8000-000000000000"
  }, headers)

const poll = (ready: () => boolean, timeoutMs: number, what: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    const tick = () => {
      if (ready()) return resolve()
      if (performance.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`))
      setTimeout(tick, 2)
    }
    tick()
  })

const stepOf = (script: Script, index: number, request: RecordedRequest): Step =>
  typeof script === "function" ? script(index, request) : script[Math.min(index, script.length - 1)]

/**
 * Starts a server that follows `script`; it closes with the scope. `port`
 * (a free one by default) lets a test open a port that refused connections
 * a moment before.
 */
export const make = (script: Script, options: { readonly port?: number } = {}): Effect.Effect<
  FaultServer,
  never,
  Scope.Scope
> =>
  Effect.acquireRelease(Effect.promise(() => start(script, options.port ?? 0)), ({ close }) => Effect.promise(close))
    .pipe(
      Effect.map(({ server }) => server)
    )

const start = (script: Script, listenPort: number) =>
  new Promise<{ server: FaultServer; close: () => Promise<void> }>((resolve) => {
    const requests: Array<RecordedRequest> = []
    const closes: Array<number> = []
    const sockets = new Set<net.Socket>()
    let connections = 0
    const timers = new Set<NodeJS.Timeout>()
    const later = (ms: number, f: () => void) => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        f()
      }, ms)
      timers.add(timer)
    }

    const record = (
      req: { method?: string | undefined; url?: string | undefined; headers: http.IncomingHttpHeaders }
    ) => {
      const entry: RecordedRequest = {
        index: requests.length,
        at: performance.now(),
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers
      }
      requests.push(entry)
      return entry
    }

    const server = http.createServer({ keepAlive: true }, (req, res) => {
      const entry = record(req)
      const step = stepOf(script, entry.index, entry)
      const readAll = (then: () => void) => {
        req.resume()
        if (req.complete) then()
        else req.once("end", then)
      }
      switch (step._tag) {
        case "Reply": {
          readAll(() => {
            const send = () => {
              if (res.destroyed) return
              res.writeHead(step.status, step.headers)
              res.end(step.body ?? "")
            }
            if (step.delayMs === undefined) send()
            else later(step.delayMs, send)
          })
          return
        }
        case "ResetBeforeRead":
        case "ResetAfterRead":
          readAll(() => req.socket.resetAndDestroy())
          return
        case "StallBeforeHeaders":
          readAll(() => {})
          return
        case "StallBody":
          readAll(() => {
            res.writeHead(step.status, { "content-length": "100000", ...step.headers })
            res.write(step.firstChunk)
          })
          return
        case "HalfBody":
          readAll(() => {
            const bytes = Buffer.from(step.body)
            res.writeHead(step.status, { "content-length": String(bytes.length), ...step.headers })
            res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => {
              later(5, () => req.socket.destroy())
            })
          })
          return
      }
    })

    server.on("connection", (socket: net.Socket) => {
      connections++
      sockets.add(socket)
      socket.on("close", () => {
        sockets.delete(socket)
        closes.push(performance.now())
      })
      // A reset before the request is read can only be decided per connection.
      const peekIndex = requests.length
      const peek = typeof script === "function"
        ? undefined
        : script[Math.min(peekIndex, script.length - 1)]
      if (peek?._tag === "ResetBeforeRead") {
        record({ method: "?", url: "?", headers: {} })
        socket.resetAndDestroy()
      }
    })
    server.keepAliveTimeout = 5_000

    server.listen(listenPort, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port
      resolve({
        server: {
          url: `http://127.0.0.1:${port}`,
          port,
          requests,
          closes,
          openSockets: () => sockets.size,
          connections: () => connections,
          waitForRequests: (count, timeoutMs = 10_000) =>
            poll(() => requests.length >= count, timeoutMs, `${count} request(s)`),
          waitForClose: async (since, timeoutMs = 10_000) => {
            await poll(() => closes.some((at) => at >= since), timeoutMs, "a socket to close")
            return closes.find((at) => at >= since)!
          }
        },
        close: () =>
          new Promise<void>((done) => {
            for (const timer of timers) clearTimeout(timer)
            for (const socket of sockets) socket.destroy()
            server.close(() => done())
          })
      })
    })
  })

/** The origin of a port on 127.0.0.1 that nothing listens on: connections are refused. */
export const closedPort: Effect.Effect<string> = Effect.promise(() =>
  new Promise<string>((resolve) => {
    const probe = net.createServer()
    probe.listen(0, "127.0.0.1", () => {
      const port = (probe.address() as net.AddressInfo).port
      probe.close(() => resolve(`http://127.0.0.1:${port}`))
    })
  })
)

export interface TcpProxy {
  readonly url: string
  /** Client connections currently open. */
  readonly openConnections: () => number
  /** Client connections accepted since the start. */
  readonly connections: () => number
}

/**
 * A TCP forwarder in front of `target` (a `host:port`) that counts the
 * client connections it holds: a way to count open client sockets in front
 * of a server one does not control.
 */
export const tcpProxy = (targetPort: number): Effect.Effect<TcpProxy, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.promise(() =>
      new Promise<{ proxy: TcpProxy; close: () => Promise<void> }>((resolve) => {
        const clients = new Set<net.Socket>()
        const upstreams = new Set<net.Socket>()
        let connections = 0
        const server = net.createServer((client) => {
          connections++
          clients.add(client)
          const upstream = net.connect(targetPort, "127.0.0.1")
          upstreams.add(upstream)
          client.pipe(upstream)
          upstream.pipe(client)
          const closeBoth = () => {
            client.destroy()
            upstream.destroy()
          }
          client.on("error", closeBoth)
          upstream.on("error", closeBoth)
          client.on("close", () => {
            clients.delete(client)
            upstream.destroy()
          })
          upstream.on("close", () => {
            upstreams.delete(upstream)
            client.end()
          })
        })
        server.listen(0, "127.0.0.1", () => {
          const port = (server.address() as net.AddressInfo).port
          resolve({
            proxy: {
              url: `http://127.0.0.1:${port}`,
              openConnections: () => clients.size,
              connections: () => connections
            },
            close: () =>
              new Promise<void>((done) => {
                for (const socket of [...clients, ...upstreams]) socket.destroy()
                server.close(() => done())
              })
          })
        })
      })
    ),
    ({ close }) => Effect.promise(close)
  ).pipe(Effect.map(({ proxy }) => proxy))

/** Waits (polling) until `ready` holds, failing after `timeoutMs`. */
export const eventually = (ready: () => boolean, timeoutMs = 5_000, what = "a condition"): Effect.Effect<void> =>
  Effect.promise(() => poll(ready, timeoutMs, what))
