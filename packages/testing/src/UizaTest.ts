/**
 * An in-memory Uiza API for tests: a layer that provides `HttpClient` and
 * `UizaConfig` without any network, answered by the real emulation of the
 * API (`UizaServer` from `@uiza-effect/server`, run through
 * `HttpApp.toWebHandler`). Valid tokens log out, logout revokes, a revoked or
 * unknown token gets the documented 401 envelope.
 *
 * On top of the emulation: faults on demand (any reply, a delay, a
 * connection failure) and the requests the API received, for assertions.
 * This module runs anywhere Effect runs (Node, browsers, workers); the local
 * server over a real socket is in `@uiza-effect/testing/node`.
 *
 * Retries: the kit's `UizaConfig` retries nothing unless asked
 * (`maxRetries` defaults to `0` here), so a retryable fault comes back at
 * once and a test needs no clock. With `maxRetries` set, the SDK backs off
 * (0.5 s, 1 s, ...) on the `TestClock` of `it.effect`: run the call in
 * {@link fastForward}, or move the clock with `TestClock.adjust`. A call
 * that waits on a `TestClock` nobody moves dies after 500 ms of real time
 * (`stalledClockLimit`) with a message that says so and what to do, instead
 * of hanging until the test runner's timeout.
 *
 * @since 0.1.0
 */
import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { UizaConfig, type UizaError } from "@uiza-effect/core"
import * as UizaServer from "@uiza-effect/server/UizaServer"
import * as Chunk from "effect/Chunk"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import * as ClockWatch from "./internal/clockWatch.js"

/**
 * A request the in-memory API received, as plain facts.
 *
 * `headers` are lower-cased, with the `authorization` value shown as
 * `<redacted>`; the token itself is in `authorization`, a `Redacted` that a
 * test unwraps with `Redacted.value` when it wants to compare it.
 *
 * @example
 * ```ts
 * import { Effect, Option, Redacted } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { UizaTest } from "@uiza-effect/testing"
 *
 * const program = Effect.gen(function*() {
 *   const kit = yield* UizaTest.UizaTest
 *   yield* User.logout()
 *   for (const request of yield* kit.requests) {
 *     console.log(request.method, request.url) // POST https://.../api/public/v3/admin/user/logout
 *     console.log(request.headers.authorization) // <redacted>
 *     // Ask for the token explicitly when the test needs to compare it:
 *     const sent = Option.map(request.authorization, Redacted.value)
 *     console.log(Option.contains(sent, kit.token)) // true
 *   }
 * }).pipe(Effect.provide(UizaTest.layer()))
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface RecordedRequest {
  readonly method: string
  /** The full URL, query included. */
  readonly url: string
  /** Lower-cased names; `authorization` shows `<redacted>`. */
  readonly headers: Readonly<Record<string, string>>
  /** The `Authorization` header, redacted; `None` when the request had none. */
  readonly authorization: Option.Option<Redacted.Redacted<string>>
  /** The body as text (`""` when there was none). */
  readonly body: string
  /** The body parsed as JSON; `undefined` when it was empty or not JSON. */
  readonly json: unknown
  /**
   * Who answered: the emulation (`"server"`), a fault queued with
   * {@link Service.failNext} (`"fault"`), or nobody because the request went
   * to another host than the workspace (`"unknown-host"`, a `ConnectionError`).
   */
  readonly answeredBy: "server" | "fault" | "unknown-host"
}

/**
 * A fault: answer a request with a reply of your choice.
 *
 * @example
 * ```ts
 * import { UizaTest } from "@uiza-effect/testing"
 *
 * // Built by `UizaTest.reply`, with the Uiza error envelope as the body:
 * const unavailable: UizaTest.Reply = UizaTest.reply(503, { headers: { "retry-after": "2" } })
 * console.log(unavailable.status, unavailable.headers["content-type"]) // 503 application/json
 *
 * // Or by hand:
 * const htmlPage: UizaTest.Reply = {
 *   _tag: "Reply",
 *   status: 200,
 *   headers: { "content-type": "text/html" },
 *   body: "<html><body>Maintenance</body></html>"
 * }
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Reply {
  readonly _tag: "Reply"
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/**
 * A fault: a connection failure, seen by the SDK as a `ConnectionError`
 * with `reason` equal to `code`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { UizaTest } from "@uiza-effect/testing"
 *
 * const reset: UizaTest.ConnectionFailure = UizaTest.connectionFailure("ECONNRESET")
 *
 * const program = Effect.gen(function*() {
 *   const kit = yield* UizaTest.UizaTest
 *   yield* kit.failNext(reset)
 *   return yield* Effect.flip(User.logout()) // ConnectionError, reason "ECONNRESET", possiblyDelivered: true
 * }).pipe(Effect.provide(UizaTest.layer()))
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface ConnectionFailure {
  readonly _tag: "ConnectionFailure"
  /** A system error code, such as `ECONNREFUSED` (nothing sent) or `ECONNRESET` (maybe delivered). */
  readonly code: string
}

