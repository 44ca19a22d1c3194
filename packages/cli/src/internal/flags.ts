/**
 * The flags every command that calls the API shares, and how they become
 * the Node preset's layer.
 *
 * @internal
 */
import * as Options from "@effect/cli/Options"
import type * as ValidationError from "@effect/cli/ValidationError"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { usage } from "./usageError.js"

export { usage }
// A bare number is seconds (`--timeout 10`); anything else is an Effect duration (`1500 millis`).
export const parseDuration = (input: string): Effect.Effect<Duration.Duration, ValidationError.ValidationError> => {
  const trimmed = input.trim()
  const decoded = /^\d+(\.\d+)?$/.test(trimmed)
    ? Option.some(Duration.millis(Number(trimmed) * 1000))
    : Duration.decodeUnknown(trimmed)
  return Option.match(decoded, {
    onNone: () =>
      Effect.fail(
        // The value is not repeated: it may be a secret typed in the wrong place.
        usage("--timeout needs seconds (10, 2.5) or a duration (1500 millis).")
      ),
    onSome: Effect.succeed
  })
}

export const integerBetween = (flag: string, min: number, max: number) => (value: number) =>
  Number.isSafeInteger(value) && value >= min && value <= max
    ? Effect.succeed(value)
    : Effect.fail(usage(`--${flag} must be a whole number from ${min} to ${max}.`))

export const json = Options.boolean("json").pipe(
  Options.withDescription("Print one JSON object on standard output instead of text.")
)
