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
import type * as Fiber from "effect/Fiber"
import type * as FiberId from "effect/FiberId"
import * as FiberRef from "effect/FiberRef"
import * as FiberRefs from "effect/FiberRefs"
import * as HashMap from "effect/HashMap"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Tracer from "effect/Tracer"
import { currentTracerDisabledWhen, currentTracerPropagation, PlatformHttpClient } from "../PlatformHttpClient.js"
import { isSupported as cancelsOwnRequests } from "../RequestCancellation.js"
import { isBodyTooLarge, readsBounded } from "../ResponseBodyLimit.js"
import { type Settings, UizaConfig } from "../UizaConfig.js"
import * as UizaError from "../UizaError.js"
import { type CallOverrides, type CallPolicy, policyOf, retrySchedule, shouldRetry } from "./callPolicy.js"
import { basePath, type Endpoint } from "./endpoint.js"
import { maxResponseBytesKey, registerCancelKey, reportDeliveryKey } from "./referenceKeys.js"
import { readReply, type ReplyReader } from "./reply.js"
import { parseRetryAfter } from "./retryAfter.js"
import { scrubberOfAll } from "./scrub.js"
import {
  type Cancellation,
  isDefaultClock,
  makeCancellation,
  register,
  settle,
  startCancellingTimer,
  withTimeLimit
} from "./timeLimit.js"
import { classifyRequestError } from "./transportFailure.js"

// The request without its input: the documented headers, and the token unwrapped for the
// header the API reads it from (elsewhere only to validate it and to scrub it out of replies).
const baseRequest = (
  endpoint: Endpoint<any, any>,
  baseUrl: string,
  token: Option.Option<Redacted.Redacted<string>>
) => {
  const headers: Record<string, string> = { accept: "application/json" }
  if (Option.isSome(token)) headers.authorization = Redacted.value(token.value)
  // On every request, as the docs' curl sends it; without input there is no body.
  headers["content-type"] = "application/json"
  return HttpClientRequest.setHeaders(
    HttpClientRequest.make(endpoint.method)(`${baseUrl}${basePath}${endpoint.path}`),
    headers
  )
}

// A request is an immutable value: the one of an endpoint at a configured workspace is made
// once per configuration, not on every call.
const baseRequests = new WeakMap<object, Map<Endpoint<any, any>, HttpClientRequest.HttpClientRequest>>()

const baseRequestOf = (endpoint: Endpoint<any, any>, target: Target): HttpClientRequest.HttpClientRequest => {
  const key = target.configuration
  if (key === undefined) return baseRequest(endpoint, target.baseUrl, target.authorization)
  let requests = baseRequests.get(key)
  if (requests === undefined) baseRequests.set(key, requests = new Map())
  let request = requests.get(endpoint)
  if (request === undefined) {
    requests.set(endpoint, request = baseRequest(endpoint, target.baseUrl, target.authorization))
  }
  return request
}

interface RawReply {
  readonly response: HttpClientResponse.HttpClientResponse
  readonly body: Option.Option<string>
}

const timeoutMessage = (origin: string, policy: CallPolicy, phase: "response" | "body", sent: boolean) =>
  `No complete reply from ${origin} within ${Duration.format(policy.timeout)} (${
    !sent ? "waiting for a free connection" : phase === "response" ? "waiting for the response" : "reading the body"
  }); ${sent ? "the request may have been delivered, so it was not retried" : "the request was not sent"}.`

// Whether the attempt's request may have left the machine: yes, unless the client
// reported that it took the request and never wrote it (`RequestDelivery`).
const maySend = (call: { readonly written: boolean | undefined }): boolean => call.written !== false

/** A body over the limit: only its status is kept, never a byte of it. */
interface TooLarge {
  readonly _tag: "TooLarge"
  readonly status: number
}

// V8 formats an error's stack when it is first read, and keeps the frames it was made in (and
// what they hold: a reply's body, its response) until then. Formatted at once, an error holds a
// string of frames, and nothing of the reply it was made from.
const withStackFormatted = <E extends Error>(error: E): E => {
  void error.stack
  return error
}