/**
 * A fault: wait, then answer with another fault or, when there is none, with
 * the emulation. The wait uses the `Clock`, so a `TestClock` controls it.
 *
 * @example
 * ```ts
 * import { Duration, Option } from "effect"
 * import { UizaTest } from "@uiza-effect/testing"
 *
 * const slowGateway: UizaTest.Delay = UizaTest.delay("45 seconds", UizaTest.reply(504))
 * console.log(Duration.toSeconds(slowGateway.duration)) // 45
 * console.log(Option.isSome(slowGateway.then)) // true: then a 504
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Delay {
  readonly _tag: "Delay"
  readonly duration: Duration.Duration
  readonly then: Option.Option<Reply | ConnectionFailure>
}

/**
 * What {@link Service.failNext} answers the next requests with.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { UizaTest } from "@uiza-effect/testing"
 *
 * // A flaky network: a refused connection, a slow 503, then the emulation.
 * const flaky: ReadonlyArray<UizaTest.Fault> = [
 *   UizaTest.connectionFailure(),
 *   UizaTest.delay("3 seconds", UizaTest.reply(503))
 * ]
 *
 * const setup = Effect.flatMap(UizaTest.UizaTest, (kit) => Effect.forEach(flaky, (fault) => kit.failNext(fault)))
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type Fault = Reply | ConnectionFailure | Delay

/**
 * Options of {@link reply}.
 *
 * @example
 * ```ts
 * import { UizaTest } from "@uiza-effect/testing"
 *
 * const options: UizaTest.ReplyOptions = {
 *   headers: { "retry-after": "1" },
 *   message: "Too many requests, slow down",
 *   retryable: true
 * }
 *
 * const tooManyRequests = UizaTest.reply(429, options)
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface ReplyOptions {
  /** Headers of the reply, such as `{ "retry-after": "2" }`. */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /**
   * The body, replacing the default Uiza envelope: a string is sent as is
   * (`text/plain` unless `headers` set a `content-type`), anything else as JSON.
   */
  readonly body?: unknown
  /** The `message` of the default envelope. */
  readonly message?: string | undefined
  /** The `retryable` of the default error envelope (default: true for 408, 429, 500, 502, 503, 504). */
  readonly retryable?: boolean | undefined
}

const documentedMessages: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout"
}

const retryableStatuses: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504])

const envelopeFor = (status: number, options: ReplyOptions): unknown => {
  if (status >= 200 && status < 300) {
    const success = UizaServer.logoutSuccessEnvelope()
    const data = success.data as { readonly message: string }
    return { ...success, data: { message: options.message ?? data.message }, code: status }
  }
  return UizaServer.errorEnvelope(
    status,
    options.message ?? documentedMessages[status] ?? `HTTP ${status}`,
    options.retryable ?? retryableStatuses.has(status)
  )
}

const hasHeader = (headers: Readonly<Record<string, string>>, name: string): boolean =>
  Object.keys(headers).some((key) => key.toLowerCase() === name)

/**
 * A fault that answers with `status`. Without a `body`, the body is the Uiza
 * envelope for that status: the logout success envelope for a 2xx, else the
 * error envelope (`type: "ERROR"`, `code`, `message`, `retryable`). A 3xx
 * status has an empty body by default. The status is from 200 to 599 (what a
 * web `Response` can carry); anything else throws a `RangeError`.
 *
 * @example
 * ```ts
 * import { UizaTest } from "@uiza-effect/testing"
 *
 * const unavailable = UizaTest.reply(503, { headers: { "retry-after": "1" } })
 * const gatewayPage = UizaTest.reply(502, {
 *   headers: { "content-type": "text/html" },
 *   body: "<html><body>502 Bad Gateway</body></html>"
 * })
 * const fieldErrors = UizaTest.reply(422, {
 *   body: { code: 422, type: "ERROR", message: "Invalid", data: [{ type: "required", field: "id", message: "!" }] }
 * })
 * ```
 *
 * @since 0.1.0
 * @category faults
 */
