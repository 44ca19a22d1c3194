import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as FiberRef from "effect/FiberRef"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Redacted from "effect/Redacted"
import * as Tracer from "effect/Tracer"
import { isBodyTooLarge, MaxResponseBytes, readsBounded } from "../ResponseBodyLimit.js"
import { UizaConfig } from "../UizaConfig.js"
import * as UizaError from "../UizaError.js"
import { type CallOverrides, type CallPolicy, policyOf, retrySchedule, shouldRetry } from "./callPolicy.js"
import { HttpClientTag } from "./httpClientTag.js"
import { readReply, type ReplyReader } from "./reply.js"
import { scrubberOf } from "./scrub.js"
import { withTimeLimit } from "./timeLimit.js"
import { classifyRequestError } from "./transportFailure.js"

/**
 * One endpoint of the Uiza API: how to ask, and how to read the answer.
 * Adding an endpoint means describing it with one of these.
 *
 * @internal
 */
export interface Operation<A> extends Omit<ReplyReader<A>, "scrub"> {
  /** The span of the call, such as `Uiza.User.logout`. */
  readonly spanName: string
  readonly method: "GET" | "POST" | "PUT" | "DELETE"
  /** The path under the origin, such as `/api/public/v3/admin/user/logout`. */
  readonly path: string
  /** The JSON body, if the endpoint takes one. */
  readonly body: Option.Option<unknown>
}

// The forms of `Retry-After` (RFC 9110): delta-seconds, or an HTTP-date in
// IMF-fixdate, RFC 850 or asctime form. Anything else is ignored, not guessed at.
const DELTA_SECONDS = /^\d+$/
const HTTP_DATE = [
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/,
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{2}-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{2} \d{2}:\d{2}:\d{2} GMT$/,
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/
]

const parseRetryAfter = (value: string | undefined, now: number): Option.Option<Duration.Duration> => {
  if (value === undefined) return Option.none()
  const trimmed = value.trim()
  if (DELTA_SECONDS.test(trimmed)) return Option.some(Duration.seconds(Number(trimmed)))
  if (!HTTP_DATE.some((form) => form.test(trimmed))) return Option.none()
  // asctime carries no zone: it is UTC.
  const date = Date.parse(/GMT$/.test(trimmed) ? trimmed : `${trimmed} GMT`)
  return Number.isNaN(date) ? Option.none() : Option.some(Duration.millis(Math.max(0, date - now)))
}

const buildRequest = <A>(operation: Operation<A>, baseUrl: string, token: Redacted.Redacted<string>) => {
  const request = HttpClientRequest.make(operation.method)(`${baseUrl}${operation.path}`).pipe(
    HttpClientRequest.setHeaders({
      // The token is unwrapped here for the header the API reads it from; elsewhere only to
      // validate it and to scrub it out of replies.
      authorization: Redacted.value(token),
      accept: "application/json"
    })
  )
  return Option.match(operation.body, {
    onNone: () => HttpClientRequest.setHeader(request, "content-type", "application/json"),
    onSome: (body) => HttpClientRequest.bodyText(request, JSON.stringify(body), "application/json")
  })
}

interface RawReply {
  readonly response: HttpClientResponse.HttpClientResponse
  readonly body: Option.Option<string>
}

const timeoutMessage = (origin: string, policy: CallPolicy, phase: "response" | "body") =>
  `No complete reply from ${origin} within ${Duration.format(policy.timeout)} (${
    phase === "response" ? "waiting for the response" : "reading the body"
  }); the request may have been delivered, so it was not retried.`

/** A body over the limit: only its status is kept, never a byte of it. */
interface TooLarge {
  readonly _tag: "TooLarge"
  readonly status: number
}

