/**
 * Reads of a secret (a token, a password) from a file or from standard
 * input that stop one byte past a limit, whatever the source is: a regular
 * file, a pipe whose writer ends (`--token-file <(pass show uiza)`), or one
 * that never does (`/dev/zero`, `/dev/urandom`, `yes |`), which would
 * otherwise fill the memory.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import { open } from "node:fs/promises"

/** What a bounded read found. */
export type BoundedRead =
  | { readonly _tag: "Read"; readonly text: string }
  | { readonly _tag: "TooLarge" }
  | { readonly _tag: "Directory" }

/** Why a source could not be read: the system's code (`ENOENT`, `EACCES`, …), when it gave one. */
export interface Unreadable {
  readonly code: string
}

// Reads are sequential (no position), which a pipe requires.
export const readFileAtMost = (path: string, maxBytes: number): Effect.Effect<BoundedRead, Unreadable> =>
  Effect.tryPromise({
    try: async (): Promise<BoundedRead> => {
      const file = await open(path, "r")
      try {
        if ((await file.stat()).isDirectory()) return { _tag: "Directory" }
        const buffer = Buffer.alloc(maxBytes + 1)
        let size = 0
        while (size < buffer.length) {
          const { bytesRead } = await file.read(buffer, size, buffer.length - size, null)
          if (bytesRead === 0) break
          size += bytesRead
        }
        return size > maxBytes
          ? { _tag: "TooLarge" }
          : { _tag: "Read", text: buffer.subarray(0, size).toString("utf8") }
      } finally {
        await file.close()
      }
    },
    catch: (error): Unreadable => ({
      code: typeof error === "object" && error !== null && "code" in error ? String(error.code) : "unknown error"
    })
  })

/** Standard input to its end, or `TooLarge` as soon as it passes `maxBytes`. */
export const readStandardInputAtMost = (maxBytes: number): Effect.Effect<BoundedRead, Unreadable> =>
  Effect.async((resume) => {
    const stdin = process.stdin
    const chunks: Array<Buffer> = []
    let size = 0
    const cleanup = () => {
      stdin.off("data", onData)
      stdin.off("end", onEnd)
      stdin.off("error", onError)
      stdin.pause()
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes) return void chunks.push(chunk)
      cleanup()
      resume(Effect.succeed({ _tag: "TooLarge" }))
    }
    const onEnd = () => {
      cleanup()
      resume(Effect.succeed({ _tag: "Read", text: Buffer.concat(chunks).toString("utf8") }))
    }
    const onError = (error: NodeJS.ErrnoException) => {
      cleanup()
      resume(Effect.fail({ code: error.code ?? "unknown error" }))
    }
    stdin.on("data", onData)
    stdin.on("end", onEnd)
    stdin.on("error", onError)
    return Effect.sync(cleanup)
  })

/** A file or a pipe usually ends with a line break that is not part of the secret. */
export const stripLineBreaks = (text: string): string => text.replace(/[\r\n]+$/, "")