export const reply = (status: number, options: ReplyOptions = {}): Reply => {
  if (!Number.isInteger(status) || status < 200 || status > 599) {
    throw new RangeError(`UizaTest.reply: the status must be a whole number from 200 to 599, not ${status}`)
  }
  const headers = options.headers ?? {}
  const noBodyByDefault = status >= 300 && status < 400
  if (options.body === undefined && noBodyByDefault) return { _tag: "Reply", status, headers, body: "" }
  if (typeof options.body === "string") {
    return {
      _tag: "Reply",
      status,
      headers: hasHeader(headers, "content-type")
        ? headers
        : { ...headers, "content-type": "text/plain; charset=utf-8" },
      body: options.body
    }
  }
  const json = options.body === undefined ? envelopeFor(status, options) : options.body
  return {
    _tag: "Reply",
    status,
    headers: hasHeader(headers, "content-type") ? headers : { ...headers, "content-type": "application/json" },
    body: JSON.stringify(json)
  }
}

/**
 * A fault that fails the connection. The default, `ECONNREFUSED`, means
 * nothing was sent: the SDK retries it. `ECONNRESET` (or any code the SDK
 * does not know) means the request may have been delivered: the SDK does not
 * retry, and its `ConnectionError` says `possiblyDelivered: true`.
 *
 * @example
 * ```ts
 * import { UizaTest } from "@uiza-effect/testing"
 *
 * const refused = UizaTest.connectionFailure() // ECONNREFUSED, retried
 * const reset = UizaTest.connectionFailure("ECONNRESET") // not retried
 * ```
 *
 * @since 0.1.0
 * @category faults
 */
export const connectionFailure = (code: string = "ECONNREFUSED"): ConnectionFailure => ({
  _tag: "ConnectionFailure",
  code
})

/**
 * A fault that waits before answering: with `then` when given, else with
 * the emulation. Use it with the SDK's `timeout` and a `TestClock`.
 *
 * @example
 * ```ts
 * import { UizaTest } from "@uiza-effect/testing"
 *
 * const slow = UizaTest.delay("45 seconds") // then the emulation answers
 * const slowFailure = UizaTest.delay("2 seconds", UizaTest.reply(504))
 * ```
 *
 * @since 0.1.0
 * @category faults
 */
export const delay = (duration: Duration.DurationInput, then?: Reply | ConnectionFailure): Delay => ({
  _tag: "Delay",
  duration: Duration.decode(duration),
  then: Option.fromNullable(then)
})

/**
 * The in-memory API, as the tests see it.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { UizaTest } from "@uiza-effect/testing"
 *
 * const program = Effect.gen(function*() {
 *   const kit: UizaTest.Service = yield* UizaTest.UizaTest
 *   yield* kit.failNext(UizaTest.reply(500))
 *   const failed = yield* Effect.either(User.logout({ maxRetries: 0 })) // Left(InternalServerError)
 *   const requests = yield* kit.requests // 1 request, answered by the fault
 *   const stillValid = yield* kit.isValid(kit.token) // true: the server never saw the call
 *   return { failed, requests: requests.length, stillValid, pending: yield* kit.pendingFaults }
 * }).pipe(Effect.provide(UizaTest.layer()))
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The origin the layer's `UizaConfig` points at. */
  readonly baseUrl: string
  /** The tokens the API accepted at start (revoked ones included). */
  readonly tokens: ReadonlyArray<string>
  /** The token the layer's `UizaConfig` uses. */
  readonly token: string
  /** Whether the API accepts `token` now (known and not revoked). */
  readonly isValid: (token: string) => Effect.Effect<boolean>
  /** Makes the API accept `token` from now on. */
  readonly addToken: (token: string) => Effect.Effect<void>
  /** The requests received so far, oldest first. */
  readonly requests: Effect.Effect<ReadonlyArray<RecordedRequest>>
  /** Forgets the requests received so far. */
  readonly clearRequests: Effect.Effect<void>
  /** Answers the next `times` requests (default 1) with `fault` instead of the emulation. */
  readonly failNext: (fault: Fault, times?: number) => Effect.Effect<void>
  /** How many queued faults have not been used yet. */
  readonly pendingFaults: Effect.Effect<number>
  /** The emulation's seeded admin, to log in as. @since 0.2.0 */
  readonly admin: UizaServer.SeededAdmin
}

