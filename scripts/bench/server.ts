/**
 * The loopback server of the benchmarks, run in its own process so that the
 * client being measured does not share an event loop with it.
 *
 *   node --conditions=source --import tsx scripts/bench/server.ts [--mode=minimal|emulation] [--port=0]
 *
 * - `minimal` (default): a bare `node:http` server that answers, when an
 *   `Authorization` header is present (401 otherwise),
 *   `POST /api/public/v3/admin/user/logout` with the documented success
 *   envelope, `GET /api/public/v3/admin/user?id=` with one user, and
 *   `GET /api/public/v3/admin/user?page=&limit=` with a page of `limit`
 *   users (at most 100) of a total of 1,000.
 * - `emulation`: the project's own `UizaServer` emulation (Effect HTTP
 *   server), with every token that logs out accepted again at once, so one
 *   token serves the whole run.
 *
 * Prints one line `{"port":N}` on stdout once listening; stops on SIGTERM,
 * SIGINT or when stdin closes.
 */
import { createServer } from "node:http"
import * as UizaServer from "../../packages/server/src/UizaServer.ts"
import { userWire } from "./replies.ts"

const arg = (name: string, fallback: string): string => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`))
  return found === undefined ? fallback : found.slice(name.length + 3)
}

const mode = arg("mode", "minimal")
const port = Number(arg("port", "0"))
const logoutPath = UizaServer.logoutPath

const ready = (p: number) => process.stdout.write(`${JSON.stringify({ port: p, mode, pid: process.pid })}\n`)

const stopOn = (stop: () => void) => {
  process.on("SIGTERM", stop)
  process.on("SIGINT", stop)
  process.stdin.on("end", stop)
  process.stdin.on("close", stop)
  process.stdin.resume()
}

if (mode === "minimal") {
  const total = 1_000
  const pageBody = (page: number, limit: number) => {
    const data = Array.from({ length: limit }, (_, i) => userWire((page - 1) * limit + i))
    return JSON.stringify(UizaServer.successEnvelope({ data, metadata: { total, result: limit, page, limit } }))
  }
  const pages = new Map<string, string>()
  const answer = (method: string | undefined, target: string): string | undefined => {
    const url = new URL(target, "http://127.0.0.1")
    if (method === "POST" && url.pathname === logoutPath) return JSON.stringify(UizaServer.logoutSuccessEnvelope())
    if (method !== "GET" || url.pathname !== UizaServer.paths.user) return undefined
    const id = url.searchParams.get("id")
    if (id !== null) return JSON.stringify(UizaServer.successEnvelope({ data: { ...userWire(1), id } }))
    const page = Math.max(1, Number(url.searchParams.get("page") ?? "1") || 1)
    const limit = Math.min(100, Math.max(1, Number(url.searchParams.get("limit") ?? "20") || 20))
    const key = `${page}/${limit}`
    const body = pages.get(key) ?? pageBody(page, limit)
    pages.set(key, body)
    return body
  }
  const server = createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const found = typeof req.headers.authorization === "string" ? answer(req.method, req.url ?? "") : undefined
      const status = found === undefined ? 401 : 200
      const body = found ?? JSON.stringify(UizaServer.errorEnvelope(401, "Unauthorized"))
      res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) })
      res.end(body)
    })
  })
  server.keepAliveTimeout = 60_000
  server.listen(port, "127.0.0.1", () => {
    const address = server.address()
    ready(typeof address === "object" && address !== null ? address.port : port)
  })
  stopOn(() => server.close(() => process.exit(0)))
} else if (mode === "emulation") {
  const { UizaServer } = await import("../../packages/server/src/index.ts")
  const NodeHttpServer = await import("@effect/platform-node/NodeHttpServer")
  const HttpServerRequest = await import("@effect/platform/HttpServerRequest")
  const Headers = await import("@effect/platform/Headers")
  const { Effect, Layer, Option } = await import("effect")
  const { HttpServer } = await import("@effect/platform")

  const emulation = UizaServer.make({ tokens: [] })
  // Accept the caller's token again before the emulation revokes it.
  const app = Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => {
    const token = Headers.get(request.headers, "authorization")
    if (Option.isSome(token)) emulation.addToken(token.value)
    return emulation.app
  })
  const server = createServer()
  server.keepAliveTimeout = 60_000
  const main = Layer.launch(
    HttpServer.serve(app).pipe(
      Layer.provide(NodeHttpServer.layer(() => server, { port, host: "127.0.0.1" }))
    )
  )
  server.on("listening", () => {
    const address = server.address()
    ready(typeof address === "object" && address !== null ? address.port : port)
  })
  stopOn(() => process.exit(0))
  Effect.runFork(main)
} else {
  process.stderr.write(`unknown mode ${mode}\n`)
  process.exit(2)
}
