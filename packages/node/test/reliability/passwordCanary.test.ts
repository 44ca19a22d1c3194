/**
 * Password canaries on a real socket: the passwords given to `User.create`,
 * `User.update`, `User.changePassword` and `Auth.createToken` appear in no
 * error, log line (every level, Debug included), span attribute or event,
 * and no rendering of the outcome (String, JSON, inspect, Cause.pretty),
 * even when the server echoes them in a 422 message and its field errors,
 * in a body the error quotes an excerpt of, in headers, or in the fields of
 * a success.
 */
import { describe, expect, it } from "@effect/vitest"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FastCheck from "effect/FastCheck"
import { echoBodies, escapedJson, expectNoCanary, outcomeTexts } from "../support/canary.js"
import { capture, spanTexts } from "../support/capture.js"
import * as FaultServer from "../support/faultServer.js"
import { type Operation, operations, type Passwords, run } from "../support/operations.js"

const withPasswords = operations.filter((operation) => operation.sends.length > 0)

// Passwords of 6 to 25 characters, sometimes with the characters JSON, URLs and HTML escape.
const oddCharacters = FastCheck.constantFrom("", "\"", "\\", "<>&'", "%41", "/")
const canaryArbitrary = (prefix: string) =>
  FastCheck.tuple(FastCheck.stringMatching(/^[0-9a-f]{12}$/), oddCharacters).map(([hex, odd]) =>
    `${prefix}${odd}${hex}`
  )
const passwordsArbitrary: FastCheck.Arbitrary<Passwords> = FastCheck.record({
  password: canaryArbitrary("pw"),
  newPassword: canaryArbitrary("nw")
})

// The secrets an operation sends, and the text a server echoing all of them writes.
const secretsOf = (operation: Operation, passwords: Passwords) => operation.sends.map((field) => passwords[field])
const echoOf = (operation: Operation, passwords: Passwords) => secretsOf(operation, passwords).join(" / ")

const echoHeaders = (echo: string): Record<string, string> => ({
  "x-echo": echo,
  "x-request-id": echo,
  "www-authenticate": `Basic realm="${echo}"`,
  "retry-after": echo,
  location: `http://127.0.0.1:9/${encodeURIComponent(echo)}`
})

// The operation's own success reply, with the echo in every field it has room for.
const echoIn = (value: unknown, echo: string): unknown => {
  if (Array.isArray(value)) return value.map((item) => echoIn(item, echo))
  if (typeof value !== "object" || value === null) return value
  const fields: Record<string, unknown> = { ...value, echo, password: echo, newPassword: echo, oldPassword: echo }
  if ("username" in value) Object.assign(fields, { fullName: echo, avatar: `https://cdn.example/${echo}` })
  if ("appId" in value) fields.appId = echo
  if ("message" in value) fields.message = `Logout success ${echo}`
  return fields
}
const echoingSuccess = (operation: Operation, echo: string, escaped: boolean): FaultServer.ReplyStep => {
  const envelope = JSON.parse(String(operation.success.body)) as Record<string, unknown>
  const body = { ...envelope, data: echoIn(envelope.data, echo), requestId: echo, serviceName: echo, policy: echo }
  return { ...operation.success, body: escaped ? escapedJson(body) : JSON.stringify(body) }
}

const unprocessable = (echo: string): FaultServer.ReplyStep =>
  FaultServer.json(422, {
    code: 422,
    type: "ERROR",
    message: `password ${echo} is not accepted`,
    data: [
      { type: "password", field: "password", message: `${echo} is too weak` },
      { type: echo, field: echo, message: echo }
    ],
    requestId: echo
  })

/**
 * Runs one call against a server that follows `step`, and checks every text
 * it produced. The time limit ends stalls; the checks of a reply's outcome
 * use a generous one, so that a slow first call does not turn into a timeout.
 */
const expectNoPassword = (
  operation: Operation,
  passwords: Passwords,
  step: FaultServer.Step,
  timeout: Duration.DurationInput = "10 seconds"
) =>
  Effect.gen(function*() {
    const server = yield* FaultServer.make([step])
    const { exit, logs, spans } = yield* capture(
      Effect.flatten(run(operation, server.url, { maxRetries: 0, timeout }, passwords))
    )
    // The request carried the passwords: the server saw them, nothing else does. (On a loaded
    // machine the short limit of the property can end an attempt before the request arrives.)
    const timedOut = Exit.isFailure(exit) && exit.cause._tag === "Fail" && exit.cause.error._tag === "TimeoutError"
    if (timedOut) expect(server.requests.length).toBeLessThanOrEqual(1)
    else expect(server.requests).toHaveLength(1)
    expectNoCanary(secretsOf(operation, passwords), [...outcomeTexts(exit), ...logs, ...spans.flatMap(spanTexts)])
    return { exit, logs, spans }
  })