/**
 * The in-memory API, as a service a test can `yield*`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { UizaTest } from "@uiza-effect/testing"
 *
 * const program = Effect.gen(function*() {
 *   const kit = yield* UizaTest.UizaTest
 *   yield* User.logout()
 *   const stillValid = yield* kit.isValid(kit.token) // false: logout revoked it
 *   return stillValid
 * }).pipe(Effect.provide(UizaTest.layer()))
 * ```
 *
 * @since 0.1.0
 * @category tags
 */
export class UizaTest extends Context.Tag("@uiza-effect/testing/UizaTest")<UizaTest, Service>() {}

/**
 * Options of {@link layer}: the client's settings, and every option of the
 * emulation (`UizaServer.Options` of `@uiza-effect/server`: the seeded
 * `admin`, the disputed `replyShapes`, the clock `now`, `tokenLifetime`,
 * `domain`, `appId`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { UizaTest } from "@uiza-effect/testing"
 *
 * const options: UizaTest.Options = {
 *   tokens: ["uap-0123456789abcdef0123456789abcdef-01234567"],
 *   workspaceApiDomain: "acme-api.uiza.co",
 *   timeout: "2 seconds",
 *   maxRetries: 0
 * }
 *
 * const program = User.logout().pipe(Effect.provide(UizaTest.layer(options)))
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends UizaServer.Options {
  /** The tokens the API accepts; one random token when absent. `[]` makes every call unauthorised. */
  readonly tokens?: Iterable<string> | undefined
  /** The token the `UizaConfig` uses; the first of `tokens` by default (a random unknown one when `tokens` is empty). */
  readonly authorization?: string | undefined
  /** The workspace API domain of the `UizaConfig` (default `your-workspace-api-domain.uiza.co`). */
  readonly workspaceApiDomain?: string | undefined
  /** Passed to the `UizaConfig`. */
  readonly timeout?: Duration.DurationInput | undefined
  /**
   * Passed to the `UizaConfig`; `0` by default, so failures come back at once.
   * With retries, wrap calls in {@link fastForward} under a `TestClock`.
   */
  readonly maxRetries?: number | undefined
  /** Passed to the `UizaConfig`. */
  readonly deadline?: Duration.DurationInput | undefined
  /**
   * Under a `TestClock`, how long (of real time) a call may wait on the
   * clock while nothing moves it before the call dies with a message that
   * says what to do (default 500 ms): a forgotten {@link fastForward} then
   * fails the test at once instead of at the test runner's timeout.
   * `Duration.infinity` turns the check off. @since 0.2.0
   */
  readonly stalledClockLimit?: Duration.DurationInput | undefined
}

