import { describe, expect, it } from "@effect/vitest"
import { NodeUizaServer } from "@uiza-effect/server"
import * as Effect from "effect/Effect"
import { readableIn, uniformSpellings } from "../../core/test/support/spellings.js"
import { runCli, startRawServer } from "./support/cli.js"

// A reply that spells the token back (in a JSON key, JSON-escaped,
// percent-encoded, as HTML character references) is printed by `uiza` with
// no decodable token, in text and in --json.

const SPAWN_TIMEOUT = 400_000
const RUN_LIMIT = 180_000

// The token's spellings, in groups small enough for one body excerpt each:
// [raw, \u, \U, \u{}, \x, %xx, %XX, %u, &#d;, &#00d;, &#d, &#xh;, &#Xh;, &#x00h].
const spellingGroups = (token: string): ReadonlyArray<ReadonlyArray<string>> => {
  const forms = uniformSpellings(token)
  return [[forms[1], forms[2]], [forms[3], forms[4]], [forms[5], forms[6], forms[7]], [forms[8], forms[9], forms[10]], [
    forms[11],
    forms[12],
    forms[13]
  ]]
}

// Each spelling as a key of an object; the first key is always the token in `\u` escapes.
const keysBody = (token: string, spellings: ReadonlyArray<string>) =>
  `{${[uniformSpellings(token)[1], ...spellings].map((spelled) => `"${spelled}": 1`).join(", ")}}`
const arrayBody = (spellings: ReadonlyArray<string>) => `[${spellings.map((spelled) => `"${spelled}"`).join(", ")}]`

const scenarios: ReadonlyArray<{
  readonly name: string
  readonly status: number
  readonly body: (token: string, spellings: ReadonlyArray<string>) => string
}> = [
  // A 200 whose envelope has no message: the reply is not a Uiza reply, and its body is quoted.
  { name: "200 without message", status: 200, body: keysBody },
  { name: "302", status: 302, body: keysBody },
  { name: "404 array", status: 404, body: (_, spellings) => arrayBody(spellings) },
  { name: "503 array", status: 503, body: (_, spellings) => arrayBody(spellings) },
  { name: "unknown status", status: 600, body: keysBody }
]

describe("a token spelled back by the server is not printed in any spelling", () => {
  it.scopedLive(
    "in a JSON key, \\u-escaped, percent-encoded or as HTML references, on a 200, 302, 404, 503 and 600",
    () =>
      Effect.gen(function*() {
        const token = NodeUizaServer.randomToken()
        const groups = spellingGroups(token)
        const runs = yield* Effect.forEach(scenarios, (scenario, index) =>
          Effect.gen(function*() {
            const body = scenario.body(token, groups[index])
            const { url } = yield* startRawServer((_, response) => {
              response.writeHead(scenario.status, { "content-type": "application/json" }).end(body)
            })
            const options = { env: { UIZA_WORKSPACE_API_DOMAIN: url, UIZA_AUTHORIZATION: token }, timeoutMs: RUN_LIMIT }
            const [text, json] = yield* Effect.all([
              runCli(["logout", "--max-retries", "0"], options),
              runCli(["logout", "--max-retries", "0", "--json"], options)
            ])
            return { scenario, text, json }
          }), { concurrency: 2 })
        for (const { json, scenario, text } of runs) {
          expect([scenario.name, text.code === 0, json.code === 0]).toEqual([scenario.name, false, false])
          for (const run of [text, json]) {
            const output = run.stdout + run.stderr
            expect(output.length).toBeGreaterThan(0)
            expect([scenario.name, readableIn(token, output)]).toEqual([scenario.name, false])
            expect(output).not.toContain(token.split("-")[1])
          }
          const parsed = JSON.parse(json.stdout) as { readonly ok: boolean }
          expect(parsed.ok).toBe(false)
        }
      }),
    SPAWN_TIMEOUT
  )
})
