/**
 * What the canary tests share: replies that echo a secret in every place a
 * server could put it, and the check that a secret appears in none of the
 * texts an outcome, a log or a span can be turned into.
 */
import { expect } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Exit from "effect/Exit"
import { renderings } from "./capture.js"

/** JSON text of `value` with every character of its strings escaped as \uXXXX. */
export const escapedJson = (value: unknown): string =>
  JSON.stringify(value).replace(/"((?:[^"\\]|\\.)*)"/g, (_, inner: string) => {
    const text = JSON.parse(`"${inner}"`) as string
    return `"${Array.from(text, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}"`
  })

/** Bodies that quote `secret` back: error envelopes, field errors, escaped JSON, HTML, broken JSON, bare text. */
export const echoBodies = (secret: string): ReadonlyArray<string> => [
  JSON.stringify({ code: 401, type: "ERROR", message: `bad token ${secret}`, requestId: secret, data: null }),
  JSON.stringify({
    code: 422,
    type: "ERROR",
    message: secret,
    data: [{ type: secret, field: secret, message: `field ${secret}` }],
    requestId: `req-${secret}`
  }),
  escapedJson({ code: 400, type: "ERROR", message: `bad token ${secret}`, requestId: secret }),
  escapedJson({ data: { message: secret }, message: secret, requestId: secret, code: 200, type: "SUCCESS" }),
  JSON.stringify({
    data: { message: `Logout success ${secret}` },
    requestId: secret,
    serviceName: secret,
    policy: secret
  }),
  `<html><body>token=${secret}</body></html>`,
  `{"message":"${secret}`,
  secret,
  ""
]

/** Fails with the text that holds one of `secrets`, if any does. */
export const expectNoCanary = (secrets: string | ReadonlyArray<string>, texts: ReadonlyArray<string>) => {
  for (const secret of typeof secrets === "string" ? [secrets] : secrets) {
    for (const text of texts) {
      if (text.includes(secret)) {
        expect.fail(`the canary leaked in: ${text.slice(0, 2000)}`)
      }
    }
  }
}

/** Every rendering of an outcome: the pretty cause and the squashed error, or the value. */
export const outcomeTexts = (exit: Exit.Exit<unknown, unknown>): Array<string> =>
  Exit.match(exit, {
    onFailure: (cause) => [Cause.pretty(cause), ...renderings(Cause.squash(cause))],
    onSuccess: (value) => renderings(value)
  })
