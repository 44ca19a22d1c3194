/** The floor: the Effect runtime running a trivial program, nothing else. */
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"

Effect.runFork(Effect.flatMap(Effect.succeed(sessionStorage.length), (n) => Console.log(n)))
