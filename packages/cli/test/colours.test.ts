import { describe, expect, it } from "@effect/vitest"
import { NodeUizaServer } from "@uiza-effect/server"
import * as Effect from "effect/Effect"
import { execFile } from "node:child_process"
import { useColours } from "../src/internal/colours.js"
import { closedPort, repoRoot, runCli, skipsTerminalTests, uizaCommand } from "./support/cli.js"

// Colours (ANSI SGR sequences) only on a terminal, never with NO_COLOR.

const SPAWN_TIMEOUT = 400_000
const RUN_LIMIT = 180_000
const ESCAPE = "\u001b["

const onTerminal = (args: string, env: Readonly<Record<string, string>> = {}) =>
  Effect.promise(() =>
    new Promise<string>((resolve, reject) => {
      const environment = { ...process.env, ...env }
      delete environment.NO_COLOR
      delete environment.FORCE_COLOR
      execFile(
        "script",
        ["-qec", `${uizaCommand} ${args}`, "/dev/null"],
        { cwd: repoRoot, env: { ...environment, ...env, TERM: "xterm-256color" }, timeout: RUN_LIMIT },
        (error, stdout) => (error !== null && error.killed ? reject(error) : resolve(stdout))
      )
    })
  )

describe("colours", () => {
  it.scopedLive(
    "piped output has none: uiza --help, uiza logout --help, a usage error, a failing logout with debug logs",
    () =>
      Effect.gen(function*() {
        const port = yield* closedPort
        const env = {
          UIZA_WORKSPACE_API_DOMAIN: `http://127.0.0.1:${port}`,
          UIZA_AUTHORIZATION: NodeUizaServer.randomToken()
        }
        const runs = yield* Effect.forEach(
          [["--help"], ["logout", "--help"], ["logout", "--bogus"], [
            "--log-level",
            "debug",
            "logout",
            "--max-retries",
            "0"
          ]],
          (args) => Effect.map(runCli(args, { env, timeoutMs: RUN_LIMIT }), (run) => ({ args, run })),
          { concurrency: 2 }
        )
        expect(runs.map(({ run }) => run.code)).toEqual([0, 0, 2, 8])
        expect(runs[3].run.stderr).toContain("attempt 1")
        for (const { args, run } of runs) {
          expect([args, run.stdout.includes(ESCAPE), run.stderr.includes(ESCAPE)]).toEqual([args, false, false])
        }
      }),
    SPAWN_TIMEOUT
  )

  it.scopedLive.skipIf(skipsTerminalTests)(
    "on a terminal the help has colours, unless NO_COLOR is set",
    () =>
      Effect.gen(function*() {
        const [coloured, noColor] = yield* Effect.all([
          onTerminal("logout --help"),
          onTerminal("logout --help", { NO_COLOR: "1" })
        ], { concurrency: 2 })
        expect(coloured).toContain("--token-file")
        expect(coloured).toContain(ESCAPE)
        expect(noColor).toContain("--token-file")
        expect(noColor).not.toContain(ESCAPE)
      }),
    SPAWN_TIMEOUT
  )

  it("the decision: a terminal, NO_COLOR wins, FORCE_COLOR forces, TERM=dumb has none", () => {
    expect(useColours({ isTTY: true, env: {} })).toBe(true)
    expect(useColours({ isTTY: false, env: {} })).toBe(false)
    expect(useColours({ isTTY: true, env: { NO_COLOR: "1" } })).toBe(false)
    expect(useColours({ isTTY: true, env: { NO_COLOR: "" } })).toBe(true)
    expect(useColours({ isTTY: true, env: { NO_COLOR: "1", FORCE_COLOR: "1" } })).toBe(false)
    expect(useColours({ isTTY: false, env: { FORCE_COLOR: "1" } })).toBe(true)
    expect(useColours({ isTTY: false, env: { FORCE_COLOR: "" } })).toBe(true)
    expect(useColours({ isTTY: true, env: { FORCE_COLOR: "0" } })).toBe(false)
    expect(useColours({ isTTY: true, env: { FORCE_COLOR: "false" } })).toBe(false)
    expect(useColours({ isTTY: true, env: { TERM: "dumb" } })).toBe(false)
  })
})

describe("usage lines show the whole command", () => {
  it.live(
    "uiza logout --help, uiza serve --help and a usage error say uiza logout / uiza serve",
    () =>
      Effect.gen(function*() {
        const [root, logout, serve, usageError] = yield* Effect.forEach(
          [["--help"], ["logout", "--help"], ["serve", "--help"], ["logout", "--tokenfile", "x"]],
          (args) => runCli(args, { timeoutMs: RUN_LIMIT }),
          { concurrency: 2 }
        )
        expect(root.stdout).toMatch(/^\$ uiza$/m)
        expect(logout.stdout).toMatch(/^\$ uiza logout \[--domain text\]/m)
        expect(serve.stdout).toMatch(/^\$ uiza serve \[--port integer\]/m)
        for (const run of [logout, serve]) expect(run.stdout).not.toMatch(/^\$ (logout|serve)/m)
        expect(usageError.code).toBe(2)
        expect(usageError.stderr).toMatch(/^usage: uiza logout \[--domain text\]/m)
      }),
    SPAWN_TIMEOUT
  )
})