/**
 * The default workspace API domain of {@link layer}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { UizaTest } from "@uiza-effect/testing"
 *
 * const program = Effect.gen(function*() {
 *   const kit = yield* UizaTest.UizaTest
 *   return kit.baseUrl === `https://${UizaTest.defaultWorkspaceApiDomain}` // true
 * }).pipe(Effect.provide(UizaTest.layer()))
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultWorkspaceApiDomain = "your-workspace-api-domain.uiza.co"

const REDACTED = "<redacted>"
const encoder = new TextEncoder()
const decoder = new TextDecoder()

const transportError = (request: HttpClientRequest.HttpClientRequest, code: string, description: string) =>
  new HttpClientError.RequestError({
    request,
    reason: "Transport",
    cause: Object.assign(new Error(`${description} (${code})`), { code }),
    description
  })

const bodyBytes = (
  request: HttpClientRequest.HttpClientRequest
): Effect.Effect<Uint8Array | undefined, HttpClientError.RequestError> => {
  const body = request.body
  switch (body._tag) {
    case "Empty":
      return Effect.succeed(undefined)
    case "Uint8Array":
      return Effect.succeed(body.body)
    case "Raw":
      return Effect.succeed(
        typeof body.body === "string"
          ? encoder.encode(body.body)
          : body.body instanceof Uint8Array
          ? body.body
          : encoder.encode(String(body.body))
      )
    case "FormData":
      return Effect.tryPromise({
        try: () => new Response(body.formData).arrayBuffer().then((buffer) => new Uint8Array(buffer)),
        catch: (cause) => new HttpClientError.RequestError({ request, reason: "Encode", cause })
      })
    case "Stream":
      return Stream.runCollect(body.stream).pipe(
        Effect.map((chunks) => {
          const parts = Chunk.toReadonlyArray(chunks)
          const out = new Uint8Array(parts.reduce((size, part) => size + part.length, 0))
          let offset = 0
          for (const part of parts) {
            out.set(part, offset)
            offset += part.length
          }
          return out
        }),
        Effect.mapError((cause) => new HttpClientError.RequestError({ request, reason: "Encode", cause }))
      )
  }
}

const parseJson = (text: string): unknown => {
  if (text.trim().length === 0) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * The in-memory API: `HttpClient`, `UizaConfig` and the {@link UizaTest}
 * service. Each build of the layer is a fresh API (its own tokens, requests
 * and faults): provide it per test for isolation, or share it with
 * `layer(UizaTest.layer())(...)` of `@effect/vitest` across a block.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { UizaTest } from "@uiza-effect/testing"
 *
 * // A user's program: log out, and treat "already logged out" as done.
 * const signOut = User.logout().pipe(
 *   Effect.as("logged out"),
 *   Effect.catchTag("UnauthorizedError", () => Effect.succeed("already logged out"))
 * )
 *
 * const test = Effect.gen(function*() {
 *   const first = yield* signOut // "logged out"
 *   const second = yield* signOut // "already logged out": the token was revoked
 *   const kit = yield* UizaTest.UizaTest
 *   yield* kit.failNext(UizaTest.reply(503), 3)
 *   const third = yield* Effect.either(User.logout({ maxRetries: 0 })) // Left(ServiceUnavailableError)
 *   return [first, second, third]
 * }).pipe(Effect.provide(UizaTest.layer()))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options = {}
): Layer.Layer<HttpClient.HttpClient | UizaConfig.UizaConfig | UizaTest, UizaError.UizaConfigError> =>
  Layer.unwrapEffect(Effect.suspend(() => {
    const emulation = UizaServer.make(options)
    const token = options.authorization ?? emulation.tokens[0] ?? UizaServer.randomToken()
    const handler = HttpApp.toWebHandler(emulation.app)
    const recorded: Array<RecordedRequest> = []
    const faults: Array<Fault> = []
    const watch = ClockWatch.make(Duration.decode(options.stalledClockLimit ?? "500 millis"))

    const answer = (
      request: HttpClientRequest.HttpClientRequest,
      url: URL,
      signal: AbortSignal,
      body: Uint8Array | undefined,
      fault: Fault | undefined
    ): Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError> => {
      if (fault === undefined) {
        return Effect.tryPromise({
          try: () =>
            handler(
              new Request(url, {
                method: request.method,
                headers: request.headers,
                ...(body === undefined ? {} : { body: body as Uint8Array<ArrayBuffer> }),
                signal
              })
            ),
          catch: (cause) => new HttpClientError.RequestError({ request, reason: "Transport", cause })
        }).pipe(Effect.map((response) => HttpClientResponse.fromWeb(request, response)))
      }
      switch (fault._tag) {
        case "Reply":
          return Effect.succeed(HttpClientResponse.fromWeb(
            request,
            new Response(
              fault.status === 204 || fault.status === 205 || fault.status === 304 || fault.body === ""
                ? null
                : fault.body,
              {
                status: fault.status,
                headers: fault.headers
              }
            )
          ))
        case "ConnectionFailure":
          return Effect.fail(transportError(request, fault.code, "connection failure injected by UizaTest"))
        case "Delay":
          return Effect.zipRight(
            watch.delay(fault.duration),
            answer(request, url, signal, body, Option.getOrUndefined(fault.then))
          )
      }
    }

    const config = UizaConfig.make({
      workspaceApiDomain: options.workspaceApiDomain ?? defaultWorkspaceApiDomain,
      authorization: token,
      timeout: options.timeout,
      // No retries unless asked: a retryable fault then ends at once, with no clock to move.
      maxRetries: options.maxRetries ?? 0,
      deadline: options.deadline
    })

    return Effect.map(config, (settings) => {
      const client = HttpClient.make((request, url, signal) =>
        watch.answering(Effect.gen(function*() {
          const body = yield* bodyBytes(request)
          const text = body === undefined ? "" : decoder.decode(body)
          const unknownHost = url.origin !== settings.baseUrl
          const fault = unknownHost ? undefined : faults.shift()
          const headers: Record<string, string> = {}
          for (const [name, value] of Object.entries(request.headers)) {
            headers[name.toLowerCase()] = name.toLowerCase() === "authorization" ? REDACTED : value
          }
          const authorization = request.headers["authorization"]
          recorded.push({
            method: request.method,
            url: url.toString(),
            headers,
            authorization: authorization === undefined ? Option.none() : Option.some(Redacted.make(authorization)),
            body: text,
            json: parseJson(text),
            answeredBy: unknownHost ? "unknown-host" : fault === undefined ? "server" : "fault"
          })
          if (unknownHost) {
            return yield* Effect.fail(
              transportError(request, "ENOTFOUND", `${url.host} is not the workspace of UizaTest`)
            )
          }
          return yield* answer(request, url, signal, body, fault)
        }))
      )

      const service: Service = {
        baseUrl: settings.baseUrl,
        tokens: emulation.tokens,
        token,
        isValid: (candidate) => Effect.sync(() => emulation.isValid(candidate)),
        addToken: (candidate) => Effect.sync(() => emulation.addToken(candidate)),
        requests: Effect.sync(() => recorded.slice()),
        clearRequests: Effect.sync(() => {
          recorded.length = 0
        }),
        failNext: (fault, times = 1) =>
          Effect.sync(() => {
            for (let i = 0; i < times; i++) faults.push(fault)
          }),
        pendingFaults: Effect.sync(() => faults.length),
        admin: emulation.admin
      }

      return Layer.mergeAll(
        Layer.succeed(HttpClient.HttpClient, client),
        Layer.succeed(UizaConfig.UizaConfig, settings),
        Layer.succeed(UizaTest, service),
        // A forgotten `fastForward` fails fast, with what to do, instead of hanging.
        watch.layer
      )
    })
  }))

// A real (not TestClock) pause, to let promises of the in-flight call settle.
const realPause = Effect.async<void>((resume) => {
  const timer = setTimeout(() => resume(Effect.void), 1)
  return Effect.sync(() => clearTimeout(timer))
})

/**
 * Runs `self` to completion under the `TestClock` of `it.effect`, moving the
 * clock to each sleep as soon as the program waits: retry backoffs,
 * `Retry-After` waits, {@link delay} faults and the SDK's timeouts all pass
 * at once, in the order they would happen. Outside a `TestClock` (for
 * example in `it.live`), it just runs `self`.
 *
 * `TestClock.adjust` alone is not enough when the program awaits real
 * promises (the in-memory API answers through a web `Response`): the sleep
 * it must skip is registered only after those settle. This helper waits for
 * that, for up to `idleLimit` of real time (default 5 seconds) without any
 * sleep to skip, then fails the test with a defect.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 * import { UizaTest } from "@uiza-effect/testing"
 *
 * // Two 503s, then success: the SDK's two retries happen without waiting.
 * const program = Effect.gen(function*() {
 *   const kit = yield* UizaTest.UizaTest
 *   yield* kit.failNext(UizaTest.reply(503), 2)
 *   return yield* UizaTest.fastForward(User.logout())
 * }).pipe(Effect.provide(UizaTest.layer()))
 * ```
 *
 * @since 0.1.0
 * @category testing
 */
