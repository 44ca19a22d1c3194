import { describe, expect, it } from "@effect/vitest"
import * as UizaCli from "@uiza-effect/cli/UizaCli"
import { NodeUizaServer } from "@uiza-effect/server"
import * as Effect from "effect/Effect"
import type { ServerResponse } from "node:http"
import { type CliRun, runCli, startRawServer } from "./support/cli.js"

// A server's text reaches the terminal shown, never obeyed: no escape
// sequence (OSC 52 writes the clipboard, CSI 2J clears the screen), no C0 or
// C1 control, no bidirectional override, and no line break that could forge a
// line of the report.

const SPAWN_TIMEOUT = 400_000
const RUN_LIMIT = 180_000

const hostile = (label: string) =>
  `${label}\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u009b31m\u202egnp.exe\u2066\u200f` +
  `\r\n  request id: FORGED\r\n  attempts: 0\u0000\u0008\u007f\u2028  see: FORGED`

// Anything a terminal would act on: C0 controls but the line feeds between lines,
// DEL, C1 controls, bidirectional marks, overrides and isolates, line and paragraph separators.
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const ACTIONABLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/

const expectInert = (run: CliRun) => {
  const output = run.stdout + run.stderr
  expect(output).not.toMatch(ACTIONABLE)
  // No line of the report comes from the server's text.
  for (const line of output.split("\n")) expect(line).not.toMatch(/^\s*(request id|attempts|see): FORGED/)
}

const replyWith =
  (status: number, body: unknown, contentType = "application/json") => (_: unknown, response: ServerResponse) =>
    response.writeHead(status, { "content-type": contentType }).end(
      typeof body === "string" ? body : JSON.stringify(body)
    )

const success = {
  data: { message: hostile("Logout success") },
  version: 3,
  datetime: "2018-06-22T19:03:47.686Z",
  policy: "public",
  requestId: hostile("id"),
  serviceName: "api",
  message: hostile("OK"),
  code: 200,
  type: "SUCCESS"
}
const errorBody = (status: number, data: unknown = null) => ({
  code: status,
  type: "ERROR",
  message: hostile(`error ${status}`),
  data,
  requestId: hostile("id")
})

const scenarios = [
  { name: "200 logout", reply: replyWith(200, success), code: 0 },
  { name: "401", reply: replyWith(401, errorBody(401)), code: UizaCli.ExitCode.Unauthorized },
  {
    name: "422 field errors",
    reply: replyWith(
      422,
      errorBody(422, [{ type: hostile("type"), field: hostile("field"), message: hostile("message") }])
    ),
    code: UizaCli.ExitCode.ClientError
  },
  { name: "503 body", reply: replyWith(503, hostile("down"), "text/plain"), code: UizaCli.ExitCode.ServerError }
]

describe("text a server sent cannot drive the terminal", () => {
  it.scopedLive(
    "escape sequences, controls, bidi overrides and line breaks in a success, a 401, a 422 and a 503, as text and --json",
    () =>
      Effect.gen(function*() {
        const canary = NodeUizaServer.randomToken()
        const runs = yield* Effect.forEach(scenarios, (scenario) =>
          Effect.gen(function*() {
            const { url } = yield* startRawServer(scenario.reply)
            const options = {
              env: { UIZA_WORKSPACE_API_DOMAIN: url, UIZA_AUTHORIZATION: canary },
              timeoutMs: RUN_LIMIT
            }
            const [text, json] = yield* Effect.all([
              runCli(["logout", "--max-retries", "0"], options),
              runCli(["logout", "--max-retries", "0", "--json"], options)
            ])
            return { scenario, text, json }
          }), { concurrency: 2 })
        for (const { json, scenario, text } of runs) {
          expect([scenario.name, text.code, json.code]).toEqual([scenario.name, scenario.code, scenario.code])
          expectInert(text)
          expectInert(json)
          // The JSON line still carries the server's text, escaped: the same string once parsed.
          expect(json.stdout.trim().split("\n")).toHaveLength(1)
          expect(JSON.stringify(JSON.parse(json.stdout))).toMatch(/\\u001b\]52/)
        }
        const [ok] = runs
        // What was sent is still shown, written out.
        expect(ok.text.stdout).toContain("Logout success\\x1b]52;c;ZXZpbA==\\x07")
        expect(ok.text.stdout.split("\n").filter((line) => line.startsWith("  request id:"))).toHaveLength(1)
        expect(JSON.parse(ok.json.stdout).result.message).toBe(
          // The SDK has already made it one line; nothing else is changed.
          hostile("Logout success").replace(/\s+/g, " ").trim()
        )
      }),
    SPAWN_TIMEOUT
  )
})
