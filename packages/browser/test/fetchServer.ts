import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

/** What the raw server saw, for the tests to read back (GET /log). */
export interface ServerLog {
  /** Every request but preflights and /log itself: method, path and the headers as received. */
  readonly requests: Array<
    { readonly method: string; readonly path: string; readonly headers: IncomingMessage["headers"] }
  >
  /** The `access-control-request-headers` of every CORS preflight. */
  readonly preflightHeaders: Array<string>
  /** Paths of the requests whose connection closed before the response was complete. */
  readonly aborted: Array<string>
}

const cors = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "x-test"
}

// A plain HTTP server with the answers the fetch client is tested against: JSON, any status,
// a redirect, bodies that never end, and a log of what it received. Every answer allows CORS,
// as the tests run on another origin.
const handle = (log: ServerLog) => (req: IncomingMessage, res: ServerResponse) => {
  const url = new URL(req.url ?? "/", "http://localhost")
  const path = url.pathname
  if (req.method === "OPTIONS") {
    log.preflightHeaders.push(req.headers["access-control-request-headers"] ?? "")
    res.writeHead(204, {
      ...cors,
      "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS",
      "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "",
      "access-control-max-age": "0"
    })
    res.end()
    return
  }
  if (path === "/log") {
    res.writeHead(200, { ...cors, "content-type": "application/json" })
    res.end(JSON.stringify(log))
    return
  }
  if (path === "/reset") {
    log.requests.length = 0
    log.preflightHeaders.length = 0
    log.aborted.length = 0
    res.writeHead(204, cors)
    res.end()
    return
  }
  log.requests.push({ method: req.method ?? "", path, headers: req.headers })
  // Recorded when the client goes away before the answer is complete (an aborted fetch).
  res.on("close", () => {
    if (!res.writableFinished) log.aborted.push(path)
  })
  const body: Array<Buffer> = []
  req.on("data", (chunk: Buffer) => body.push(chunk))
  req.on("end", () => {
    const status = /^\/status\/(\d{3})$/.exec(path)
    if (path === "/json") {
      res.writeHead(200, { ...cors, "content-type": "application/json", "x-test": "yes", "set-cookie": "a=b" })
      res.end(JSON.stringify({ ok: true, method: req.method, body: Buffer.concat(body).toString("utf8") }))
    } else if (status) {
      res.writeHead(Number(status[1]), { ...cors, "content-type": "text/plain" })
      res.end(`status ${status[1]}`)
    } else if (path === "/redirect" || path === "/api/public/v3/admin/user/logout") {
      res.writeHead(302, { ...cors, location: "/json" })
      res.end()
    } else if (path === "/not-json") {
      res.writeHead(200, { ...cors, "content-type": "application/json" })
      res.end("{not json")
    } else if (path === "/form") {
      res.writeHead(200, { ...cors, "content-type": "application/x-www-form-urlencoded" })
      res.end("a=1&b=2")
    } else if (path === "/stream") {
      res.writeHead(200, { ...cors, "content-type": "text/plain" })
      const parts = ["one,", "two,", "three"]
      const next = () => {
        const part = parts.shift()
        if (part === undefined) return res.end()
        res.write(part)
        setTimeout(next, 20)
      }
      next()
    } else if (path === "/big") {
      // `bytes` of a body, as fast as the client reads it; with `declare`, a Content-Length too.
      const total = Number(url.searchParams.get("bytes"))
      res.writeHead(200, {
        ...cors,
        "content-type": "application/json",
        ...(url.searchParams.has("declare") ? { "content-length": String(total) } : {})
      })
      const chunk = Buffer.alloc(64 * 1024, 0x61)
      let written = 0
      const pump = () => {
        while (!res.destroyed && written < total) {
          const part = chunk.subarray(0, Math.min(chunk.length, total - written))
          written += part.length
          if (!res.write(part)) return void res.once("drain", pump)
        }
        if (!res.destroyed) res.end()
      }
      pump()
    } else if (path === "/hang" || (path === "/api/public/v3/admin/user" && url.searchParams.get("id") === "hang")) {
      // Never answers.
    } else if (path === "/api/public/v3/admin/user" && url.searchParams.get("id") === "endless") {
      // A user's reply that starts, then never ends.
      res.writeHead(200, { ...cors, "content-type": "application/json" })
      res.write("{\"data\":")
      const timer = setInterval(() => res.write(" "), 50)
      res.on("close", () => clearInterval(timer))
    } else if (path === "/endless") {
      // Headers and a first chunk, then a chunk now and then, forever.
      res.writeHead(200, { ...cors, "content-type": "text/plain" })
      res.write("first chunk\n")
      const timer = setInterval(() => res.write("more\n"), 50)
      res.on("close", () => clearInterval(timer))
    } else if (path === "/empty") {
      res.writeHead(204, cors)
      res.end()
    } else {
      res.writeHead(404, { ...cors, "content-type": "text/plain" })
      res.end("not found")
    }
  })
}

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
  )

// A server that answers everything, preflights included, without any CORS header: what a
// workspace that does not allow the page's origin looks like to a browser.
const withoutCors = (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(204)
  res.end()
}

/**
 * Starts the raw server; also returns the URL of a port nothing listens on (for network
 * failures) and of a server that allows no cross-origin call.
 */
export const startFetchServer = async () => {
  const log: ServerLog = { requests: [], preflightHeaders: [], aborted: [] }
  const server = createServer(handle(log))
  const url = await listen(server)
  const noCors = createServer(withoutCors)
  const noCorsUrl = await listen(noCors)
  const closed = createServer()
  const deadUrl = await listen(closed)
  await new Promise<void>((resolve) => closed.close(() => resolve()))
  return {
    url,
    deadUrl,
    noCorsUrl,
    close: () =>
      Promise.all([server, noCors].map((each) =>
        new Promise<void>((resolve) => {
          each.closeAllConnections()
          each.close(() => resolve())
        })
      )).then(() => undefined)
  }
}
