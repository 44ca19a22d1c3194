import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { describe, expect, it } from "@effect/vitest"
import { UizaConfig, UizaError, User } from "@uiza-effect/core"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FastCheck from "effect/FastCheck"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Tracer from "effect/Tracer"
import { inspect } from "node:util"
import { readableIn, spelledArbitrary } from "./support/spellings.js"

const TOKEN = "uap-0123456789abcdef0123456789abcdef-01234567"

interface Reply {
  readonly status: number
  readonly contentType: string | undefined
  readonly retryAfter: string | undefined
  readonly body: Uint8Array
}

const encoder = new TextEncoder()
const bytesOf = (text: string) => encoder.encode(text)

// Bodies: random bytes, random text, and near-misses of the envelope.
const bodyArbitrary: FastCheck.Arbitrary<Uint8Array> = FastCheck.oneof(
  FastCheck.uint8Array({ maxLength: 4096 }),
  // Long bodies of multi-byte characters: the excerpt must be cut on a character boundary.
  FastCheck.uint8Array({ minLength: 2000, maxLength: 6000 }),
  FastCheck.string({ unit: "grapheme", minLength: 700, maxLength: 1500 }).map(bytesOf),
  FastCheck.string({ unit: "binary", maxLength: 256 }).map(bytesOf),
  FastCheck.json({ maxDepth: 4 }).map(bytesOf),
  FastCheck.record({
    code: FastCheck.oneof(FastCheck.integer({ min: -1, max: 999 }), FastCheck.string(), FastCheck.constant(null)),
    type: FastCheck.oneof(FastCheck.constantFrom("SUCCESS", "ERROR"), FastCheck.string()),
    message: FastCheck.oneof(FastCheck.string(), FastCheck.integer(), FastCheck.constant(null)),
    data: FastCheck.oneof(
      FastCheck.constant(null),
      FastCheck.record({ message: FastCheck.oneof(FastCheck.string(), FastCheck.integer()) }),
      FastCheck.array(
        FastCheck.record({ type: FastCheck.string(), field: FastCheck.string(), message: FastCheck.string() })
      )
    ),
    requestId: FastCheck.oneof(FastCheck.uuid(), FastCheck.integer()),
    datetime: FastCheck.oneof(FastCheck.string(), FastCheck.date({ noInvalidDate: true }).map((d) => d.toISOString())),
    retryable: FastCheck.oneof(FastCheck.boolean(), FastCheck.string())
  }, { requiredKeys: [] }).map((value) => bytesOf(JSON.stringify(value))),
  FastCheck.constant(bytesOf(`<html>${"<p>bad gateway</p>".repeat(5000)}</html>`)),
  FastCheck.constant(bytesOf("{\"data\":{\"message\":\"Logout success\"},\"code\":200,\"type\""))
)

const replyArbitrary: FastCheck.Arbitrary<Reply> = FastCheck.record({
  status: FastCheck.integer({ min: 100, max: 599 }),
  contentType: FastCheck.option(
    FastCheck.constantFrom(
      "application/json",
      "text/html",
      "text/plain; charset=latin1",
      "application/octet-stream",
      "",
      "application/json; charset=utf-16"
    ),
    { nil: undefined }
  ),
  retryAfter: FastCheck.option(
    FastCheck.oneof(
      FastCheck.nat(200).map(String),
      FastCheck.string({ maxLength: 40 }),
      FastCheck.date().map((d) => Number.isNaN(d.getTime()) ? "x" : d.toUTCString())
    ),
    { nil: undefined }
  ),
  body: bodyArbitrary
})

// `Response` refuses statuses outside 200-599 and bodies on 204/205/304: build a 200 and
// give it the wanted status, as a server on the wire can.
const webResponse = (reply: Reply): Response => {
  const headers = new Headers()
  if (reply.contentType !== undefined) headers.set("content-type", reply.contentType)
  if (reply.retryAfter !== undefined) {
    try {
      headers.set("retry-after", reply.retryAfter)
    } catch {
      // not a valid header value: the reply goes without it
    }
  }
  const response = new Response(new Blob([new Uint8Array(reply.body)]), { status: 200, headers })
  Object.defineProperty(response, "status", { value: reply.status })
  return response
}