const tooLargeError = (origin: string, status: number, limit: number, attempts: number) =>
  new UizaError.ResponseTooLargeError({
    message:
      `The reply from ${origin} (HTTP ${status}) is larger than ${limit} bytes (maxResponseBytes); it was not read further and the connection was closed.`,
    status,
    limit,
    possiblyDelivered: true,
    retryable: false,
    attempts
  })

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
    case "RequestError": {
      const failure = classifyRequestError(error, origin)
      // A failure the client says came before the request was written sent nothing: worth another attempt.
      return new UizaError.ConnectionError(
        failure.possiblyDelivered && !maySend(call)
          ? {
            ...failure,
            possiblyDelivered: false,
            retryable: true,
            message: `The connection to ${origin} failed before the request was written (${failure.reason}).`,
            attempts
          }
          : { ...failure, attempts }
      )
    }
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
  readonly endpoint: Endpoint<any, A>
  readonly spanName: string
  readonly client: HttpClient.HttpClient
  readonly clock: Clock.Clock
  readonly policy: CallPolicy
  readonly origin: string
  readonly request: HttpClientRequest.HttpClientRequest
  readonly reader: ReplyReader<A>
  readonly logsAttempts: boolean
  readonly startedAt: number
  attempts: number
  /** The request id of the last reply read, for the span. */
  requestId: string | undefined
  /** Whether a request is on the wire: only then can a deadline cut off a call that took effect. */
  inFlight: boolean
  /** What the client reported of the attempt's request: taken (`false`), being written (`true`), or nothing. */
  written: boolean | undefined
  /** Whether the client cancels its own requests when asked (`RequestCancellation`), on the default Clock. */
  readonly cancelsOwnRequests: boolean
  /** The attempt's cancel, registered by such a client. */
  cancellation: Cancellation
}

type Phase = "response" | "body"

// The request and its whole body, as raw facts.
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
      onFailure: (error): Effect.Effect<RawReply, HttpClientError.HttpClientError | TooLarge> =>
        isBodyTooLarge(error.cause)
          ? Effect.fail(tooLarge)
          // A read the call cancelled at its time limit is a time-out, not a cut-off body.
          : call.cancellation.expired
          ? Effect.fail(error)
          : Effect.succeed<RawReply>({ response, body: Option.none() }),
      onSuccess: (text) =>
        exceedsBytes(text, limit)
          ? Effect.fail(tooLarge)
          : Effect.succeed<RawReply>({ response, body: Option.some(text) })
    })
  })

// The exchange within the attempt's time limit. A client that cancels its own request needs no
// fiber to interrupt: a timer asks it to, and the attempt reads what follows as a time-out.
const timedExchange = <A>(
  call: Call<A>,
  phase: { current: Phase },
  timedOut: () => UizaError.TimeoutError
): Effect.Effect<RawReply, HttpClientError.HttpClientError | UizaError.TimeoutError | TooLarge> => {
  if (!call.cancelsOwnRequests) return withTimeLimit(exchange(call, phase), call.clock, call.policy.timeout, timedOut)
  startCancellingTimer(call.cancellation, call.policy.timeout)
  return exchange(call, phase)
}

