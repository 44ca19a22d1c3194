/**
 * Where the token comes from (`UIZA_AUTHORIZATION`, `--token-file`,
 * `--token-stdin`), how it is read, and the guard that refuses a token given
 * as an argument.
 *
 * @internal
 */
import * as Options from "@effect/cli/Options"
import * as Prompt from "@effect/cli/Prompt"
import type * as ValidationError from "@effect/cli/ValidationError"
import type * as Terminal from "@effect/platform/Terminal"
import { UizaConfig, UizaError } from "@uiza-effect/core"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { type BoundedRead, readFileAtMost, readStandardInputAtMost, stripLineBreaks } from "./boundedRead.js"
import { usage } from "./flags.js"

// Flags whose name says "the token goes here": refused before parsing, so that
// the value is never echoed back in an "unknown option" message.
const TOKEN_FLAG = /^--?(token|authori[sz]ation|auth|api-?key|key|secret|password)(=|$)/i
// The documented token shape, given as a bare argument.
const TOKEN_SHAPE = /^uap-[0-9a-f]{32}-[0-9a-f]{8}$/i

/** A flag named for a secret, or a bare value of the token's shape. */
export const isTokenArgument = (arg: string): boolean => TOKEN_FLAG.test(arg) || TOKEN_SHAPE.test(arg)

export const tokenArgumentMessage =
  "uiza: the token is never accepted as a command-line argument: arguments are saved " +
  "in shell history and visible in the process list. Use --token-file <path>, --token-stdin, or the " +
  "UIZA_AUTHORIZATION environment variable."

const MAX_TOKEN_BYTES = 64 * 1024

export type TokenSource =
  | { readonly _tag: "Environment" }
  | { readonly _tag: "File"; readonly path: string }
  | { readonly _tag: "Stdin" }

export const tokenSource: Options.Options<TokenSource> = Options.all({
  // Not `Options.file`: it refuses anything but a regular file, and `--token-file <(pass show uiza)` is a pipe.
  file: Options.text("token-file").pipe(
    Options.withPseudoName("path"),
    Options.withDescription(
      "Read the token from this file (its trailing line break is ignored). Keep the file private (chmod 600)."
    ),
    Options.optional
  ),
  stdin: Options.boolean("token-stdin").pipe(
    Options.withDescription(
      "Read the token from standard input, e.g. `pass show uiza | uiza logout --token-stdin`; in a terminal, ask for it without echo."
    )
  )
}).pipe(
  Options.mapEffect(({ file, stdin }): Effect.Effect<TokenSource, ValidationError.ValidationError> => {
    if (Option.isSome(file) && stdin) return Effect.fail(usage("Give either --token-file or --token-stdin, not both."))
    if (Option.isSome(file)) return Effect.succeed({ _tag: "File", path: file.value })
    return Effect.succeed(stdin ? { _tag: "Stdin" } : { _tag: "Environment" })
  })
)
const tokenError = (source: string, problem: string) =>
  new UizaError.UizaConfigError({
    setting: "authorization",
    message: `Invalid Uiza configuration: authorization (${source}) ${problem}.`
  })

const tooLarge = (source: string) =>
  tokenError(source, `is larger than ${MAX_TOKEN_BYTES / 1024} KiB; it should hold only the token`)

const tokenOf = (source: string) => (read: BoundedRead): Effect.Effect<string, UizaError.UizaConfigError> => {
  switch (read._tag) {
    case "Read":
      return Effect.succeed(stripLineBreaks(read.text))
    case "TooLarge":
      return Effect.fail(tooLarge(source))
    case "Directory":
      return Effect.fail(tokenError(source, "is a directory"))
  }
}

const readTokenFile = (path: string): Effect.Effect<string, UizaError.UizaConfigError> => {
  const source = `--token-file ${path}`
  return readFileAtMost(path, MAX_TOKEN_BYTES).pipe(
    Effect.mapError((error) => tokenError(source, `could not be read (${error.code})`)),
    Effect.flatMap(tokenOf(source))
  )
}

const readPipedInput: Effect.Effect<string, UizaError.UizaConfigError> = readStandardInputAtMost(MAX_TOKEN_BYTES).pipe(
  Effect.mapError(() => tokenError("--token-stdin", "could not be read")),
  Effect.flatMap(tokenOf("--token-stdin"))
)

// In a terminal, ask without echo instead of waiting for an end of file.
const readStandardInput = Effect.suspend((): Effect.Effect<
  Redacted.Redacted<string>,
  UizaError.UizaConfigError | Terminal.QuitException,
  Prompt.Prompt.Environment
> =>
  process.stdin.isTTY
    ? Prompt.run(Prompt.password({ message: "Uiza token" }))
    : Effect.map(readPipedInput, Redacted.make)
)

export const readToken = (
  source: TokenSource
): Effect.Effect<
  Option.Option<Redacted.Redacted<string>>,
  UizaError.UizaConfigError | Terminal.QuitException,
  Prompt.Prompt.Environment
> => {
  switch (source._tag) {
    case "Environment":
      return Effect.succeedNone
    case "File":
      return Effect.map(readTokenFile(source.path), (token) => Option.some(Redacted.make(token)))
    case "Stdin":
      return Effect.asSome(readStandardInput)
  }
}

export const tokenHint = (source: TokenSource): string => {
  switch (source._tag) {
    case "File":
      return `the token came from --token-file ${source.path}`
    case "Stdin":
      return "the token came from standard input (--token-stdin)"
    case "Environment":
      return `set ${UizaConfig.environmentVariables.authorization}, or use --token-file <path> or --token-stdin`
  }
}
