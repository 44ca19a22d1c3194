import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as net from "node:net"

/** A logout success body, as the API sends it. */
export const LOGOUT_BODY = JSON.stringify({
  data: { message: "Logout success" },
  version: 3,
  requestId: "0f5c7a46-7a1d-4c62-9a5f-6b0d8f3d2b11",
  message: "OK",
  code: 200,
  type: "SUCCESS"
})

export interface RawServer {
  readonly url: string
  /** Requests whose head arrived. */
  readonly requests: () => number
  /** Sockets accepted. */
  readonly connections: () => number
}

/** What a raw server does on one socket: once per request head it reads, and before each chunk arrives. */
export interface RawConnection {
  readonly onRequest: () => void | Promise<void>
  readonly onData?: () => void
}

/**
 * A raw TCP server on 127.0.0.1 for bodiless requests (a logout), written by
 * hand where a socket's exact bytes or timing matter. `connection` sets up
 * each accepted socket; every socket is destroyed when the scope closes.
 */
export const rawServer = (
  connection: (socket: net.Socket) => RawConnection
): Effect.Effect<RawServer, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.promise(() =>
      new Promise<{ server: net.Server; sockets: Set<net.Socket>; info: RawServer }>((resolve) => {
        const sockets = new Set<net.Socket>()
        let requests = 0
        let connections = 0
        const server = net.createServer((socket) => {
          connections++
          sockets.add(socket)
          socket.on("close", () => sockets.delete(socket))
          socket.on("error", () => {})
          const handler = connection(socket)
          let received = ""
          socket.on("data", async (chunk) => {
            handler.onData?.()
            received += chunk.toString("latin1")
            while (received.includes("\r\n\r\n")) {
              received = received.slice(received.indexOf("\r\n\r\n") + 4)
              requests++
              await handler.onRequest()
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
