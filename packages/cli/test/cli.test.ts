import { describe, expect, it } from "@effect/vitest"
import * as UizaCli from "@uiza-effect/cli/UizaCli"
import { UizaError } from "@uiza-effect/core"
import { NodeUizaServer } from "@uiza-effect/server"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FiberId from "effect/FiberId"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type CliRun, closedPort, runCli, startCli, startRawServer } from "./support/cli.js"

// Every run goes through the real binary in a child process. Every token is a
// canary: whatever the outcome, it must never show up in what `uiza` printed.

const SPAWN_TIMEOUT = 120_000
const logoutPath = "/api/public/v3/admin/user/logout"

const expectNoToken = (run: CliRun, ...tokens: ReadonlyArray<string>) => {
  const output = run.stdout + run.stderr
  for (const token of tokens) {
    expect(output).not.toContain(token)
    // Not even the secret part of it (the documented shape: uap-<32 hex>-<8 hex>).
    expect(output).not.toContain(token.split("-")[1])
  }
}

const jsonOf = (run: CliRun) => {
  const lines = run.stdout.trim().split("\n")
  expect(lines).toHaveLength(1)
  return JSON.parse(lines[0]) as { ok: boolean; result?: Record<string, unknown>; error?: Record<string, unknown> }
}

// A promise and its resolver (Promise.withResolvers is Node 22+).
const signal = () => {
  let resolve!: () => void
  const promise = new Promise<void>((r) => void (resolve = r))
  return { promise, resolve }
}

const serverWithCanary = Effect.gen(function*() {
  const canary = NodeUizaServer.randomToken()
  const server = yield* NodeUizaServer.start({ tokens: [canary] })
  return { server, canary }
}).pipe(Effect.orDie)