const layerOf = (reply: Reply) =>
  Layer.merge(
    Layer.succeed(
      HttpClient.HttpClient,
      HttpClient.make((request) => Effect.succeed(HttpClientResponse.fromWeb(request, webResponse(reply))))
    ),
    UizaConfig.layer({ workspaceApiDomain: "api.example.com", authorization: TOKEN, maxRetries: 0 })
  )

/** Every outcome is a LogoutResult or exactly one UizaError: no defect, no interruption, no hang. */
const expectTypedOutcome = (exit: Exit.Exit<unknown, unknown>) => {
  if (Exit.isSuccess(exit)) {
    expect(exit.value).toBeInstanceOf(User.LogoutResult)
    return
  }
  const failures = Cause.failures(exit.cause)
  expect(Cause.isDie(exit.cause), Cause.pretty(exit.cause)).toBe(false)
  expect(Cause.isInterrupted(exit.cause)).toBe(false)
  expect(failures.length).toBe(1)
  const [error] = failures
  expect(UizaError.isUizaError(error)).toBe(true)
  if (!UizaError.isUizaError(error)) return
  expect(error.attempts).toBe(1)
  expect(error.message.length).toBeLessThanOrEqual(400)
  if ("bodyExcerpt" in error && error.bodyExcerpt !== undefined) {
    expect(encoder.encode(error.bodyExcerpt).length).toBeLessThanOrEqual(2048)
  }
  // Serialisable with its schema, and printable.
  expect(() => JSON.stringify(error)).not.toThrow()
  expect(() => Cause.pretty(exit.cause)).not.toThrow()
}

describe("arbitrary replies", () => {
  it.live(
    "every (status, content type, body) gives a LogoutResult or a UizaError",
    () =>
      Effect.promise(() =>
        FastCheck.assert(
          FastCheck.asyncProperty(replyArbitrary, async (reply) => {
            const exit = await Effect.runPromiseExit(
              User.logout().pipe(
                Effect.provide(layerOf(reply)),
                // A hang would show as this defect.
                Effect.timeoutFail({ duration: "5 seconds", onTimeout: () => "hang" as const }),
                Effect.catchIf((error) => error === "hang", () => Effect.dieMessage("the call hung"))
              )
            )
            expectTypedOutcome(exit)
            // A success only ever comes from a 2xx.
            if (Exit.isSuccess(exit)) expect(reply.status >= 200 && reply.status <= 299).toBe(true)
            // A non-2xx is always an error whatever its body; 4xx/5xx carry the status.
            if (Exit.isFailure(exit) && reply.status >= 400) {
              const [error] = Cause.failures(exit.cause)
              expect("status" in error && error.status).toBe(reply.status)
            }
          }),
          { numRuns: 1_000 }
        )
      ),
    { timeout: 120_000 }
  )
})

// A token of visible ASCII, sometimes with the characters the encodings treat specially.
const canaryArbitrary = FastCheck.tuple(
  FastCheck.stringMatching(/^[0-9a-f]{12}$/),
  FastCheck.constantFrom("", "\"", "\\", "<>&'", "%41", "/;#")
).map(([hex, odd]) => `uap-canary${odd}${hex}-x`)

// A body carrying the token spelled any way, in a key, a value, raw text or deep nesting.
const carrierArbitrary = (spelled: string): FastCheck.Arbitrary<string> =>
  FastCheck.oneof(
    FastCheck.constant(`{"${spelled}": 1}`),
    FastCheck.constant(`{"message": "${spelled}", "requestId": "${spelled}", "code": 200}`),
    FastCheck.constant(
      `{"data": {"message": "ok ${spelled}"}, "requestId": "${spelled}", "serviceName": "${spelled}"}`
    ),
    FastCheck.constant(
      `{"code": 422, "type": "ERROR", "data": [{"type": "${spelled}", "field": "${spelled}", "message": "${spelled}"}]}`
    ),
    FastCheck.constant(`[{"${spelled}": "${spelled}"}]`),
    FastCheck.constant(`<html><a href="/?t=${spelled}">${spelled}</a></html>`),
    FastCheck.constant(spelled),
    FastCheck.integer({ min: 1, max: 8_000 }).map((depth) =>
      `${"[".repeat(depth)}{"${spelled}":"${spelled}"}${"]".repeat(depth)}`
    ),
    FastCheck.integer({ min: 1, max: 200 }).map((depth) => `${"{\"a\":".repeat(depth)}"${spelled}"${"}".repeat(depth)}`)
  )