const fixed: Passwords = { password: "pw\"canary-0123456789", newPassword: "nw<&>canary-9876543210" }

describe.each(withPasswords)("$name: the passwords it sends never show", (operation) => {
  const echo = echoOf(operation, fixed)

  it.scopedLive("in a 422 that quotes them in its message and field errors", () =>
    Effect.gen(function*() {
      const { exit } = yield* expectNoPassword(operation, fixed, unprocessable(echo))
      if (Exit.isSuccess(exit)) return expect.fail("a 422 succeeded")
      expect(exit.cause).toMatchObject({ error: { _tag: "UnprocessableError", status: 422 } })
      const error = Exit.isFailure(exit) && exit.cause._tag === "Fail" ? exit.cause.error : undefined
      // The server's words are kept, with the password cut out.
      expect(error?.message).toContain("<redacted>")
      expect(error && "fieldErrors" in error ? error.fieldErrors.length : 0).toBe(2)
    }))

  it.scopedLive("in the excerpt of a body that is not an envelope (HTML, text, broken JSON)", () =>
    Effect.forEach(
      [
        { _tag: "Reply", status: 502, headers: { "content-type": "text/html" }, body: `<html>${echo}</html>` },
        { _tag: "Reply", status: 200, headers: { "content-type": "text/plain" }, body: `oops ${echo}` },
        { _tag: "Reply", status: 500, headers: { "content-type": "application/json" }, body: `{"message":"${echo}` },
        { _tag: "HalfBody", status: 200, body: JSON.stringify({ data: { echo }, message: echo }) }
      ] satisfies ReadonlyArray<FaultServer.Step>,
      (step) =>
        Effect.gen(function*() {
          const { exit } = yield* expectNoPassword(operation, fixed, step)
          expect(exit._tag).toBe("Failure")
        }),
      { discard: true }
    ))

  it.scopedLive("in headers, on an error and on a success", () =>
    Effect.forEach(
      [FaultServer.errorEnvelope(503, echoHeaders(echo)), {
        ...operation.success,
        headers: { ...operation.success.headers, ...echoHeaders(echo) }
      }],
      (step) => expectNoPassword(operation, fixed, step),
      { discard: true }
    ))

  it.scopedLive("in the fields of a success that echoes them, plainly or JSON-escaped", () =>
    Effect.forEach([false, true], (escaped) =>
      Effect.gen(function*() {
        const { exit } = yield* expectNoPassword(operation, fixed, echoingSuccess(operation, echo, escaped))
        // The reply is still a success: its fields are kept, with the passwords cut out.
        expect(exit._tag).toBe("Success")
        if (Exit.isSuccess(exit) && exit.value !== undefined) {
          expect(outcomeTexts(exit).join("\n")).toContain("<redacted>")
        }
      }), { discard: true }))
})

// Any reply, reset or stall, with the passwords spelled any way.
const stepArbitrary = (operation: Operation, passwords: Passwords): FastCheck.Arbitrary<FaultServer.Step> => {
  const echo = echoOf(operation, passwords)
  const bodies = [...echoBodies(echo), String(unprocessable(echo).body)]
  return FastCheck.oneof(
    FastCheck.record({
      status: FastCheck.oneof(
        FastCheck.constantFrom(200, 400, 401, 404, 422, 500, 502, 503),
        FastCheck.integer({ min: 200, max: 599 })
      ),
      body: FastCheck.nat(bodies.length - 1),
      echoHeader: FastCheck.boolean()
    }).map(({ body, echoHeader, status }): FaultServer.Step => ({
      _tag: "Reply",
      status,
      headers: { "content-type": "application/json", ...(echoHeader ? echoHeaders(echo) : {}) },
      body: bodies[body]
    })),
    FastCheck.boolean().map((escaped) => echoingSuccess(operation, echo, escaped)),
    FastCheck.constant<FaultServer.Step>({ _tag: "HalfBody", status: 422, body: String(unprocessable(echo).body) }),
    FastCheck.constant<FaultServer.Step>({
      _tag: "StallBody",
      status: 200,
      headers: { "x-echo": echo },
      firstChunk: `{"message":"${echo}`
    }),
    FastCheck.constant<FaultServer.Step>({ _tag: "ResetAfterRead" })
  )
}

describe("the passwords never show, whatever the server does", () => {
  it.live("on a real socket, for every operation that sends one", () =>
    Effect.promise(() =>
      FastCheck.assert(
        FastCheck.asyncProperty(
          FastCheck.tuple(FastCheck.constantFrom(...withPasswords), passwordsArbitrary).chain((
            [operation, passwords]
          ) => stepArbitrary(operation, passwords).map((step) => [operation, passwords, step] as const)),
          async ([operation, passwords, step]) => {
            await Effect.runPromise(Effect.scoped(expectNoPassword(operation, passwords, step, "300 millis")))
          }
        ),
        { numRuns: 120 }
      )
    ), { timeout: 120_000 })
})