// One attempt: the exchange within the attempt's time limit, then the reply read.
const attempt = <A>(call: Call<A>): Effect.Effect<A, UizaError.UizaError> =>
  Effect.suspend(() => {
    const attemptNumber = ++call.attempts
    const phase = { current: "response" as Phase }
    call.inFlight = true
    call.written = undefined
    const timedOut = () =>
      new UizaError.TimeoutError({
        message: timeoutMessage(call.origin, call.policy, phase.current, maySend(call)),
        phase: phase.current,
        timeout: call.policy.timeout,
        possiblyDelivered: maySend(call),
        attempts: attemptNumber
      })
    // Each attempt starts with nothing registered (`RequestCancellation.Register` leaves it here).
    call.cancellation = makeCancellation()
    const settled = Effect.matchEffect(timedExchange(call, phase, timedOut), {
      onFailure: (failure): Effect.Effect<A, UizaError.UizaError> => {
        settle(call.cancellation)
        // Whatever the client failed with once the time was up, the attempt timed out.
        const error = call.cancellation.expired ? timedOut() : failure
        // Not on interruption: a deadline that interrupts an attempt still finds it in flight.
        call.inFlight = false
        return Effect.fail(withStackFormatted(failureOf(error, call as Call<unknown>, attemptNumber)))
      },
      onSuccess: ({ body, response }) => {
        settle(call.cancellation)
        call.inFlight = false
        return Either.mapLeft(
          readReply(call.reader, {
            status: response.status,
            body,
            // Only an error reply's wait matters: a success is not retried, so its headers stay unread.
            retryAfter: response.status < 400
              ? Option.none()
              : parseRetryAfter(response.headers["retry-after"], call.clock.unsafeCurrentTimeMillis()),
            attempts: attemptNumber
          }),
          withStackFormatted
        )
      }
    })
    if (!call.logsAttempts) return settled
    // What `Effect.annotateLogs` does, with the fiber ref combinator an app already carries.
    return Effect.zipRight(
      Effect.locallyWith(
        Effect.logDebug(`${call.spanName}: attempt ${attemptNumber}`),
        FiberRef.currentLogAnnotations,
        (annotations) =>
          HashMap.set(HashMap.set(annotations, "http.method", call.endpoint.method), "url.full", call.request.url)
      ),
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
  const worthRetrying = (error: UizaError.UizaError) =>
    shouldRetry(error, call.endpoint.idempotent) && waitFitsDeadline(call, error)
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
        withStackFormatted(
          new UizaError.TimeoutError({
            message: `No reply from ${call.origin} within the deadline of ${Duration.format(deadline)}${
              !call.inFlight
                ? " (while waiting to retry)"
                : maySend(call)
                ? "; the request may have been delivered"
                : " (waiting for a free connection)"
            }.`,
            phase: "deadline",
            timeout: deadline,
            possiblyDelivered: call.inFlight && maySend(call),
            attempts: call.attempts
          })
        ))
  })