const canaryReplyArbitrary = canaryArbitrary.chain((token) =>
  FastCheck.record({
    token: FastCheck.constant(token),
    status: FastCheck.oneof(
      FastCheck.constantFrom(200, 302, 401, 404, 422, 500, 503),
      FastCheck.integer({ min: 100, max: 599 })
    ),
    spelled: spelledArbitrary(token),
    echoHeaders: FastCheck.boolean()
  }).chain((reply) => carrierArbitrary(reply.spelled).map((body) => ({ ...reply, body })))
)

describe("a reply carrying the token in any spelling", () => {
  it.live(
    "is rendered nowhere readable, decoded any way, and ends in a success or a UizaError",
    () =>
      Effect.promise(() =>
        FastCheck.assert(
          FastCheck.asyncProperty(canaryReplyArbitrary, async ({ body, echoHeaders, spelled, status, token }) => {
            const spans: Array<Tracer.Span> = []
            const logs: Array<string> = []
            const base = await Effect.runPromise(Effect.tracer)
            const tracer = Tracer.make({
              span: (...args) => {
                const span = base.span(...args)
                spans.push(span)
                return span
              },
              context: (f, fiber) => base.context(f, fiber)
            })
            const logger = Logger.make((options) => {
              logs.push(Logger.logfmtLogger.log(options), Logger.jsonLogger.log(options))
            })
            const client = HttpClient.make((request) =>
              Effect.sync(() => {
                const headers = new Headers({ "content-type": "application/json" })
                if (echoHeaders) {
                  headers.set("x-echo", spelled)
                  headers.set("retry-after", spelled)
                  headers.set("www-authenticate", spelled)
                }
                const response = new Response(body, { status: 200, headers })
                Object.defineProperty(response, "status", { value: status })
                return HttpClientResponse.fromWeb(request, response)
              })
            )
            const layer = Layer.mergeAll(
              Layer.succeed(HttpClient.HttpClient, client),
              UizaConfig.layer({ workspaceApiDomain: "api.example.com", authorization: token, maxRetries: 0 }),
              Logger.replace(Logger.defaultLogger, logger),
              Logger.minimumLogLevel(LogLevel.All)
            )
            const exit = await Effect.runPromiseExit(
              User.logout().pipe(Effect.withTracer(tracer), Effect.provide(layer))
            )
            expectTypedOutcome(exit)
            const value = Exit.isSuccess(exit) ? exit.value : Cause.squash(exit.cause)
            const texts = [
              String(value),
              JSON.stringify(value) ?? "",
              inspect(value),
              inspect(value, { depth: Infinity, showHidden: true }),
              inspect(value, { depth: Infinity, showHidden: true, customInspect: false }),
              value instanceof Error ? `${value.stack}\n${value.message}` : "",
              Exit.isFailure(exit) ? Cause.pretty(exit.cause) : "",
              ...logs,
              ...spans.flatMap((span) => [
                ...Array.from(span.attributes, ([key, attribute]) => `${key}=${String(attribute)}`),
                ...((span as unknown as { readonly events?: ReadonlyArray<unknown> }).events ?? []).map((event) =>
                  inspect(event, { depth: Infinity })
                ),
                span.status._tag === "Ended" && Exit.isFailure(span.status.exit)
                  ? Cause.pretty(span.status.exit.cause)
                  : ""
              ])
            ]
            for (const text of texts) {
              if (readableIn(token, text)) expect.fail(`the token is readable in: ${text.slice(0, 1000)}`)
            }
          }),
          { numRuns: 500 }
        )
      ),
    { timeout: 120_000 }
  )
})