export const fastForward = <A, E, R>(
  self: Effect.Effect<A, E, R>,
  options: { readonly idleLimit?: Duration.DurationInput | undefined } = {}
): Effect.Effect<A, E, R> =>
  TestClock.testClockWith((clock) => {
    if (!("sleeps" in clock)) return self
    const idleLimit = Duration.toMillis(Duration.decode(options.idleLimit ?? "5 seconds"))
    return Effect.gen(function*() {
      const fiber = yield* Effect.fork(self)
      let idleSince = Date.now()
      while (true) {
        const exit = yield* Fiber.poll(fiber)
        if (Option.isSome(exit)) return yield* exit.value
        const pending = Chunk.toReadonlyArray(yield* clock.sleeps)
        if (pending.length > 0) {
          // To the sleep's own instant: moving by the difference goes through a `Duration`,
          // rounded to the nanosecond, and can stop a hair short of a sleep that ends at a fraction.
          yield* clock.setTime(Math.max(clock.unsafeCurrentTimeMillis(), Math.min(...pending)))
          idleSince = Date.now()
        } else if (Date.now() - idleSince > idleLimit) {
          yield* Fiber.interrupt(fiber)
          return yield* Effect.dieMessage(
            `UizaTest.fastForward: the program neither finished nor slept for ${idleLimit} ms of real time`
          )
        }
        yield* realPause
      }
    })
  })
