/** Helpers shared by the benchmark scripts: the server process, batches, statistics. */
import { type ChildProcess, spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"

export const here = fileURLToPath(new URL(".", import.meta.url))
export const root = fileURLToPath(new URL("../..", import.meta.url))

export const arg = (name: string, fallback: string): string => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`))
  return found === undefined ? fallback : found.slice(name.length + 3)
}
export const flag = (name: string): boolean => process.argv.includes(`--${name}`)

export const randomToken = (): string => `uap-${randomBytes(16).toString("hex")}-${randomBytes(4).toString("hex")}`

export interface ServerProcess {
  readonly origin: string
  readonly stop: () => Promise<void>
}

/** Starts scripts/bench/server.ts in its own process; resolves once it listens. */
export const startServer = (mode: string): Promise<ServerProcess> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      ["--conditions=source", "--import", "tsx", `${here}server.ts`, `--mode=${mode}`],
      { cwd: root, stdio: ["pipe", "pipe", "inherit"] }
    )
    child.once("error", reject)
    child.once("exit", (code) => reject(new Error(`server exited early (${code})`)))
    createInterface({ input: child.stdout! }).once("line", (line) => {
      const { port } = JSON.parse(line) as { port: number }
      child.removeAllListeners("exit")
      resolve({
        origin: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise<void>((done) => {
            child.once("exit", () => done())
            child.kill("SIGTERM")
          })
      })
    })
  })

export interface Batch {
  readonly elapsedMs: number
  /** CPU time of this process (user + system) during the batch, µs. */
  readonly cpuUs: number
  readonly latenciesUs: Float64Array
}

/** Runs `calls` calls, `concurrency` at a time (each lane sequential). */
export const runBatch = async (call: () => Promise<unknown>, calls: number, concurrency: number): Promise<Batch> => {
  const latenciesUs = new Float64Array(calls)
  let next = 0
  const lane = async () => {
    while (true) {
      const index = next++
      if (index >= calls) return
      const start = performance.now()
      await call()
      latenciesUs[index] = (performance.now() - start) * 1000
    }
  }
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  await Promise.all(Array.from({ length: Math.min(concurrency, calls) }, lane))
  const elapsedMs = performance.now() - start
  const cpu = process.cpuUsage(cpuStart)
  return { elapsedMs, cpuUs: cpu.user + cpu.system, latenciesUs }
}

export const percentile = (sorted: Float64Array | ReadonlyArray<number>, p: number): number => {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}

export const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export const fmt = (value: number, digits = 0): string =>
  Number.isFinite(value)
    ? value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : "n/a"
