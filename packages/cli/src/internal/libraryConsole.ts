/**
 * What @effect/cli prints by itself, outside of a command's handler: its
 * parse errors, which quote the values they refuse, are not printed (the
 * caller restates them, see `usageError.ts`); commands get the real console
 * back.
 *
 * @internal
 */
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"

const realConsoles = new WeakMap<Console.Console, Console.Console>()

const libraryConsole = (real: Console.Console): Console.Console => {
  const console: Console.Console = {
    ...real,
    // Only parse errors go there, each followed by the ValidationError it prints.
    error: () => Effect.void
  }
  realConsoles.set(console, real)
  return console
}

/** Runs `self` (the whole of @effect/cli's run) with @effect/cli's own error printing muted. */
export const withLibraryConsole = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Console.consoleWith((real) => Console.withConsole(self, libraryConsole(real)))

/** Runs a command's handler with the console `withLibraryConsole` had replaced. */
export const withCommandConsole = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Console.consoleWith((current) => Console.withConsole(self, realConsoles.get(current) ?? current))
