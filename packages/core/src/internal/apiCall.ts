import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { constTrue } from "effect/Function"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Redacted from "effect/Redacted"
import { UizaConfig } from "../UizaConfig.js"
import * as UizaError from "../UizaError.js"
import { type CallOverrides, type CallPolicy, policyOf, retrySchedule, shouldRetry } from "./callPolicy.js"
import { readReply, type ReplyReader } from "./reply.js"
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

/**
 * Runs an operation against the configured workspace with the call policy:
 * a timeout per attempt that covers the whole body, safe retries with
 * backoff, an optional overall deadline, one span and a debug log line per
 * attempt. Every failure is one of the SDK's errors.
 *
 * @internal
 */
export const callApi = <A>(
  operation: Operation<A>,
  overrides?: CallOverrides
): Effect.Effect<A, UizaError.UizaError, HttpClient.HttpClient | UizaConfig> =>
  Effect.gen(function*() {
    const settings = yield* UizaConfig
    const client = yield* HttpClient.HttpClient
    // A fetch-based client follows redirects unless told otherwise; a redirect must reach
    // the SDK as such, never be followed with (or without) the token.
    const requestInit = yield* Effect.serviceOption(FetchHttpClient.RequestInit)
    const noRedirects: globalThis.RequestInit = { ...Option.getOrUndefined(requestInit), redirect: "manual" }
    const policy = yield* Either.match(policyOf(settings, overrides), {
      // A per-call option outside its type is a programming error, found before anything is sent.
      onLeft: (problem) => Effect.dieMessage(`Invalid option of ${operation.spanName}: ${problem}.`),
      onRight: Effect.succeed
    })
    const origin = settings.baseUrl
    const reader: ReplyReader<A> = { ...operation, scrub: scrubberOf(Redacted.value(settings.authorization)) }
    const request = buildRequest(operation, origin, settings.authorization)
    // The call's span is the only one: the platform's per-request span is off (see `execute`).
    yield* Effect.annotateCurrentSpan({ "http.request.method": operation.method, "url.full": request.url })

    let attempts = 0
    // Whether a request is on the wire: only then can a deadline cut off a call that took effect.
    let inFlight = false
    const landed = Effect.sync(() => {
      inFlight = false
    })
    const attempt = Effect.suspend(() => {
      const attemptNumber = ++attempts
      let phase: "response" | "body" = "response"
      return Effect.logDebug(`${operation.spanName}: attempt ${attemptNumber}`).pipe(
        Effect.annotateLogs({ "http.method": operation.method, "url.full": request.url }),
        Effect.whenLogLevel(LogLevel.Debug),
        Effect.zipRight(Effect.sync(() => {
          inFlight = true
        })),
        // Without the platform's span, no trace headers are sent (they would fail the CORS
        // preflight of a browser call) and no response header, which a server could fill
        // with the token, is recorded.
        Effect.zipRight(
          client.execute(request).pipe(
            Effect.locally(HttpClient.currentTracerDisabledWhen, constTrue),
            Effect.provideService(FetchHttpClient.RequestInit, noRedirects)
          )
        ),
        Effect.flatMap((response) => {
          phase = "body"
          return response.text.pipe(
            Effect.option,
            Effect.map((body): RawReply => ({ response, body }))
          )
        }),
        Effect.timeoutFail({
          duration: policy.timeout,
          onTimeout: () =>
            new UizaError.TimeoutError({
              message: timeoutMessage(origin, policy, phase),
              phase,
              timeout: policy.timeout,
              possiblyDelivered: true,
              attempts: attemptNumber
            })
        }),
        Effect.catchTags({
          RequestError: (error) => {
            const failure = classifyRequestError(error, origin)
            return Effect.fail(new UizaError.ConnectionError({ ...failure, attempts: attemptNumber }))
          },
          ResponseError: (error) =>
            Effect.fail(
              new UizaError.ConnectionError({
                message: `The reply from ${origin} could not be read (${error.reason}).`,
                reason: error.reason,
                possiblyDelivered: true,
                retryable: false,
                attempts: attemptNumber
              })
            )
        }),
        Effect.flatMap(({ body, response }) =>
          Effect.flatMap(Clock.currentTimeMillis, (now) =>
            readReply(reader, {
              status: response.status,
              body,
              retryAfter: parseRetryAfter(response.headers["retry-after"], now),
              attempts: attemptNumber
            }))
        ),
        // Not on interruption: a deadline that interrupts an attempt still finds it in flight.
        Effect.tapBoth({ onFailure: () => landed, onSuccess: () => landed })
      )
    })

    const startedAt = yield* Clock.currentTimeMillis
    // A wait the server asks for that outlasts the deadline is not started:
    // the caller gets the server's answer, `retryAfter` included, at once.
    const waitFitsDeadline = (error: UizaError.UizaError) =>
      Option.match(policy.deadline, {
        onNone: () => Effect.succeed(true),
        onSome: (deadline) => {
          const retryAfter = "retryAfter" in error ? error.retryAfter : undefined
          return retryAfter === undefined
            ? Effect.succeed(true)
            : Effect.map(
              Clock.currentTimeMillis,
              (now) => now + Duration.toMillis(retryAfter) < startedAt + Duration.toMillis(deadline)
            )
        }
      })

    const retried = attempt.pipe(
      Effect.retry({
        schedule: retrySchedule(policy.maxRetries),
        while: (error) => shouldRetry(error) ? waitFitsDeadline(error) : Effect.succeed(false)
      })
    )
    const bounded = Option.match(policy.deadline, {
      onNone: () => retried,
      onSome: (deadline) =>
        Effect.timeoutFail(retried, {
          duration: deadline,
          onTimeout: () =>
            new UizaError.TimeoutError({
              message: `No reply from ${origin} within the deadline of ${Duration.format(deadline)}${
                inFlight ? "; the request may have been delivered" : " (while waiting to retry)"
              }.`,
              phase: "deadline",
              timeout: deadline,
              possiblyDelivered: inFlight,
              attempts
            })
        })
    })
    return yield* bounded.pipe(
      Effect.tapBoth({
        onSuccess: (result) =>
          Effect.annotateCurrentSpan({
            "uiza.attempts": attempts,
            ...(Predicate.hasProperty(result, "requestId") && typeof result.requestId === "string"
              ? { "uiza.request_id": result.requestId }
              : {})
          }),
        onFailure: (error) =>
          Effect.annotateCurrentSpan({
            "uiza.attempts": attempts,
            "uiza.error": error._tag,
            ...("status" in error ? { "http.response.status_code": error.status } : {}),
            ...("requestId" in error && error.requestId !== undefined ? { "uiza.request_id": error.requestId } : {})
          })
      })
    )
  }).pipe(Effect.withSpan(operation.spanName, { kind: "client" }))
