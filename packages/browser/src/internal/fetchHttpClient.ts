/**
 * A lean `fetch`-based `HttpClient` for browsers.
 *
 * `@effect/platform`'s own fetch client is built on its `HttpClient` and
 * `HttpClientResponse` modules, whose top-level code (a client prototype,
 * response classes with a `stream` getter built on
 * `Stream.fromReadableStream`, the service accessors) a bundler cannot drop:
 * importing any value of either module brings effect's Stream and Channel
 * runtime (23 kB minified, about 12 kB gzip with what comes along) into a
 * browser bundle. This client imports no value from those two modules; it
 * implements their interfaces (same type ids, so the platform's combinators
 * and guards accept it) with only what a call needs, and builds its response
 * streams from the few Stream constructors that do not need the Channel
 * runtime (about 1 kB).
 *
 * What it keeps from `FetchHttpClient`: the `fetch` of the context
 * (`FetchHttpClient.Fetch`, looked up in the request's context, then the
 * layer's), the `RequestError` / `ResponseError` values with the same
 * `reason`s for the same failures, and aborting the `fetch` when the call or
 * the reading of the body is interrupted. It also registers that abort with
 * `RequestCancellation.Register`, so a call of the SDK cancels the request at
 * its time limit without a fiber of its own.
 *
 * What it leaves out: the `http.client` span and trace headers (a browser
 * call must not send headers the API's CORS rules do not allow), and
 * streaming request bodies, which would bring the Stream runtime back (and
 * which most browsers cannot send anyway): such a request fails with a
 * `RequestError` of reason `Encode`. Reading a response as a stream works.
 *
 * @internal
 */
import * as Cookies from "@effect/platform/Cookies"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Headers from "@effect/platform/Headers"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import type * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import * as UrlParams from "@effect/platform/UrlParams"
import * as RequestCancellation from "@uiza-effect/core/RequestCancellation"
import * as ResponseBodyLimit from "@uiza-effect/core/ResponseBodyLimit"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Inspectable from "effect/Inspectable"
import * as Option from "effect/Option"
import { pipeArguments } from "effect/Pipeable"
import * as Stream from "effect/Stream"

// The platform's type ids are registered symbols: `Symbol.for` gives the same ones
// without importing the modules that define them (see the module comment).
const ClientTypeId: HttpClient.TypeId = Symbol.for("@effect/platform/HttpClient") as HttpClient.TypeId
const ResponseTypeId: HttpClientResponse.TypeId = Symbol.for(
  "@effect/platform/HttpClientResponse"
) as HttpClientResponse.TypeId
const IncomingMessageTypeId: HttpIncomingMessage.TypeId = Symbol.for(
  "@effect/platform/HttpIncomingMessage"
) as HttpIncomingMessage.TypeId

type Fetch = typeof globalThis.fetch

// A client as the platform's combinators (`mapRequest`, `transformResponse`, ...) expect one.
interface Client extends HttpClient.HttpClient {
  readonly preprocess: HttpClient.HttpClient.Preprocess<HttpClientError.HttpClientError, never>
  readonly postprocess: HttpClient.HttpClient.Postprocess<HttpClientError.HttpClientError, never>
}

const ClientProto: Omit<Client, "execute" | "preprocess" | "postprocess"> = {
  [ClientTypeId]: ClientTypeId,
  pipe() {
    // eslint-disable-next-line prefer-rest-params -- as effect's own `pipe` methods: `arguments` is what `pipeArguments` takes
    return pipeArguments(this, arguments)
  },
  ...Inspectable.BaseProto,
  toJSON() {
    return { _id: "@effect/platform/HttpClient" }
  },
  get(this: Client, url, options) {
    return this.execute(HttpClientRequest.get(url, options))
  },
  head(this: Client, url, options) {
    return this.execute(HttpClientRequest.head(url, options))
  },
  post(this: Client, url, options) {
    return this.execute(HttpClientRequest.post(url, options))
  },
  put(this: Client, url, options) {
    return this.execute(HttpClientRequest.put(url, options))
  },
  patch(this: Client, url, options) {
    return this.execute(HttpClientRequest.patch(url, options))
  },
  del(this: Client, url, options) {
    return this.execute(HttpClientRequest.del(url, options))
  },
  options(this: Client, url, options) {
    return this.execute(HttpClientRequest.options(url, options))
  }
}

// Aborts the fetch (and so the reading of its body) when `effect` is interrupted.
const abortOnInterrupt = <A, E>(effect: Effect.Effect<A, E>, controller: AbortController) =>
  Effect.onInterrupt(effect, () => Effect.sync(() => controller.abort()))