const annotateOutcome = <A>(span: Tracer.Span, call: Call<A>, exit: Exit.Exit<A, UizaError.UizaError>) => {
  span.attribute("uiza.attempts", call.attempts)
  if (Exit.isSuccess(exit)) {
    if (call.requestId !== undefined) span.attribute("uiza.request_id", call.requestId)
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
 * Where a call goes and what it carries: the configured workspace, or, for
 * an endpoint called before there is a token, a target of its own.
 *
 * @internal
 */
export interface Target {
  readonly baseUrl: string
  readonly authorization: Option.Option<Redacted.Redacted<string>>
  readonly settings: Pick<Settings, "timeout" | "maxRetries" | "deadline" | "maxResponseBytes">
  /** The client the target was built with; the `HttpClient` in context otherwise. */
  readonly httpClient: HttpClient.HttpClient | undefined
  /** The configured workspace's settings, which its requests are kept for; none for a target of its own. */
  readonly configuration?: Settings | undefined
}

const targetOf = (settings: Settings): Target => ({
  baseUrl: settings.baseUrl,
  authorization: Option.some(settings.authorization),
  settings,
  httpClient: settings.httpClient,
  configuration: settings
})

/** A call ready to run: what it knows and counts, and the values of the fiber refs it sets. */
interface PreparedCall<A> {
  readonly call: Call<A>
  readonly values: Array<unknown>
}

// Everything a call reads and builds before anything is sent: its target, policy, request and
// services. A setting or an input it refuses is the call's failure.
const prepareCall = <I, A>(
  endpoint: Endpoint<I, A>,
  input: I,
  overrides: CallOverrides | undefined,
  targetFrom: (context: Context.Context<never>) => Target,
  fiber: Fiber.RuntimeFiber<A, UizaError.UizaError>,
  span: Tracer.Span,
  spanName: string,
  clock: Clock.Clock
): Either.Either<PreparedCall<A>, UizaError.UizaError> => {
  const context = fiber.currentContext
  const target = targetFrom(context)
  const policy = policyOf(target.settings, overrides)
  if (Either.isLeft(policy)) {
    // Found before anything is sent, and reported as the client's own settings would be.
    return Either.left(
      new UizaError.UizaConfigError({
        setting: policy.left.setting,
        message: `Invalid option of ${spanName}: ${policy.left.setting} ${policy.left.problem}.`
      })
    )
  }
  span.attribute("http.request.method", endpoint.method)
  const withoutInput = baseRequestOf(endpoint, target)
  const written = endpoint.input === undefined
    ? Either.right(withoutInput)
    : endpoint.input(input, withoutInput, endpoint.name)
  if (Either.isLeft(written)) {
    span.attribute("uiza.error", "InvalidInputError")
    return Either.left(written.left)
  }
  const request = written.right
  const secrets = endpoint.inputSecrets?.(input) ?? []
  if (Option.isSome(target.authorization)) secrets.unshift(Redacted.value(target.authorization.value))
  const client = target.httpClient ??
    Context.get(context as Context.Context<HttpClient.HttpClient>, PlatformHttpClient)
  const call: Call<A> = {
    endpoint,
    spanName,
    client,
    clock,
    policy: policy.right,
    origin: target.baseUrl,
    request,
    reader: {
      descriptionLink: endpoint.descriptionLink,
      decodeSuccess: (envelope) => {
        call.requestId = envelope.requestId
        return Either.mapLeft(
          endpoint.success(envelope),
          (problem) => `does not hold the result of ${endpoint.name}: ${problem}`
        )
      },
      scrub: scrubberOfAll(secrets),
      secretsIn: endpoint.replySecrets
    },
    logsAttempts: LogLevel.greaterThanEqual(
      LogLevel.Debug,
      fiber.getFiberRef(FiberRef.currentMinimumLogLevel)
    ),
    startedAt: clock.unsafeCurrentTimeMillis(),
    attempts: 0,
    requestId: undefined,
    inFlight: false,
    written: undefined,
    cancelsOwnRequests: isDefaultClock(clock) && cancelsOwnRequests(client),
    cancellation: makeCancellation()
  }
  span.attribute("url.full", request.url)

  // A fetch-based client follows redirects unless told otherwise; a redirect must reach
  // the SDK as such, never be followed with (or without) the token.
  const requestInit = Context.getOption(context, FetchHttpClient.RequestInit)
  const noRedirects = Option.isNone(requestInit)
    ? REDIRECTS_NOT_FOLLOWED
    : { ...requestInit.value, redirect: "manual" as const }
  // The call's own services on top of the caller's, set in one copy of the caller's map:
  const services = new Map(context.unsafeMap)
  // the fetch options, and its span as the parent of what runs inside,
  services.set(FetchHttpClient.RequestInit.key, noRedirects)
  services.set(Tracer.ParentSpan.key, span)
  // the body limit, which the SDK's own clients read to stop reading at it (these three
  // by key: the app's own client reads none of them, and its bundle carries no class of theirs),
  services.set(maxResponseBytesKey, call.policy.maxResponseBytes)
  // where the client reports whether the attempt's request was written,
  services.set(reportDeliveryKey, (written: boolean) => {
    call.written = written
  })
  // and where a client that cancels its own requests leaves the attempt's cancel.
  services.set(registerCancelKey, (cancel: () => void) => register(call.cancellation, cancel))
  // The call's span is the only one: a client built on the platform's `HttpClient.make`
  // makes no span of its own for a Uiza request and sends no trace headers (they would
  // fail the CORS preflight of a browser call), and records no response header, which a
  // server could fill with the token. The user's own tracing stays on.
  const values = [Context.unsafeMake(services), disableTracing, false]
  return Either.right({ call, values })
}

const run = <I, A>(
  endpoint: Endpoint<I, A>,
  input: I,
  overrides: CallOverrides | undefined,
  targetFrom: (context: Context.Context<never>) => Target
): Effect.Effect<A, UizaError.UizaError, any> => {
  const spanName = `Uiza.${endpoint.name}`
  // One region that cannot be interrupted before its end has run: the span, the call's
  // fiber refs and the attempt's timer are all settled in it, in plain code, instead of in a
  // finaliser each (the span's, the fiber refs', the time limit's; docs/benchmarks.md).
  return Effect.uninterruptibleMask((restore) =>
    Effect.flatMap(
      Effect.makeSpan(spanName, SPAN_OPTIONS),
      (span) =>
        Effect.withFiberRuntime<A, UizaError.UizaError>((fiber) => {
          const clock = Context.get(fiber.currentDefaultServices, Clock.Clock)
          let prepared: Either.Either<PreparedCall<A>, UizaError.UizaError>
          try {
            prepared = prepareCall(endpoint, input, overrides, targetFrom, fiber, span, spanName, clock)
          } catch (defect) {
            // A defect of the set-up (a service missing, an argument of the wrong type from untyped
            // code) is the call's outcome too: its span ends with it, as every other outcome's does.
            endSpan(span, Exit.die(defect), clock, fiber)
            throw defect
          }
          if (Either.isLeft(prepared)) {
            const exit = Exit.fail(prepared.left)
            endSpan(span, exit, clock, fiber)
            return exit
          }
          const { call, values } = prepared.right
          const end = (exit: Exit.Exit<A, UizaError.UizaError>) => {
            // An attempt cut short by an interruption leaves its timer here.
            settle(call.cancellation)
            // The caller's fiber refs first: nothing a tracer does can keep the call's in the caller's fiber.
            return Effect.flatMap(swapFiberRefs(values), () => {
              annotateOutcome(span, call, exit)
              endSpan(span, exit, clock, fiber)
              return exit
            })
          }
          return Effect.zipRight(
            swapFiberRefs(values),
            Effect.matchCauseEffect(restore(withDeadline(call, withRetries(call))), {
              onFailure: (cause) => end(Exit.failCause(cause)),
              onSuccess: (value) => end(Exit.succeed(value))
            })
          )
        })
    )
  )
}

// Ends the call's span as `Effect.useSpan` would: at the Clock's time unless timing is off.
// The span is the call's own, made by it and ended once, here.
const endSpan = <A>(
  span: Tracer.Span,
  exit: Exit.Exit<A, UizaError.UizaError>,
  clock: Clock.Clock,
  fiber: Fiber.RuntimeFiber<A, UizaError.UizaError>
) => {
  span.end(fiber.getFiberRef(FiberRef.currentTracerTimingEnabled) ? clock.unsafeCurrentTimeNanos() : BigInt(0), exit)
}

// What a call sets while it runs: its services, and the tracing of a platform client.
const callFiberRefs: ReadonlyArray<FiberRef.FiberRef<any>> = [
  FiberRef.currentContext,
  currentTracerDisabledWhen,
  currentTracerPropagation
]

// Swaps the values of the call's fiber refs with `values`: on entry the call's go in and the
// caller's come out, on exit the other way round. What `Effect.provide` and two `Effect.locally`
// do with two steps per fiber ref, in one (docs/benchmarks.md).
const swapFiberRefs = (values: Array<unknown>) =>
  Effect.updateFiberRefs((fiberId, refs) =>
    // All three in one copy of the fiber's refs, not one copy each.
    FiberRefs.updateManyAs(refs, {
      entries: [swapped(0, fiberId, refs, values), swapped(1, fiberId, refs, values), swapped(2, fiberId, refs, values)]
    })
  )

// The entry of the `index`-th call fiber ref that sets it to `values[index]`, which it replaces with the current value.
const swapped = (
  index: number,
  fiberId: FiberId.Single,
  refs: FiberRefs.FiberRefs,
  values: Array<unknown>
): readonly [FiberRef.FiberRef<any>, readonly [readonly [FiberId.Single, unknown]]] => {
  const fiberRef = callFiberRefs[index]!
  const value = values[index]
  values[index] = FiberRefs.getOrDefault(refs, fiberRef)
  return [fiberRef, [[fiberId, value]]]
}

const disableTracing = () => true

const SPAN_OPTIONS = { kind: "client", captureStackTrace: false } as const

/**
 * Calls an endpoint of the configured workspace with the call policy: input
 * validated and encoded before anything is sent, a timeout per attempt that
 * covers the whole body, retries that follow the endpoint's idempotency, an
 * optional overall deadline, one span and a debug log line per attempt.
 * Every failure is one of the SDK's errors.
 *
 * Every call goes through here, so it is written for a short path: the
 * services are read once, the span is annotated directly, and the retry
 * schedule is only built once an attempt has failed.
 *
 * @internal
 */
export const callApi = <I, A>(
  endpoint: Endpoint<I, A>,
  input: I,
  overrides?: CallOverrides
): Effect.Effect<A, UizaError.UizaError, HttpClient.HttpClient | UizaConfig> =>
  run(
    endpoint,
    input,
    overrides,
    (context) => targetOf(Context.get(context as Context.Context<UizaConfig>, UizaConfig))
  )

/**
 * Calls an endpoint at a target of its own, without the configured workspace:
 * creating a token, which happens before there is one.
 *
 * @internal
 */
export const callApiAt = <I, A>(
  endpoint: Endpoint<I, A>,
  input: I,
  target: Target,
  overrides?: CallOverrides
): Effect.Effect<A, UizaError.UizaError, HttpClient.HttpClient> => run(endpoint, input, overrides, () => target)
