/**
 * What @effect/cli prints by itself, outside of a command's handler: its
 * parse errors, which quote the values they refuse, are not printed (the
 * caller restates them, see `usageError.ts`); its help, always styled, loses
 * its colours when they are off (see `colours.ts`) and shows usage lines with
 * the whole command (`$ uiza logout …`, not `$ logout …`). Commands get the
 * real console back.
 *
 * @internal
 */
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { withoutColours } from "./terminalText.js"

const realConsoles = new WeakMap<Console.Console, Console.Console>()

export interface LibraryOutput {
  /** Whether standard output may carry colours. */
  readonly colours: boolean
  /** The names of the command the help is about, outermost first: `["uiza", "logout"]`. */
  readonly commandPath: ReadonlyArray<string>
}

// @effect/cli writes a usage line as `$ <innermost command> <flags>`.
const withWholeCommand = (text: string, commandPath: ReadonlyArray<string>): string => {
  const innermost = commandPath[commandPath.length - 1]
  if (commandPath.length < 2 || innermost === undefined) return text
  const parents = commandPath.slice(0, -1).join(" ")
  return text.replace(
    /^\$ (\S+)/gm,
    (line, command: string) => command === innermost ? `$ ${parents} ${command}` : line
  )
}

const libraryConsole = (real: Console.Console, output: LibraryOutput): Console.Console => {
  const shown = (arg: unknown) => {
    if (typeof arg !== "string") return arg
    const text = withWholeCommand(arg, output.commandPath)
    return output.colours ? text : withoutColours(text)
  }
  const console: Console.Console = {
    ...real,
    log: (...args) => real.log(...args.map(shown)),
    // Only parse errors go there, each followed by the ValidationError it prints.
    error: () => Effect.void
  }
  realConsoles.set(console, real)
  return console
}

/** Runs `self` (the whole of @effect/cli's run) with @effect/cli's own error printing muted. */
export const withLibraryConsole = <A, E, R>(
  self: Effect.Effect<A, E, R>,
  output: LibraryOutput
): Effect.Effect<A, E, R> => Console.consoleWith((real) => Console.withConsole(self, libraryConsole(real, output)))

/** Runs a command's handler with the console `withLibraryConsole` had replaced. */
export const withCommandConsole = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Console.consoleWith((current) => Console.withConsole(self, realConsoles.get(current) ?? current))