/**
 * The body as text, read no further than `limit` bytes: past it (or with a
 * `Content-Length` above it) the fetch is aborted, which releases the
 * connection, and the read fails with a `BodyTooLarge`. Decoded as
 * `Response.text()` does.
 */
const readTextUpTo = async (response: Response, limit: number, controller: AbortController): Promise<string> => {
  const tooLarge = () => {
    controller.abort()
    return new ResponseBodyLimit.BodyTooLarge({ limit })
  }
  const declared = response.headers.get("content-length")
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) throw tooLarge()
  if (response.body === null) return ""
  const reader = response.body.getReader()
  let chunks: Array<Uint8Array> = []
  let received = 0
  for (;;) {
    const chunk = await reader.read()
    if (chunk.done) break
    received += chunk.value.byteLength
    if (received > limit) {
      // What was read goes before the error is made: nothing of the body may outlive the read.
      chunks = []
      reader.cancel().catch(() => undefined)
      throw tooLarge()
    }
    chunks.push(chunk.value)
  }
  const bytes = new Uint8Array(received)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(bytes)
}

class FetchResponse extends Inspectable.Class implements HttpClientResponse.HttpClientResponse {
  readonly [ResponseTypeId]: HttpClientResponse.TypeId = ResponseTypeId
  readonly [IncomingMessageTypeId]: HttpIncomingMessage.TypeId = IncomingMessageTypeId
  readonly [ResponseBodyLimit.BoundedRead] = true
  private textBody: Promise<string> | undefined
  private arrayBufferBody: Promise<ArrayBuffer> | undefined
  private formDataBody: Promise<FormData> | undefined

  constructor(
    readonly request: HttpClientRequest.HttpClientRequest,
    private readonly source: Response,
    private readonly controller: AbortController
  ) {
    super()
  }

  private decodeError(cause: unknown, reason: "Decode" | "EmptyBody" = "Decode", description?: string) {
    return new HttpClientError.ResponseError({
      request: this.request,
      response: this,
      reason,
      cause,
      ...(description === undefined ? {} : { description })
    })
  }

  // The body, read once and kept, as the platform's response does; interruption aborts the fetch.
  private read<A>(body: () => Promise<A>): Effect.Effect<A, HttpClientError.ResponseError> {
    return abortOnInterrupt(
      Effect.tryPromise({ try: body, catch: (cause) => this.decodeError(cause) }),
      this.controller
    )
  }

  get status(): number {
    return this.source.status
  }

  get headers(): Headers.Headers {
    return Headers.fromInput(this.source.headers)
  }

  get cookies(): Cookies.Cookies {
    // What `Cookies.fromSetCookie(headers.getSetCookie())` gives in a browser or worker, where
    // `set-cookie` is never exposed to scripts; without the cookie parser in the bundle.
    return Cookies.empty
  }

  get remoteAddress(): Option.Option<string> {
    return Option.none()
  }

  // Within the limit of the current call (`ResponseBodyLimit.MaxResponseBytes`), if it sets one.
  get text(): Effect.Effect<string, HttpClientError.ResponseError> {
    return Effect.flatMap(
      ResponseBodyLimit.MaxResponseBytes,
      (limit) =>
        this.read(() =>
          this.textBody ??= limit === Number.POSITIVE_INFINITY
            ? this.source.text()
            : readTextUpTo(this.source, limit, this.controller)
        )
    )
  }

  get json(): Effect.Effect<unknown, HttpClientError.ResponseError> {
    return Effect.flatMap(this.text, (text) =>
      Effect.try({
        try: () => text === "" ? null : JSON.parse(text) as unknown,
        catch: (cause) => this.decodeError(cause)
      }))
  }

  get urlParamsBody(): Effect.Effect<UrlParams.UrlParams, HttpClientError.ResponseError> {
    return Effect.flatMap(this.text, (text) =>
      Effect.try({
        try: () => UrlParams.fromInput(new URLSearchParams(text)),
        catch: (cause) => this.decodeError(cause)
      }))
  }

  get arrayBuffer(): Effect.Effect<ArrayBuffer, HttpClientError.ResponseError> {
    return this.read(() => this.arrayBufferBody ??= this.source.arrayBuffer())
  }

  get formData(): Effect.Effect<FormData, HttpClientError.ResponseError> {
    return this.read(() => this.formDataBody ??= this.source.formData())
  }