const tooLargeError = (origin: string, status: number, limit: number, attempts: number) => {
  const error = new UizaError.ResponseTooLargeError({
    message:
      `The reply from ${origin} (HTTP ${status}) is larger than ${limit} bytes (maxResponseBytes); it was not read further and the connection was closed.`,
    status,
    limit,
    possiblyDelivered: true,
    retryable: false,
    attempts
  })
  // V8 formats a stack when it is first read, keeping the frames (and what they hold) until
  // then: formatted now, the error holds a string, never the body that was being read.
  void error.stack
  return error
}

// `Content-Length` as a number of bytes, when it is one.
const declaredLength = (header: string | undefined): number =>
  header !== undefined && /^\d+$/.test(header) ? Number(header) : -1

// Whether text is longer than `limit` bytes in UTF-8, counting no further than needed.
const exceedsBytes = (text: string, limit: number): boolean => {
  if (text.length > limit) return true // every character is one byte or more
  if (text.length * 3 <= limit) return false // and three at most per UTF-16 unit
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3 // a surrogate pair: 3 + 3 >= 4
    if (bytes > limit) return true
  }
  return false
}

// What a failed exchange becomes: the time limit's error as it is, transport failures classified.
const failureOf = (
  error: HttpClientError.HttpClientError | UizaError.TimeoutError | TooLarge,
  call: Call<unknown>,
  attempts: number
): UizaError.UizaError => {
  const origin = call.origin
  switch (error._tag) {
    case "TimeoutError":
      return error
    case "TooLarge":
      return tooLargeError(origin, error.status, call.policy.maxResponseBytes, attempts)
    case "RequestError":
      return new UizaError.ConnectionError({ ...classifyRequestError(error, origin), attempts })
    case "ResponseError":
      // A client that honours `MaxResponseBytes` stopped reading at the limit.
      if (isBodyTooLarge(error.cause)) {
        return tooLargeError(origin, error.response.status, call.policy.maxResponseBytes, attempts)
      }
      return new UizaError.ConnectionError({
        message: `The reply from ${origin} could not be read (${error.reason}).`,
        reason: error.reason,
        possiblyDelivered: true,
        retryable: false,
        attempts
      })
  }
}

const REDIRECTS_NOT_FOLLOWED: globalThis.RequestInit = { redirect: "manual" }

/** What one call knows and counts while it runs: read once, shared by its attempts. */
interface Call<A> {
  readonly operation: Operation<A>
  readonly client: HttpClient.HttpClient
  readonly clock: Clock.Clock
  readonly policy: CallPolicy
  readonly origin: string
  readonly request: HttpClientRequest.HttpClientRequest
  readonly reader: ReplyReader<A>
  readonly logsAttempts: boolean
  readonly startedAt: number
  attempts: number
  /** Whether a request is on the wire: only then can a deadline cut off a call that took effect. */
  inFlight: boolean
}

type Phase = "response" | "body"

// The request and its whole body, as raw facts; the tracer is off around it (see `callApi`).
// The body limit is checked here too, for a client that does not read `MaxResponseBytes`:
// a `Content-Length` over it is refused unread, a longer body is dropped once read.
const exchange = <A>(
  call: Call<A>,
  phase: { current: Phase }
): Effect.Effect<RawReply, HttpClientError.HttpClientError | TooLarge> =>
  Effect.flatMap(call.client.execute(call.request), (response) => {
    phase.current = "body"
    const limit = call.policy.maxResponseBytes
    const tooLarge: TooLarge = { _tag: "TooLarge", status: response.status }
    // A client that reads the limit checks `Content-Length` itself, and closes the connection.
    if (!readsBounded(response) && declaredLength(response.headers["content-length"]) > limit) {
      return Effect.fail(tooLarge)
    }
    return Effect.matchEffect(response.text, {
      onFailure: (error) =>
        isBodyTooLarge(error.cause)
          ? Effect.fail(tooLarge)
          : Effect.succeed<RawReply>({ response, body: Option.none() }),
      onSuccess: (text) =>
        exceedsBytes(text, limit)
          ? Effect.fail(tooLarge)
          : Effect.succeed<RawReply>({ response, body: Option.some(text) })
    })
  })

