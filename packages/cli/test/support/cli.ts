import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from "node:child_process"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { fileURLToPath } from "node:url"

// Runs the real `uiza` binary (its TypeScript entry, through tsx) as a child
// process, the way a user's shell would.

/** The root of the workspace, where `uiza` runs from. */
export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url))
const entry = ["--conditions=source", "--import", "tsx", "packages/cli/src/bin.ts"]

/** `uiza` as a shell command line, run from {@link repoRoot}. */
export const uizaCommand = `node ${entry.join(" ")}`

/** Whether util-linux `script` is here to run a command on a pseudo-terminal, as an interactive shell would. */
export const hasScript = (() => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" })
    return true
  } catch {
    return false
  }
})()

/**
 * Whether the tests on a pseudo-terminal are skipped: only on a developer's machine without
 * `script`. On CI (`CI` set) they run, and fail there without it, rather than pass unseen.
 */
export const skipsTerminalTests = !hasScript && process.env.CI === undefined

/** What one run of `uiza` left behind. */
export interface CliRun {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

export interface CliOptions {
  /** Variables added to an environment cleared of every `UIZA_*` variable. */
  readonly env?: Readonly<Record<string, string>>
  /** Written to standard input, which is then closed (closed empty by default). */
  readonly stdin?: string
  readonly timeoutMs?: number
  /**
   * Runs through bash and appends `--token-file <(printf '%s\n' <this>)`: the
   * token arrives through a pipe, the way a shell user would pass it.
   */
  readonly tokenPipe?: string
}

// The test runner's own UIZA_* (or NODE_OPTIONS) must not leak into the child.
const childEnv = (extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("UIZA_") && key !== "NODE_OPTIONS") env[key] = value
  }
  return { ...env, ...extra }
}

const pipeScript = `t=$TOKEN_FOR_PIPE; unset TOKEN_FOR_PIPE; exec "$0" "$@" --token-file <(printf '%s\\n' "$t")`

const spawnUiza = (args: ReadonlyArray<string>, options: CliOptions) =>
  options.tokenPipe === undefined
    ? spawn(process.execPath, [...entry, ...args], { cwd: repoRoot, env: childEnv(options.env), stdio: "pipe" })
    : spawn("bash", ["-c", pipeScript, process.execPath, ...entry, ...args], {
      cwd: repoRoot,
      env: childEnv({ ...options.env, TOKEN_FOR_PIPE: options.tokenPipe }),
      stdio: "pipe"
    })

const collect = (child: ChildProcessWithoutNullStreams, args: ReadonlyArray<string>, timeoutMs: number) =>
  new Promise<CliRun>((resolve, reject) => {
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => void (stdout += chunk))
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => void (stderr += chunk))
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`uiza ${args.join(" ")} did not end within ${timeoutMs} ms\n${stdout}\n${stderr}`))
    }, timeoutMs)
    child.on("error", (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on("close", (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr })
    })
  })

/** Runs `uiza <args>` to its end. */
export const runCli = (args: ReadonlyArray<string>, options: CliOptions = {}): Effect.Effect<CliRun> =>
  Effect.promise(() => {
    const child = spawnUiza(args, options)
    const done = collect(child, args, options.timeoutMs ?? 60_000)
    child.stdin.end(options.stdin ?? "")
    return done
  })

/** A `uiza` process that keeps running: what it printed so far, and how to stop it. */
export interface RunningCli {
  readonly stdout: () => string
  /** Waits until standard output contains `text`; dies if the process ends first. */
  readonly waitForStdout: (text: string) => Effect.Effect<void>
  /** Sends `signal` and waits for the end of the process. */
  readonly kill: (signal: NodeJS.Signals) => Effect.Effect<CliRun>
}

/** Starts `uiza <args>` in the background; it is killed when the scope closes if still alive. */
export const startCli = (
  args: ReadonlyArray<string>,
  options: CliOptions = {}
): Effect.Effect<RunningCli, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.sync(() => {
      const child = spawnUiza(args, options)
      const done = collect(child, args, options.timeoutMs ?? 60_000)
      done.catch(() => undefined)
      child.stdin.end(options.stdin ?? "")
      let stdout = ""
      child.stdout.on("data", (chunk: string) => void (stdout += chunk))
      return { child, done, stdout: () => stdout }
    }),
    ({ child }) => Effect.sync(() => child.exitCode === null && child.signalCode === null && child.kill("SIGKILL"))
  ).pipe(
    Effect.map(({ child, done, stdout }): RunningCli => ({
      stdout,
      waitForStdout: (text) =>
        Effect.promise(() =>
          new Promise<void>((resolve, reject) => {
            const check = () => {
              if (stdout().includes(text)) resolve()
            }
            check()
            child.stdout.on("data", check)
            done.then(
              (run) =>
                reject(
                  new Error(`uiza ${args.join(" ")} ended before printing "${text}":\n${run.stdout}\n${run.stderr}`)
                ),
              reject
            )
          })
        ),
      kill: (signal) =>
        Effect.promise(() => {
          child.kill(signal)
          return done
        })
    }))
  )

/** A bare HTTP server on 127.0.0.1 that answers every request with `handler`; closed with the scope. */
export const startRawServer = (
  handler: (request: IncomingMessage, response: ServerResponse) => void
): Effect.Effect<{ readonly url: string }, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.promise(() =>
      new Promise<ReturnType<typeof createServer>>((resolve) => {
        const server = createServer(handler)
        server.listen(0, "127.0.0.1", () => resolve(server))
      })
    ),
    (server) =>
      Effect.promise(() =>
        new Promise<void>((resolve) => {
          server.closeAllConnections()
          server.close(() => resolve())
        })
      )
  ).pipe(Effect.map((server) => ({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })))

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export const closedPort: Effect.Effect<number> = Effect.promise(() =>
  new Promise<number>((resolve) => {
    const server = createServer()
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
)