  // One element per chunk `fetch` delivers, like `Stream.fromReadableStream`, built from
  // the few Stream constructors that do not need the Channel runtime in a bundle.
  get stream(): Stream.Stream<Uint8Array, HttpClientError.ResponseError> {
    const body = this.source.body
    if (body === null) {
      return Stream.fail(this.decodeError(undefined, "EmptyBody", "can not create stream from empty body"))
    }
    return Stream.suspend(() => {
      let reader: ReadableStreamDefaultReader<Uint8Array>
      try {
        reader = body.getReader()
      } catch (cause) {
        return Stream.fail(this.decodeError(cause))
      }
      const pull = Effect.flatMap(
        Effect.tryPromise({ try: () => reader.read(), catch: (cause) => Option.some(this.decodeError(cause)) }),
        (chunk) => chunk.done ? Effect.fail(Option.none()) : Effect.succeed(chunk.value)
      )
      // Stopping early (or being interrupted) cancels the body and aborts the fetch.
      return Stream.ensuring(
        Stream.repeatEffectOption(pull),
        Effect.sync(() => {
          reader.cancel().catch(() => undefined)
          this.controller.abort()
        })
      )
    })
  }

  toJSON(): unknown {
    return {
      _id: "@effect/platform/HttpClientResponse",
      request: this.request.toJSON(),
      status: this.status,
      headers: Inspectable.redact(this.headers),
      remoteAddress: this.remoteAddress.toJSON()
    }
  }
}

const requestError = (
  request: HttpClientRequest.HttpClientRequest,
  reason: "Transport" | "Encode" | "InvalidUrl",
  cause: unknown,
  description?: string
) =>
  new HttpClientError.RequestError({
    request,
    reason,
    cause,
    ...(description === undefined ? {} : { description })
  })

/**
 * A `fetch` client that sends every request with `init` (read at each request,
 * so it is the object's current settings), the request's method, headers and
 * body, and an `AbortSignal` of its own. `context` is the context the client
 * was built in: its `FetchHttpClient.Fetch` is used when the request's
 * context has none.
 *
 * @internal
 */
export const make = (init: RequestInit, context: Context.Context<never>): HttpClient.HttpClient => {
  const layerFetch = Context.getOption(context as Context.Context<FetchHttpClient.Fetch>, FetchHttpClient.Fetch)
  const send = (request: HttpClientRequest.HttpClientRequest) =>
    Effect.withFiberRuntime<HttpClientResponse.HttpClientResponse, HttpClientError.RequestError>((fiber) => {
      const requestFetch = Context.getOption(fiber.currentContext, FetchHttpClient.Fetch)
      const url = UrlParams.makeUrl(request.url, request.urlParams, request.hash)
      if (url._tag === "Left") return Effect.fail(requestError(request, "InvalidUrl", url.left))
      const body = request.body
      if (body._tag === "Stream") {
        return Effect.fail(
          requestError(request, "Encode", undefined, "streaming request bodies are not supported by this client")
        )
      }
      const fetch: Fetch = Option.getOrElse(requestFetch, () => Option.getOrElse(layerFetch, () => globalThis.fetch))
      // As `FetchHttpClient`: the init's headers, then the request's; `fetch` sets the length itself.
      let headers = init.headers ? Headers.merge(Headers.fromInput(init.headers), request.headers) : request.headers
      if (headers["content-length"] !== undefined) headers = Headers.remove(headers, "content-length")
      const controller = new AbortController()
      // Cancelling the attempt aborts the fetch, and with it the reading of the body.
      Context.get(fiber.currentContext, RequestCancellation.Register)(() => controller.abort())
      return abortOnInterrupt(
        Effect.tryPromise({
          try: () =>
            fetch(url.right, {
              ...init,
              method: request.method,
              headers,
              body: body._tag === "FormData"
                ? body.formData
                : body._tag === "Empty"
                ? null
                : body.body as BodyInit,
              signal: controller.signal
            }),
          catch: (cause) => requestError(request, "Transport", cause)
        }),
        controller
      ).pipe(
        Effect.map((response): HttpClientResponse.HttpClientResponse =>
          new FetchResponse(request, response, controller)
        )
      )
    })
  const postprocess: Client["postprocess"] = (request) => Effect.flatMap(request, send)
  const preprocess: Client["preprocess"] = Effect.succeed
  const client: Client = Object.assign(Object.create(ClientProto), {
    preprocess,
    postprocess,
    execute: (request: HttpClientRequest.HttpClientRequest) => postprocess(preprocess(request)),
    [RequestCancellation.Supported]: true
  })
  return client
}
