/**
 * Where a password comes from (a prompt without echo, a file, standard
 * input), how it is read, and the guard that refuses a password given as
 * an argument.
 *
 * @internal
 */
import * as Options from "@effect/cli/Options"
import * as Prompt from "@effect/cli/Prompt"
import type * as ValidationError from "@effect/cli/ValidationError"
import type * as Terminal from "@effect/platform/Terminal"
import { UizaError } from "@uiza-effect/core"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { type BoundedRead, readFileAtMost, readStandardInputAtMost, stripLineBreaks } from "./boundedRead.js"
import { usage } from "./flags.js"

// `--password` itself is refused by the token guard; these are the other
// spellings a user may try for the passwords of `change-password` and `serve`.
const PASSWORD_FLAG = /^--?((old|new|current|admin)-?)?(password|passwd|pass|pw)(=|$)/i

/** A flag that would carry a password itself, such as `--new-password=…`. */
export const isPasswordArgument = (arg: string): boolean => PASSWORD_FLAG.test(arg)

export const passwordArgumentMessage =
  "uiza: a password is never accepted as a command-line argument: arguments are saved in shell " +
  "history and visible in the process list. In a terminal uiza asks for it without echo; otherwise " +
  "use the command's --…-password-file <path> or --…-stdin flag (uiza <command> --help lists them)."

// Far above any password: the bound only keeps a wrong file or stream from filling memory.
const MAX_SECRET_BYTES = 4 * 1024

export type SecretSource =
  | { readonly _tag: "Prompt" }
  | { readonly _tag: "File"; readonly path: string }
  | { readonly _tag: "Stdin" }

/** Whether standard input is taken by this source (only one secret can come from there). */
export const readsStdin = (source: SecretSource): boolean => source._tag === "Stdin"

/** `--<name>-file <path>` and `--<name>-stdin`, as one source; the prompt when neither is given. */
export const secretSource = (name: string, what: string): Options.Options<SecretSource> =>
  Options.all({
    file: Options.text(`${name}-file`).pipe(
      Options.withPseudoName("path"),
      Options.withDescription(
        `Read ${what} from this file (its trailing line break is ignored); a pipe works: --${name}-file <(pass show …).`
      ),
      Options.optional
    ),
    stdin: Options.boolean(`${name}-stdin`).pipe(
      Options.withDescription(`Read ${what} from standard input. Without either flag, uiza asks for it in a terminal.`)
    )
  }).pipe(
    Options.mapEffect(({ file, stdin }): Effect.Effect<SecretSource, ValidationError.ValidationError> => {
      if (Option.isSome(file) && stdin) {
        return Effect.fail(usage(`Give either --${name}-file or --${name}-stdin, not both.`))
      }
      if (Option.isSome(file)) return Effect.succeed({ _tag: "File", path: file.value })
      return Effect.succeed(stdin ? { _tag: "Stdin" } : { _tag: "Prompt" })
    })
  )

const secretError = (setting: string, message: string) => new UizaError.UizaConfigError({ setting, message })

const secretOf = (setting: string, source: string) => (read: BoundedRead) => {
  switch (read._tag) {
    case "Read":
      return Effect.succeed(read.text)
    case "TooLarge":
      return Effect.fail(
        secretError(
          setting,
          `${source} is larger than ${MAX_SECRET_BYTES / 1024} KiB; it should hold only the password.`
        )
      )
    case "Directory":
      return Effect.fail(secretError(setting, `${source} is a directory.`))
  }
}

const readFileBounded = (
  setting: string,
  path: string,
  flag: string
): Effect.Effect<string, UizaError.UizaConfigError> =>
  readFileAtMost(path, MAX_SECRET_BYTES).pipe(
    Effect.mapError((error) => secretError(setting, `${flag} ${path} could not be read (${error.code}).`)),
    Effect.flatMap(secretOf(setting, `${flag} ${path}`))
  )

const readPipedInput = (setting: string): Effect.Effect<string, UizaError.UizaConfigError> =>
  readStandardInputAtMost(MAX_SECRET_BYTES).pipe(
    Effect.mapError(() => secretError(setting, "Standard input could not be read.")),
    Effect.flatMap(secretOf(setting, "Standard input"))
  )

export interface SecretPrompt {
  /** The setting named by errors: `password`, `oldPassword`, `newPassword`. */
  readonly setting: string
  /** The flag of the file, such as `--password-file`. */
  readonly fileFlag: string
  /** The flags that give it without a terminal, for the error when there is none to ask in. */
  readonly flags: string
  /** What it is, such as `the password of admin`. */
  readonly what: string
  /** What the prompt says, such as `Password for admin`. */
  readonly message: string
  /** Ask twice and compare: for a password being set, where a typo would lock the user out. */
  readonly confirm?: boolean
}

const prompted = (prompt: SecretPrompt): Effect.Effect<
  Redacted.Redacted<string>,
  UizaError.UizaConfigError | Terminal.QuitException,
  Prompt.Prompt.Environment
> =>
  Effect.suspend(() => {
    if (!process.stdin.isTTY) {
      return Effect.fail(
        secretError(
          prompt.setting,
          `No ${prompt.what} was given, and standard input is not a terminal to ask for it in: ` +
            `use ${prompt.flags} (never an argument).`
        )
      )
    }
    const ask = Prompt.run(Prompt.password({ message: prompt.message }))
    if (prompt.confirm !== true) return ask
    return Effect.flatMap(
      Effect.zip(ask, Prompt.run(Prompt.password({ message: `${prompt.message}, again` }))),
      ([first, second]) =>
        Redacted.value(first) === Redacted.value(second)
          ? Effect.succeed(first)
          : Effect.fail(secretError(prompt.setting, "The two passwords typed differ; nothing was sent."))
    )
  })

/** Reads a secret from a file (its trailing line breaks dropped); `flag` names the file in errors. */
export const readSecretFile = (
  setting: string,
  path: string,
  flag: string
): Effect.Effect<Redacted.Redacted<string>, UizaError.UizaConfigError> =>
  Effect.map(readFileBounded(setting, path, flag), (text) => Redacted.make(stripLineBreaks(text)))

/** Reads one secret from its source. */
export const readSecret = (source: SecretSource, prompt: SecretPrompt): Effect.Effect<
  Redacted.Redacted<string>,
  UizaError.UizaConfigError | Terminal.QuitException,
  Prompt.Prompt.Environment
> => {
  switch (source._tag) {
    case "Prompt":
      return prompted(prompt)
    case "File":
      return readSecretFile(prompt.setting, source.path, prompt.fileFlag)
    case "Stdin":
      // In a terminal, standard input is the keyboard: ask without echo instead of waiting for an end of file.
      return process.stdin.isTTY
        ? prompted(prompt)
        : Effect.map(readPipedInput(prompt.setting), (text) => Redacted.make(stripLineBreaks(text)))
  }
}

/**
 * Reads two secrets from standard input, one a line (the old password,
 * then the new one), as `--passwords-stdin` does.
 */
export const readSecretPair = (
  settings: readonly [string, string]
): Effect.Effect<readonly [Redacted.Redacted<string>, Redacted.Redacted<string>], UizaError.UizaConfigError> =>
  Effect.flatMap(readPipedInput(settings[0]), (text) => {
    const lines = stripLineBreaks(text).split(/\r?\n/)
    return lines.length === 2
      ? Effect.succeed([Redacted.make(lines[0]), Redacted.make(lines[1])] as const)
      : Effect.fail(
        secretError(
          settings[0],
          `Standard input must hold two lines, the old password and then the new one; it holds ${lines.length}.`
        )
      )
  })