const withTokenFile = <A, E, R>(token: string, use: (path: string) => Effect.Effect<A, E, R>) =>
  Effect.acquireUseRelease(
    Effect.sync(() => mkdtempSync(join(tmpdir(), "uiza-cli-"))),
    (dir) => {
      const path = join(dir, "token")
      writeFileSync(path, `${token}\n`, { mode: 0o600 })
      return use(path)
    },
    (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
  )

describe("uiza logout", () => {
  it.scopedLive(
    "logs out with the environment, prints the message and request id, exits 0",
    () =>
      Effect.gen(function*() {
        const { canary, server } = yield* serverWithCanary
        const run = yield* runCli(["logout"], {
          env: { UIZA_WORKSPACE_API_DOMAIN: server.url, UIZA_AUTHORIZATION: canary }
        })
        expect(run.code).toBe(0)
        expect(run.stdout).toContain("Logout success")
        expect(run.stdout).toMatch(/request id: [0-9a-f-]{36}/)
        expect(server.isValid(canary)).toBe(false)
        expectNoToken(run, canary)
      }),
    SPAWN_TIMEOUT
  )

  it.scopedLive("--json prints one object with the result", () =>
    Effect.gen(function*() {
      const { canary, server } = yield* serverWithCanary
      const run = yield* runCli(["logout", "--json"], {
        env: { UIZA_WORKSPACE_API_DOMAIN: server.url, UIZA_AUTHORIZATION: canary }
      })
      expect(run.code).toBe(0)
      const output = jsonOf(run)
      expect(output.ok).toBe(true)
      expect(output.result).toMatchObject({ message: "Logout success", code: 200, type: "SUCCESS", version: 3 })
      expect(output.result?.requestId).toMatch(/^[0-9a-f-]{36}$/)
      expect(Number.isNaN(Date.parse(String(output.result?.datetime)))).toBe(false)
      expect(run.stderr).toBe("")
      expectNoToken(run, canary)
    }), SPAWN_TIMEOUT)

  it.scopedLive(
    "a second logout with the same token exits 4 (HTTP 401), in text and in JSON",
    () =>
      Effect.gen(function*() {
        const { canary, server } = yield* serverWithCanary
        const env = { UIZA_WORKSPACE_API_DOMAIN: server.url, UIZA_AUTHORIZATION: canary }
        const first = yield* runCli(["logout"], { env })
        expect(first.code).toBe(0)

        const text = yield* runCli(["logout"], { env })
        expect(text.code).toBe(UizaCli.ExitCode.Unauthorized)
        expect(text.code).toBe(4)
        expect(text.stdout).toBe("")
        expect(text.stderr).toContain("UnauthorizedError (HTTP 401)")

        const json = yield* runCli(["logout", "--json"], { env })
        expect(json.code).toBe(4)
        const output = jsonOf(json)
        expect(output.ok).toBe(false)
        expect(output.error).toMatchObject({
          _tag: "UnauthorizedError",
          status: 401,
          attempts: 1,
          descriptionLink: "https://docs.uiza.io/#log-out"
        })
        expectNoToken(first, canary)
        expectNoToken(text, canary)
        expectNoToken(json, canary)
      }),
    SPAWN_TIMEOUT
  )

  it.scopedLive(
    "--token-file reads the token from a file and wins over UIZA_AUTHORIZATION",
    () =>
      Effect.gen(function*() {
        const fromFile = NodeUizaServer.randomToken()
        const fromEnvironment = NodeUizaServer.randomToken()
        const server = yield* Effect.orDie(NodeUizaServer.start({ tokens: [fromFile, fromEnvironment] }))
        const run = yield* withTokenFile(fromFile, (path) =>
          runCli(["logout", "--token-file", path], {
            env: { UIZA_WORKSPACE_API_DOMAIN: server.url, UIZA_AUTHORIZATION: fromEnvironment }
          }))
        expect(run.code).toBe(0)
        expect(server.isValid(fromFile)).toBe(false)
        expect(server.isValid(fromEnvironment)).toBe(true)
        expectNoToken(run, fromFile, fromEnvironment)
      }),
    SPAWN_TIMEOUT
  )

  it.scopedLive("--token-file reads a pipe too: --token-file <(command) in a shell", () =>
    Effect.gen(function*() {
      const { canary, server } = yield* serverWithCanary
      // bash passes a /dev/fd/N path to a pipe that `printf` writes the token into.
      const run = yield* runCli(["logout"], { env: { UIZA_WORKSPACE_API_DOMAIN: server.url }, tokenPipe: canary })
      expect(run.code).toBe(0)
      expect(server.isValid(canary)).toBe(false)
      expectNoToken(run, canary)
    }), SPAWN_TIMEOUT)

  it.scopedLive(
    "an unreadable --token-file is a configuration error (exit 3) naming the file",
    () =>
      Effect.gen(function*() {
        const { canary, server } = yield* serverWithCanary
        const run = yield* runCli(["logout", "--token-file", "/nonexistent/uiza-token"], {
          env: { UIZA_WORKSPACE_API_DOMAIN: server.url, UIZA_AUTHORIZATION: canary }
        })
        expect(run.code).toBe(UizaCli.ExitCode.Config)
        expect(run.stderr).toContain("/nonexistent/uiza-token")
        expect(server.isValid(canary)).toBe(true)
        expectNoToken(run, canary)
      }),
    SPAWN_TIMEOUT
  )

  it.scopedLive(
    "--token-stdin reads the token from standard input, with --domain for the domain",
    () =>
      Effect.gen(function*() {
        const { canary, server } = yield* serverWithCanary
        const run = yield* runCli(["logout", "--token-stdin", "--domain", server.url], { stdin: `${canary}\n` })
        expect(run.code).toBe(0)
        expect(run.stdout).toContain("Logout success")
        expect(server.isValid(canary)).toBe(false)
        expectNoToken(run, canary)
      }),
    SPAWN_TIMEOUT
  )

  it.scopedLive("--token-stdin with nothing on standard input is a configuration error", () =>
    Effect.gen(function*() {
      const { server } = yield* serverWithCanary
      const run = yield* runCli(["logout", "--token-stdin", "--domain", server.url, "--json"])
      expect(run.code).toBe(3)
      expect(jsonOf(run).error).toMatchObject({ _tag: "UizaConfigError", setting: "authorization" })
    }), SPAWN_TIMEOUT)

  it.scopedLive("a missing UIZA_WORKSPACE_API_DOMAIN exits 3 and names the variable", () =>
    Effect.gen(function*() {
      const { canary, server } = yield* serverWithCanary
      const run = yield* runCli(["logout"], { env: { UIZA_AUTHORIZATION: canary } })
      expect(run.code).toBe(UizaCli.ExitCode.Config)
      expect(run.stderr).toContain("UIZA_WORKSPACE_API_DOMAIN is not set")
      expect(run.stderr).not.toContain("UIZA_AUTHORIZATION is not set")

      const json = yield* runCli(["logout", "--json"], { env: { UIZA_WORKSPACE_API_DOMAIN: server.url } })
      expect(json.code).toBe(3)
      expect(jsonOf(json).error).toMatchObject({ _tag: "UizaConfigError" })
      expect(String(jsonOf(json).error?.message)).toContain("UIZA_AUTHORIZATION is not set")
      expect(server.isValid(canary)).toBe(true)
      expectNoToken(run, canary)
    }), SPAWN_TIMEOUT)

  it.scopedLive(
    "an http:// domain that is not loopback is refused before any request (exit 3)",
    () =>
      Effect.gen(function*() {
        const canary = NodeUizaServer.randomToken()
        const fromEnvironment = yield* runCli(["logout"], {
          env: { UIZA_WORKSPACE_API_DOMAIN: "http://evil.example", UIZA_AUTHORIZATION: canary }
        })
        expect(fromEnvironment.code).toBe(3)
        expect(fromEnvironment.stderr).toContain("UIZA_WORKSPACE_API_DOMAIN")
        expect(fromEnvironment.stderr).toContain("http://")

        const fromFlag = yield* runCli(["logout", "--domain", "http://evil.example", "--json"], {
          env: { UIZA_AUTHORIZATION: canary }
        })
        expect(fromFlag.code).toBe(3)
        expect(jsonOf(fromFlag).error).toMatchObject({ _tag: "UizaConfigError", setting: "workspaceApiDomain" })
        expectNoToken(fromEnvironment, canary)
        expectNoToken(fromFlag, canary)
      }),
    SPAWN_TIMEOUT
  )

  it.scopedLive(
    "a refused connection exits 8, --max-retries sets the attempts, logs stay off stdout",
    () =>
      Effect.gen(function*() {
        const canary = NodeUizaServer.randomToken()
        const port = yield* closedPort
        const env = { UIZA_WORKSPACE_API_DOMAIN: `http://127.0.0.1:${port}`, UIZA_AUTHORIZATION: canary }
        // Debug logs go to standard error: standard output still holds only the JSON object.
        const once = yield* runCli(["--log-level", "debug", "logout", "--json", "--max-retries", "0"], { env })
        expect(once.code).toBe(UizaCli.ExitCode.Connection)
        expect(jsonOf(once).error).toMatchObject({ _tag: "ConnectionError", reason: "ECONNREFUSED", attempts: 1 })
        expect(once.stderr).toContain("Uiza.User.logout: attempt 1")

        const twice = yield* runCli(["logout", "--max-retries", "1"], { env })
        expect(twice.code).toBe(8)
        expect(twice.stderr).toContain("ConnectionError (ECONNREFUSED)")
        expect(twice.stderr).toContain("attempts: 2")
        expectNoToken(once, canary)
        expectNoToken(twice, canary)
      }),
    SPAWN_TIMEOUT
  )

  it.scopedLive("a server that never answers exits 9 after --timeout", () =>
    Effect.gen(function*() {
      const canary = NodeUizaServer.randomToken()
      const { url } = yield* startRawServer(() => {}) // never answers
      const run = yield* runCli(["logout", "--timeout", "1", "--json"], {
        env: { UIZA_WORKSPACE_API_DOMAIN: url, UIZA_AUTHORIZATION: canary }
      })
      expect(run.code).toBe(UizaCli.ExitCode.Timeout)
      expect(jsonOf(run).error).toMatchObject({ _tag: "TimeoutError", phase: "response", timeout: 1000 })
      expectNoToken(run, canary)
    }), SPAWN_TIMEOUT)

  it.scopedLive("a 503 exits 7, and a reply that is not a Uiza envelope exits 10", () =>
    Effect.gen(function*() {
      const canary = NodeUizaServer.randomToken()
      const unavailable = yield* startRawServer((request, response) => {
        // An echo of the token, as a careless proxy might send: it must not be printed.
        response.writeHead(503, { "content-type": "text/plain" }).end(`down; ${request.headers.authorization}`)
      })
      const html = yield* startRawServer((request, response) => {
        response.writeHead(200, { "content-type": "text/html" }).end(`<html>${request.headers.authorization}</html>`)
      })
      const serverError = yield* runCli(["logout", "--max-retries", "0"], {
        env: { UIZA_WORKSPACE_API_DOMAIN: unavailable.url, UIZA_AUTHORIZATION: canary }
      })
      expect(serverError.code).toBe(UizaCli.ExitCode.ServerError)
      expect(serverError.stderr).toContain("ServiceUnavailableError (HTTP 503)")

      const decode = yield* runCli(["logout"], {
        env: { UIZA_WORKSPACE_API_DOMAIN: html.url, UIZA_AUTHORIZATION: canary }
      })
      expect(decode.code).toBe(UizaCli.ExitCode.Decode)
      expect(decode.stderr).toContain("ResponseDecodeError (HTTP 200)")
      expectNoToken(serverError, canary)
      expectNoToken(decode, canary)
    }), SPAWN_TIMEOUT)

  it.scopedLive("the token is refused as an argument (exit 2), without echoing it", () =>
    Effect.gen(function*() {
      const { canary, server } = yield* serverWithCanary
      const env = { UIZA_WORKSPACE_API_DOMAIN: server.url }
      const flag = yield* runCli(["logout", "--token", canary], { env })
      const inline = yield* runCli(["logout", `--token=${canary}`], { env })
      const bare = yield* runCli(["logout", canary], { env })
      for (const run of [flag, inline, bare]) {
        expect(run.code).toBe(UizaCli.ExitCode.Usage)
        expect(run.stderr).toContain("never accepted as a command-line argument")
        expectNoToken(run, canary)
      }
      expect(server.isValid(canary)).toBe(true)
    }), SPAWN_TIMEOUT)

  it.scopedLive("--help says why there is no token flag", () =>
    Effect.gen(function*() {
      const run = yield* runCli(["logout", "--help"])
      expect(run.code).toBe(0)
      expect(run.stdout).toContain("--token-file")
      expect(run.stdout).toContain("--token-stdin")
      expect(run.stdout).toContain("no flag takes the token itself")
      expect(run.stdout).toContain("shell history")
    }), SPAWN_TIMEOUT)

  it.scopedLive("usage errors exit 2: both token sources, a malformed --timeout", () =>
    Effect.gen(function*() {
      const both = yield* runCli(["logout", "--token-file", "package.json", "--token-stdin"])
      expect(both.code).toBe(UizaCli.ExitCode.Usage)
      expect(both.stderr).toContain("either --token-file or --token-stdin")
      const timeout = yield* runCli(["logout", "--timeout", "soon"])
      expect(timeout.code).toBe(2)
      expect(timeout.stderr).toContain("--timeout")
    }), SPAWN_TIMEOUT)

  it.scopedLive("SIGINT during a logout ends it with exit 130", () =>
    Effect.gen(function*() {
      const canary = NodeUizaServer.randomToken()
      const arrived = signal()
      const { url } = yield* startRawServer(() => arrived.resolve()) // never answers
      const cli = yield* startCli(["logout", "--timeout", "60"], {
        env: { UIZA_WORKSPACE_API_DOMAIN: url, UIZA_AUTHORIZATION: canary }
      })
      yield* Effect.promise(() => arrived.promise)
      const run = yield* cli.kill("SIGINT")
      expect(run.code).toBe(UizaCli.ExitCode.Interrupted)
      expect(run.signal).toBe(null)
      expectNoToken(run, canary)
    }), SPAWN_TIMEOUT)
})

describe("uiza serve", () => {
  it.scopedLive(
    "prints a URL, tokens and env lines that work with uiza logout; SIGTERM stops it with exit 0",
    () =>
      Effect.gen(function*() {
        const serve = yield* startCli(["serve", "--tokens", "2"])
        yield* serve.waitForStdout("Stop it with Ctrl-C.")
        const banner = serve.stdout()
        const url = /^ {2}export UIZA_WORKSPACE_API_DOMAIN=(\S+)$/m.exec(banner)?.[1]
        const token = /^ {2}export UIZA_AUTHORIZATION=(\S+)$/m.exec(banner)?.[1]
        const tokens = Array.from(banner.matchAll(/^ {2}(uap-[0-9a-f]{32}-[0-9a-f]{8})$/gm), (match) => match[1])
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
        expect(banner).toContain(`listening on ${url}`)
        expect(tokens).toHaveLength(2)
        expect(token).toBe(tokens[0])

        const env = { UIZA_WORKSPACE_API_DOMAIN: url!, UIZA_AUTHORIZATION: token! }
        const first = yield* runCli(["logout"], { env })
        expect(first.code).toBe(0)
        const second = yield* runCli(["logout", "--token-stdin"], { env, stdin: tokens[1] })
        expect(second.code).toBe(0)
        const again = yield* runCli(["logout"], { env })
        expect(again.code).toBe(4)
        for (const run of [first, second, again]) expectNoToken(run, ...tokens)

        const stopped = yield* serve.kill("SIGTERM")
        expect(stopped.code).toBe(0)
        expect(stopped.stderr).toContain("stopped")
        const after = yield* Effect.promise(() =>
          fetch(`${url}${logoutPath}`, { method: "POST" }).then(() => "answered", () => "refused")
        )
        expect(after).toBe("refused")
      }),
    SPAWN_TIMEOUT
  )

  it.scopedLive(
    "--json prints one line with the URL and tokens; SIGINT stops it with exit 0",
    () =>
      Effect.gen(function*() {
        const serve = yield* startCli(["serve", "--json", "--tokens", "3"])
        yield* serve.waitForStdout("\n")
        const info = JSON.parse(serve.stdout().trim()) as {
          url: string
          port: number
          tokens: Array<string>
          workspaceApiDomain: string
        }
        expect(info.tokens).toHaveLength(3)
        expect(info.workspaceApiDomain).toBe(info.url)
        expect(info.url).toBe(`http://127.0.0.1:${info.port}`)
        const reply = yield* Effect.promise(() =>
          fetch(`${info.workspaceApiDomain}${logoutPath}`, {
            method: "POST",
            headers: { authorization: info.tokens[2], "content-type": "application/json" },
            body: "{}"
          })
        )
        expect(reply.status).toBe(200)
        const stopped = yield* serve.kill("SIGINT")
        expect(stopped.code).toBe(0)
      }),
    SPAWN_TIMEOUT
  )

  it.scopedLive("a port in use exits 11", () =>
    Effect.gen(function*() {
      const { server } = yield* serverWithCanary
      const run = yield* runCli(["serve", "--port", String(server.port)])
      expect(run.code).toBe(UizaCli.ExitCode.ServeFailed)
      expect(run.stderr).toContain("EADDRINUSE")
    }), SPAWN_TIMEOUT)
})

describe("uiza without a command", () => {
  it.effect("exits with the usage code and says what to run", () =>
    Effect.gen(function*() {
      const run = yield* runCli([])
      expect(run.code).toBe(UizaCli.ExitCode.Usage)
      expect(run.stderr).toContain("uiza logout")
    }), 60_000)
})

describe("UizaCli exit codes", () => {
  const statusFields = {
    status: 400,
    message: "m",
    retryable: false,
    fieldErrors: [],
    descriptionLink: "https://docs.uiza.io/#log-out",
    attempts: 1
  }
  const cases: ReadonlyArray<readonly [UizaError.UizaError | UizaError.UizaConfigError, number]> = [
    [new UizaError.UizaConfigError({ setting: "workspaceApiDomain", message: "m" }), 3],
    [new UizaError.UnauthorizedError({ ...statusFields, status: 401 }), 4],
    [new UizaError.NotFoundError({ ...statusFields, status: 404 }), 5],
    [new UizaError.BadRequestError(statusFields), 6],
    [new UizaError.UnprocessableError({ ...statusFields, status: 422 }), 6],
    [new UizaError.ClientError({ ...statusFields, status: 409 }), 6],
    [new UizaError.InternalServerError({ ...statusFields, status: 500 }), 7],
    [new UizaError.ServiceUnavailableError({ ...statusFields, status: 503 }), 7],
    [new UizaError.ServerError({ ...statusFields, status: 502 }), 7],
    [
      new UizaError.ConnectionError({
        message: "m",
        reason: "ECONNREFUSED",
        possiblyDelivered: false,
        retryable: true,
        attempts: 1
      }),
      8
    ],
    [
      new UizaError.TimeoutError({
        message: "m",
        phase: "response",
        timeout: Duration.seconds(1),
        possiblyDelivered: true,
        attempts: 1
      }),
      9
    ],
    [new UizaError.ResponseDecodeError({ message: "m", status: 200, bodyExcerpt: "", attempts: 1 }), 10],
    [
      new UizaError.ResponseTooLargeError({
        message: "m",
        status: 200,
        limit: 1,
        attempts: 1,
        retryable: false,
        possiblyDelivered: true
      }),
      10
    ],
    [new UizaError.InvalidInputError({ message: "m", operation: "User.retrieve", field: "id", attempts: 0 }), 2]
  ]

  it("maps every error class to its documented code", () => {
    for (const [error, code] of cases) expect([error._tag, UizaCli.exitCodeOf(error)]).toEqual([error._tag, code])
    // Every member of the union is covered.
    expect(new Set(cases.map(([error]) => error._tag))).toEqual(
      new Set([...UizaError.UizaError.members.map((member) => member._tag), "UizaConfigError"])
    )
  })

  it("teardown exits with the CliExit code, 0 on success, 130 when interrupted, 1 on a defect", () => {
    const codeOf = (exit: Exit.Exit<unknown, unknown>) => {
      let code = -1
      UizaCli.teardown(exit, (c) => void (code = c))
      return code
    }
    const previous = process.exitCode
    process.exitCode = undefined
    try {
      expect(codeOf(Exit.void)).toBe(0)
      expect(codeOf(Exit.fail(new UizaCli.CliExit({ exitCode: 4 })))).toBe(4)
      expect(codeOf(Exit.failCause(Cause.interrupt(FiberId.none)))).toBe(130)
      expect(codeOf(Exit.die(new Error("bug")))).toBe(1)
    } finally {
      process.exitCode = previous
    }
  })
})