// One attempt: the exchange within the attempt's time limit, then the reply read.
const attempt = <A>(call: Call<A>): Effect.Effect<A, UizaError.UizaError> =>
  Effect.suspend(() => {
    const attemptNumber = ++call.attempts
    const phase = { current: "response" as Phase }
    call.inFlight = true
    const timed = withTimeLimit(exchange(call, phase), call.clock, call.policy.timeout, () =>
      new UizaError.TimeoutError({
        message: timeoutMessage(call.origin, call.policy, phase.current),
        phase: phase.current,
        timeout: call.policy.timeout,
        possiblyDelivered: true,
        attempts: attemptNumber
      }))
    const settled = Effect.matchEffect(timed, {
      onFailure: (error): Effect.Effect<A, UizaError.UizaError> => {
        // Not on interruption: a deadline that interrupts an attempt still finds it in flight.
        call.inFlight = false
        return Effect.fail(failureOf(error, call as Call<unknown>, attemptNumber))
      },
      onSuccess: ({ body, response }) => {
        call.inFlight = false
        return readReply(call.reader, {
          status: response.status,
          body,
          retryAfter: parseRetryAfter(response.headers["retry-after"], call.clock.unsafeCurrentTimeMillis()),
          attempts: attemptNumber
        })
      }
    })
    if (!call.logsAttempts) return settled
    return Effect.zipRight(
      Effect.annotateLogs(Effect.logDebug(`${call.operation.spanName}: attempt ${attemptNumber}`), {
        "http.method": call.operation.method,
        "url.full": call.request.url
      }),
      settled
    )
  })

// A wait the server asks for that outlasts the deadline is not started:
// the caller gets the server's answer, `retryAfter` included, at once.
const waitFitsDeadline = <A>(call: Call<A>, error: UizaError.UizaError): boolean => {
  if (Option.isNone(call.policy.deadline)) return true
  const retryAfter = "retryAfter" in error ? error.retryAfter : undefined
  return retryAfter === undefined ||
    call.clock.unsafeCurrentTimeMillis() + Duration.toMillis(retryAfter) <
      call.startedAt + Duration.toMillis(call.policy.deadline.value)
}

// Most calls succeed at once: the schedule is built only after a failure worth retrying,
// and that failure is its first input, exactly as if the first attempt had run under it.
const withRetries = <A>(call: Call<A>): Effect.Effect<A, UizaError.UizaError> => {
  const once = attempt(call)
  if (call.policy.maxRetries === 0) return once
  const worthRetrying = (error: UizaError.UizaError) => shouldRetry(error) && waitFitsDeadline(call, error)
  return Effect.catchAll(once, (firstError) => {
    if (!worthRetrying(firstError)) return Effect.fail(firstError)
    let replayFirst = true
    const again = Effect.suspend(() => {
      if (!replayFirst) return once
      replayFirst = false
      return Effect.fail(firstError)
    })
    return Effect.retry(again, { schedule: retrySchedule(call.policy.maxRetries), while: worthRetrying })
  })
}

const withDeadline = <A>(call: Call<A>, self: Effect.Effect<A, UizaError.UizaError>) =>
  Option.match(call.policy.deadline, {
    onNone: () => self,
    onSome: (deadline) =>
      withTimeLimit(self, call.clock, deadline, () =>
        new UizaError.TimeoutError({
          message: `No reply from ${call.origin} within the deadline of ${Duration.format(deadline)}${
            call.inFlight ? "; the request may have been delivered" : " (while waiting to retry)"
          }.`,
          phase: "deadline",
          timeout: deadline,
          possiblyDelivered: call.inFlight,
          attempts: call.attempts
        }))
  })

