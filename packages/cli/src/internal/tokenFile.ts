/**
 * The file `uiza login --save-token <path>` writes the token to: readable
 * and writable by its owner only (mode 0600), never through a symbolic
 * link, and prepared before the login so that a path that cannot be used
 * fails before a token is issued.
 *
 * @internal
 */
import { UizaError } from "@uiza-effect/core"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import { constants } from "node:fs"
import { type FileHandle, open, unlink } from "node:fs/promises"

export interface TokenFile {
  readonly path: string
  /** Whether the file was created by this run (else an existing private file is replaced). */
  readonly created: boolean
  /** Replaces the file's content with the token and a line break. */
  readonly write: (token: Redacted.Redacted<string>) => Effect.Effect<void, UizaError.UizaConfigError>
}

const fileError = (path: string, problem: string) =>
  new UizaError.UizaConfigError({ setting: "saveToken", message: `--save-token ${path} ${problem}.` })

const codeOf = (error: unknown): string =>
  typeof error === "object" && error !== null && "code" in error ? String(error.code) : "unknown"

// Not on every platform (Windows has neither); there the other checks still hold.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0

// An existing file is replaced only when nobody else could have read the old
// token or could read the new one: a regular file of ours, mode 0600 or
// stricter, with no other name (a hard link would keep a copy elsewhere).
const refusal = async (handle: FileHandle): Promise<string | undefined> => {
  const info = await handle.stat()
  if (!info.isFile()) return "exists and is not a regular file"
  if (info.nlink > 1) return "has other hard links; remove it first"
  const uid = process.getuid?.()
  if (uid !== undefined && info.uid !== uid) return "belongs to another user; remove it first"
  if ((info.mode & 0o077) !== 0) {
    return `exists with mode ${(info.mode & 0o777).toString(8)}, readable or writable by others; ` +
      "remove it or chmod 600 it first"
  }
  return undefined
}

const openNew = (path: string) =>
  open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o600)

const openExisting = async (path: string): Promise<FileHandle> => {
  const handle = await open(path, constants.O_WRONLY | NOFOLLOW)
  const problem = await refusal(handle)
  if (problem === undefined) return handle
  await handle.close()
  throw Object.assign(new Error(problem), { refusal: problem })
}

const describe = (error: unknown): string => {
  if (typeof error === "object" && error !== null && "refusal" in error) return String(error.refusal)
  switch (codeOf(error)) {
    case "ELOOP":
      return "is a symbolic link; give the path of the file itself"
    case "EISDIR":
      return "is a directory"
    case "ENOENT":
      return "cannot be created: its directory does not exist"
    case "EACCES":
    case "EPERM":
      return "cannot be written: permission denied"
    default:
      return `cannot be written (${codeOf(error)})`
  }
}

/**
 * Opens (or creates, mode 0600) the token file, refusing a symbolic link and
 * a file others could read. When the scope closes without a token written,
 * a file created here is removed again, and an existing one is left as it was.
 */
export const prepareTokenFile = (path: string): Effect.Effect<TokenFile, UizaError.UizaConfigError, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.tryPromise({
      try: async () => {
        try {
          return { handle: await openNew(path), created: true, written: false }
        } catch (error) {
          if (codeOf(error) !== "EEXIST") throw error
          return { handle: await openExisting(path), created: false, written: false }
        }
      },
      catch: (error) => fileError(path, describe(error))
    }),
    (state) =>
      Effect.promise(async () => {
        await state.handle.close().catch(() => undefined)
        if (state.created && !state.written) await unlink(path).catch(() => undefined)
      })
  ).pipe(
    Effect.map((state): TokenFile => ({
      path,
      created: state.created,
      write: (token) =>
        Effect.tryPromise({
          try: async () => {
            await state.handle.truncate(0)
            await state.handle.write(`${Redacted.value(token)}\n`, 0, "utf8")
            await state.handle.sync()
            state.written = true
          },
          catch: (error) => fileError(path, `could not be written (${codeOf(error)})`)
        })
    }))
  )
