/**
 * Runs the local Uiza server until Ctrl-C, for trying the browser example
 * (or any client) by hand. It prints its URL and a few valid tokens; each
 * token works for one logout.
 *
 *   node --conditions=source --import tsx examples/local-api.ts [port]
 */
import { NodeUizaServer } from "@uiza-effect/server"
import { Console, Effect } from "effect"

const port = Number(process.argv[2] ?? 8787)
const tokens = Array.from({ length: 3 }, () => NodeUizaServer.randomToken())

const program = Effect.scoped(
  Effect.gen(function*() {
    const server = yield* NodeUizaServer.start({ port, tokens })
    yield* Console.log(`Local Uiza API at ${server.url} (CORS open to any origin)`)
    yield* Console.log(`Valid tokens, one logout each:\n  ${tokens.join("\n  ")}`)
    yield* Console.log("Ctrl-C to stop.")
    return yield* Effect.never
  })
)

const controller = new AbortController()
process.once("SIGINT", () => controller.abort())
Effect.runPromise(program, { signal: controller.signal }).catch(() => {
  if (!controller.signal.aborted) process.exitCode = 1
})
