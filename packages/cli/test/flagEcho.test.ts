import { describe, expect, it } from "@effect/vitest"
import * as UizaCli from "@uiza-effect/cli/UizaCli"
import { NodeUizaServer } from "@uiza-effect/server"
import * as Effect from "effect/Effect"
import { randomBytes } from "node:crypto"
import { type CliRun, runCli } from "./support/cli.js"

// A secret typed in the wrong place must not come back in the usage error.
// Each canary is looked for whole and as any run of 8 of its characters.

const SPAWN_TIMEOUT = 240_000

const token = NodeUizaServer.randomToken()
const jwt = [
  Buffer.from("{\"alg\":\"HS256\",\"typ\":\"JWT\"}").toString("base64url"),
  Buffer.from(`{"sub":"${randomBytes(6).toString("hex")}"}`).toString("base64url"),
  randomBytes(32).toString("base64url")
].join(".")
// Not starting with a dash, which would make it a flag where the cases want an argument.
const secret = randomBytes(30).toString("base64url").replace(/^-/, "x")

const fragments = (canary: string): Array<string> =>
  Array.from({ length: canary.length - 7 }, (_, index) => canary.slice(index, index + 8).toLowerCase())

const expectNoEcho = (run: CliRun, canary: string) => {
  const output = (run.stdout + run.stderr).toLowerCase()
  for (const fragment of fragments(canary)) {
    expect(output, `"${fragment}" of ${canary} is printed`).not.toContain(fragment)
  }
}

const cases: ReadonlyArray<{ readonly args: ReadonlyArray<string>; readonly canary: string; readonly says: string }> = [
  { args: ["logout", `--timeout=${token}`], canary: token, says: "--timeout" },
  { args: ["logout", "--timeout", jwt], canary: jwt, says: "--timeout" },
  { args: ["logout", `--max-retries=${token}`], canary: token, says: "--max-retries" },
  { args: ["logout", "--max-retries", secret], canary: secret, says: "--max-retries" },
  { args: ["serve", `--port=${jwt}`], canary: jwt, says: "--port" },
  { args: ["serve", "--port", secret], canary: secret, says: "--port" },
  { args: ["logout", `--foo=${token}`], canary: token, says: "--foo" },
  { args: ["logout", "--foo", jwt], canary: jwt, says: "--foo" },
  { args: ["logout", secret], canary: secret, says: "unexpected argument" },
  { args: ["logout", `--${secret}`], canary: secret, says: "unknown flag" },
  { args: ["logout", `--json=${jwt}`], canary: jwt, says: "unexpected argument" },
  { args: [jwt], canary: jwt, says: "unknown command" }
]

describe("usage errors never repeat a value from the command line", () => {
  it.live(
    "a token, a JWT or a random secret given to --timeout, --max-retries, --port, an unknown flag or as an argument",
    () =>
      Effect.gen(function*() {
        const runs = yield* Effect.forEach(cases, ({ args }) => runCli(args, { timeoutMs: SPAWN_TIMEOUT }), {
          concurrency: 4
        })
        runs.forEach((run, index) => {
          const { args, canary, says } = cases[index]
          expect([args.join(" ").slice(0, 20), run.code]).toEqual([args.join(" ").slice(0, 20), UizaCli.ExitCode.Usage])
          expect(run.stdout).toBe("")
          expect(run.stderr).toContain(says)
          expectNoEcho(run, canary)
        })
      }),
    SPAWN_TIMEOUT
  )

  it.live("retries out of range are a usage error (exit 2), not a configuration error", () =>
    Effect.gen(function*() {
      for (const value of ["-1", "11"]) {
        const run = yield* runCli(["logout", `--max-retries=${value}`], { timeoutMs: SPAWN_TIMEOUT })
        expect(run.code).toBe(UizaCli.ExitCode.Usage)
        expect(run.stderr).toMatch(/^uiza logout: --max-retries must be a whole number from 0 to 10\.$/m)
      }
    }), SPAWN_TIMEOUT)

  it.live("the usage error names the command and its usage line", () =>
    Effect.gen(function*() {
      const run = yield* runCli(["logout", `--max-retries=${secret}`], { timeoutMs: SPAWN_TIMEOUT })
      expect(run.code).toBe(UizaCli.ExitCode.Usage)
      expect(run.stderr).toMatch(/^uiza logout: --max-retries needs a whole number$/m)
      expect(run.stderr).toMatch(/^usage: uiza logout \[--domain text\]/m)
      expectNoEcho(run, secret)
    }), SPAWN_TIMEOUT)
})
