import { describe, expect, it } from "@effect/vitest"
import * as UizaCli from "@uiza-effect/cli/UizaCli"
import { NodeUizaServer } from "@uiza-effect/server"
import * as Effect from "effect/Effect"
import { execFileSync, spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { runCli } from "./support/cli.js"

// `--token-file` reads at most 64 KiB + 1 byte of whatever it is given: a
// device or a pipe that never ends is refused as soon as the limit is passed,
// instead of filling the memory until the machine gives up.

const SPAWN_TIMEOUT = 300_000
// Far above what reading 64 KiB takes even on a loaded machine, far below what
// reading /dev/zero to its end would.
const RUN_LIMIT_MS = 120_000

const scratchDir = Effect.acquireRelease(
  Effect.sync(() => mkdtempSync(join(tmpdir(), "uiza-token-file-"))),
  (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
)

// A FIFO with a writer that never stops; the writer dies of SIGPIPE once the reader is gone.
const endlessFifo = (dir: string) =>
  Effect.acquireRelease(
    Effect.sync(() => {
      const path = join(dir, "endless")
      execFileSync("mkfifo", [path])
      const writer = spawn("sh", ["-c", "yes uap-0123456789abcdef > \"$0\"", path], { stdio: "ignore" })
      return { path, writer }
    }),
    ({ writer }) => Effect.sync(() => writer.kill("SIGKILL"))
  )

describe("--token-file reads a bounded amount", () => {
  it.scopedLive(
    "/dev/zero, /dev/urandom, an endless FIFO and a file over 64 KiB are refused with exit 3, quickly",
    () =>
      Effect.gen(function*() {
        const canary = NodeUizaServer.randomToken()
        const server = yield* Effect.orDie(NodeUizaServer.start({ tokens: [canary] }))
        const dir = yield* scratchDir
        const large = join(dir, "large")
        writeFileSync(large, `${canary}\n${"x".repeat(70 * 1024)}`, { mode: 0o600 })
        const fifo = yield* endlessFifo(dir)
        const paths = ["/dev/zero", "/dev/urandom", fifo.path, large]
        // runCli kills a run that outlasts RUN_LIMIT_MS and fails the test.
        const runs = yield* Effect.forEach(
          paths,
          (path) =>
            Effect.map(
              runCli(["logout", "--token-file", path], {
                env: { UIZA_WORKSPACE_API_DOMAIN: server.url },
                timeoutMs: RUN_LIMIT_MS
              }),
              (run) => ({ path, run })
            ),
          { concurrency: 2 }
        )
        for (const { path, run } of runs) {
          expect([path, run.code]).toEqual([path, UizaCli.ExitCode.Config])
          expect(run.stderr).toContain(`--token-file ${path}`)
          expect(run.stderr).toContain("larger than 64 KiB")
          expect(run.stdout + run.stderr).not.toContain(canary.split("-")[1])
        }
        expect(server.isValid(canary)).toBe(true)
      }),
    SPAWN_TIMEOUT
  )

  it.scopedLive("a directory is refused with exit 3", () =>
    Effect.gen(function*() {
      const dir = yield* scratchDir
      const run = yield* runCli(["logout", "--token-file", dir], {
        env: { UIZA_WORKSPACE_API_DOMAIN: "http://127.0.0.1:9" }
      })
      expect(run.code).toBe(UizaCli.ExitCode.Config)
      expect(run.stderr).toContain(`--token-file ${dir}) is a directory`)
    }), SPAWN_TIMEOUT)

  it.scopedLive("a pipe whose writer ends still works: --token-file <(printf token)", () =>
    Effect.gen(function*() {
      const canary = NodeUizaServer.randomToken()
      const server = yield* Effect.orDie(NodeUizaServer.start({ tokens: [canary] }))
      const run = yield* runCli(["logout"], { env: { UIZA_WORKSPACE_API_DOMAIN: server.url }, tokenPipe: canary })
      expect(run.code).toBe(0)
      expect(server.isValid(canary)).toBe(false)
    }), SPAWN_TIMEOUT)
})