const annotateOutcome = <A>(span: Tracer.Span, call: Call<A>, exit: Exit.Exit<A, UizaError.UizaError>) => {
  span.attribute("uiza.attempts", call.attempts)
  if (Exit.isSuccess(exit)) {
    const result = exit.value
    if (Predicate.hasProperty(result, "requestId") && typeof result.requestId === "string") {
      span.attribute("uiza.request_id", result.requestId)
    }
    return
  }
  const error = Cause.failureOption(exit.cause)
  if (Option.isNone(error)) return
  span.attribute("uiza.error", error.value._tag)
  if ("status" in error.value) span.attribute("http.response.status_code", error.value.status)
  if ("requestId" in error.value && error.value.requestId !== undefined) {
    span.attribute("uiza.request_id", error.value.requestId)
  }
}

/**
 * Runs an operation against the configured workspace with the call policy:
 * a timeout per attempt that covers the whole body, safe retries with
 * backoff, an optional overall deadline, one span and a debug log line per
 * attempt. Every failure is one of the SDK's errors.
 *
 * Every call goes through here, so it is written for a short path: the
 * services are read once, the span is annotated directly, and the retry
 * schedule is only built once an attempt has failed.
 *
 * @internal
 */
export const callApi = <A>(
  operation: Operation<A>,
  overrides?: CallOverrides
): Effect.Effect<A, UizaError.UizaError, HttpClient.HttpClient | UizaConfig> =>
  Effect.useSpan(
    operation.spanName,
    { kind: "client", captureStackTrace: false },
    (span) =>
      Effect.withFiberRuntime<A, UizaError.UizaError, HttpClient.HttpClient | UizaConfig>((fiber) => {
        const context = fiber.currentContext as Context.Context<HttpClient.HttpClient | UizaConfig>
        const settings = Context.get(context, UizaConfig)
        const policy = policyOf(settings, overrides)
        if (Either.isLeft(policy)) {
          // A per-call option outside its type is a programming error, found before anything is sent.
          return Effect.dieMessage(`Invalid option of ${operation.spanName}: ${policy.left}.`)
        }
        const clock = Context.get(fiber.currentDefaultServices, Clock.Clock)
        const request = buildRequest(operation, settings.baseUrl, settings.authorization)
        const call: Call<A> = {
          operation,
          client: Context.get(context, HttpClientTag),
          clock,
          policy: policy.right,
          origin: settings.baseUrl,
          request,
          reader: { ...operation, scrub: scrubberOf(Redacted.value(settings.authorization)) },
          logsAttempts: LogLevel.greaterThanEqual(LogLevel.Debug, fiber.getFiberRef(FiberRef.currentMinimumLogLevel)),
          startedAt: clock.unsafeCurrentTimeMillis(),
          attempts: 0,
          inFlight: false
        }
        span.attribute("http.request.method", operation.method)
        span.attribute("url.full", request.url)

        // A fetch-based client follows redirects unless told otherwise; a redirect must reach
        // the SDK as such, never be followed with (or without) the token.
        const requestInit = Context.getOption(context, FetchHttpClient.RequestInit)
        const noRedirects = Option.isNone(requestInit)
          ? REDIRECTS_NOT_FOLLOWED
          : { ...requestInit.value, redirect: "manual" as const }
        // The call's own services: the fetch options, and its span as the parent of what runs inside.
        // and the body limit, which the SDK's own clients read to stop reading at it.
        const provided = Context.make(FetchHttpClient.RequestInit, noRedirects).pipe(
          Context.add(Tracer.ParentSpan, span),
          Context.add(MaxResponseBytes, call.policy.maxResponseBytes)
        )
        return withDeadline(call, withRetries(call)).pipe(
          Effect.mapInputContext((outer: Context.Context<never>) => Context.merge(outer, provided)),
          // The call's span is the only one: with the tracer off inside, an HTTP client makes no
          // span of its own, so no trace headers are sent (they would fail the CORS preflight of a
          // browser call) and no response header, which a server could fill with the token, is
          // recorded.
          Effect.withTracerEnabled(false),
          Effect.onExit((exit) => Effect.sync(() => annotateOutcome(span, call, exit)))
        )
      })
  )
