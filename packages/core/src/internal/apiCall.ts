import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as FiberRef from "effect/FiberRef"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Redacted from "effect/Redacted"
import * as Tracer from "effect/Tracer"
import { UizaConfig } from "../UizaConfig.js"
import * as UizaError from "../UizaError.js"
import { type CallOverrides, type CallPolicy, policyOf, retrySchedule, shouldRetry } from "./callPolicy.js"
import { HttpClientTag } from "./httpClientTag.js"
import { readReply, type ReplyReader } from "./reply.js"
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

const REDACTED = "<redacted>"

// Replaces every occurrence of the token in text a server sent back.
const scrubberOf = (token: string) => (text: string): string =>
  text.includes(token) ? text.split(token).join(REDACTED) : text

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

// What a failed exchange becomes: the time limit's error as it is, transport failures classified.
const failureOf = (
  error: HttpClientError.HttpClientError | UizaError.TimeoutError,
  origin: string,
  attempts: number
): UizaError.UizaError => {
  switch (error._tag) {
    case "TimeoutError":
      return error
    case "RequestError":
      return new UizaError.ConnectionError({ ...classifyRequestError(error, origin), attempts })
    case "ResponseError":
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
        const client = Context.get(context, HttpClientTag)
        const clock = Context.get(fiber.currentDefaultServices, Clock.Clock)
        const logsAttempts = LogLevel.greaterThanEqual(
          LogLevel.Debug,
          fiber.getFiberRef(FiberRef.currentMinimumLogLevel)
        )
        const policyOrProblem = policyOf(settings, overrides)
        if (Either.isLeft(policyOrProblem)) {
          // A per-call option outside its type is a programming error, found before anything is sent.
          return Effect.dieMessage(`Invalid option of ${operation.spanName}: ${policyOrProblem.left}.`)
        }
        const policy = policyOrProblem.right
        // A fetch-based client follows redirects unless told otherwise; a redirect must reach
        // the SDK as such, never be followed with (or without) the token.
        const requestInit = Context.getOption(context, FetchHttpClient.RequestInit)
        const noRedirects = Option.isNone(requestInit)
          ? REDIRECTS_NOT_FOLLOWED
          : { ...requestInit.value, redirect: "manual" as const }
        const origin = settings.baseUrl
        const reader: ReplyReader<A> = { ...operation, scrub: scrubberOf(Redacted.value(settings.authorization)) }
        const request = buildRequest(operation, origin, settings.authorization)
        // The call's span is the only one: the platform's per-request span is off (see below).
        span.attribute("http.request.method", operation.method)
        span.attribute("url.full", request.url)

        // The tracer is off inside the call, so a platform client makes no span of its own:
        // no trace headers are sent (they would fail the CORS preflight of a browser call)
        // and no response header, which a server could fill with the token, is recorded.
        const exchange = (phase: { current: "response" | "body" }) =>
          Effect.flatMap(client.execute(request), (response) => {
            phase.current = "body"
            return Effect.match(response.text, {
              onFailure: (): RawReply => ({ response, body: Option.none() }),
              onSuccess: (text): RawReply => ({ response, body: Option.some(text) })
            })
          })

        let attempts = 0
        // Whether a request is on the wire: only then can a deadline cut off a call that took effect.
        let inFlight = false
        const attempt = Effect.suspend(() => {
          const attemptNumber = ++attempts
          const phase = { current: "response" as "response" | "body" }
          inFlight = true
          const timed = withTimeLimit(
            exchange(phase),
            clock,
            policy.timeout,
            () =>
              new UizaError.TimeoutError({
                message: timeoutMessage(origin, policy, phase.current),
                phase: phase.current,
                timeout: policy.timeout,
                possiblyDelivered: true,
                attempts: attemptNumber
              })
          )
          const settled = Effect.matchEffect(timed, {
            onFailure: (error): Effect.Effect<A, UizaError.UizaError> => {
              // Not on interruption: a deadline that interrupts an attempt still finds it in flight.
              inFlight = false
              return Effect.fail(failureOf(error, origin, attemptNumber))
            },
            onSuccess: ({ body, response }) => {
              inFlight = false
              return readReply(reader, {
                status: response.status,
                body,
                retryAfter: parseRetryAfter(response.headers["retry-after"], clock.unsafeCurrentTimeMillis()),
                attempts: attemptNumber
              })
            }
          })
          return logsAttempts
            ? Effect.zipRight(
              Effect.annotateLogs(Effect.logDebug(`${operation.spanName}: attempt ${attemptNumber}`), {
                "http.method": operation.method,
                "url.full": request.url
              }),
              settled
            )
            : settled
        })

        const startedAt = clock.unsafeCurrentTimeMillis()
        // A wait the server asks for that outlasts the deadline is not started:
        // the caller gets the server's answer, `retryAfter` included, at once.
        const waitFitsDeadline = (error: UizaError.UizaError): boolean => {
          if (Option.isNone(policy.deadline)) return true
          const retryAfter = "retryAfter" in error ? error.retryAfter : undefined
          return retryAfter === undefined ||
            clock.unsafeCurrentTimeMillis() + Duration.toMillis(retryAfter) <
              startedAt + Duration.toMillis(policy.deadline.value)
        }
        const worthRetrying = (error: UizaError.UizaError) => shouldRetry(error) && waitFitsDeadline(error)

        // Most calls succeed at once: the schedule is built only after a failure worth retrying,
        // and that failure is its first input, exactly as if the first attempt had run under it.
        const retried = policy.maxRetries === 0 ? attempt : Effect.catchAll(attempt, (firstError) => {
          if (!worthRetrying(firstError)) return Effect.fail(firstError)
          let replayFirst = true
          const again = Effect.suspend(() => {
            if (!replayFirst) return attempt
            replayFirst = false
            return Effect.fail(firstError)
          })
          return Effect.retry(again, {
            schedule: retrySchedule(policy.maxRetries),
            while: worthRetrying
          })
        })
        const bounded = Option.match(policy.deadline, {
          onNone: () => retried,
          onSome: (deadline) =>
            withTimeLimit(retried, clock, deadline, () =>
              new UizaError.TimeoutError({
                message: `No reply from ${origin} within the deadline of ${Duration.format(deadline)}${
                  inFlight ? "; the request may have been delivered" : " (while waiting to retry)"
                }.`,
                phase: "deadline",
                timeout: deadline,
                possiblyDelivered: inFlight,
                attempts
              }))
        })
        // The call's own services: the fetch options, and the span as the parent of what runs inside.
        const provided = Context.make(FetchHttpClient.RequestInit, noRedirects).pipe(
          Context.add(Tracer.ParentSpan, span)
        )
        return Effect.mapInputContext(bounded, (outer: Context.Context<never>) => Context.merge(outer, provided)).pipe(
          // No span inside the call but its own (see `exchange`).
          Effect.withTracerEnabled(false),
          Effect.tapBoth({
            onSuccess: (result) =>
              Effect.sync(() => {
                span.attribute("uiza.attempts", attempts)
                if (Predicate.hasProperty(result, "requestId") && typeof result.requestId === "string") {
                  span.attribute("uiza.request_id", result.requestId)
                }
              }),
            onFailure: (error) =>
              Effect.sync(() => {
                span.attribute("uiza.attempts", attempts)
                span.attribute("uiza.error", error._tag)
                if ("status" in error) span.attribute("http.response.status_code", error.status)
                if ("requestId" in error && error.requestId !== undefined) {
                  span.attribute("uiza.request_id", error.requestId)
                }
              })
          })
        )
      })
  )
