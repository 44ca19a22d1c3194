import * as Option from "effect/Option"

/**
 * The first character of a setting that is not visible ASCII, as a sentence
 * naming its kind and position (`contains whitespace at position 3`), with
 * `suffix` after the position; `undefined` when there is none. Never quotes
 * the setting: it may be a secret, or hold one.
 *
 * @internal
 */
export const forbiddenCharacter = (input: string, suffix = ""): string | undefined => {
  for (let index = 0; index < input.length; index++) {
    const code = input.charCodeAt(index)
    if (code >= 0x21 && code <= 0x7e) continue
    const kind = code === 0x0d || code === 0x0a
      ? "a line break"
      : code === 0x20 || code === 0x09
      ? "whitespace"
      : code < 0x20 || code === 0x7f
      ? "a control character"
      : "a non-ASCII character"
    return `contains ${kind} at position ${index + 1}${suffix}`
  }
  return undefined
}

/**
 * Checks a token before it can become a header value: non-empty, visible
 * ASCII only. Returns a sentence naming the problem and its position, never
 * the token or any part of it.
 *
 * @internal
 */
export const authorizationProblem = (token: string): Option.Option<string> =>
  token.length === 0 ? Option.some("is empty") : Option.fromNullable(forbiddenCharacter(token, ` of ${token.length}`))
