import * as NodeStream from "@effect/platform-node/NodeStream"
import type { Dispatcher } from "@effect/platform-node/Undici"
import * as Cookies from "@effect/platform/Cookies"
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import * as UrlParams from "@effect/platform/UrlParams"
import { RequestCancellation, RequestDelivery, ResponseBodyLimit } from "@uiza-effect/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Inspectable from "effect/Inspectable"
import * as Option from "effect/Option"
import type * as Stream from "effect/Stream"
import { Readable } from "node:stream"
import type { ReadableStream as NodeReadableStream } from "node:stream/web"
import { RequestAbort } from "./requestAbort.js"
import * as RequestWrites from "./requestWrites.js"

// A body dropped without being read would keep its socket busy: once the
// response is garbage, the body is destroyed and the socket goes back to the pool.
const unreadBodies = new FinalizationRegistry<Dispatcher.ResponseData["body"]>((body) => {
  body.destroy()
})

const ignoreError = (_: unknown) => {}

// What a request or body cancelled at the call's request (its time limit passed) fails with.
const attemptCancelled = new Error("The attempt's time limit passed")

/**
 * Runs a promise-returning read of the body; interrupting the read destroys
 * the body, which closes the socket instead of leaving it half read.
 */
const readBody = <A>(
  response: UndiciResponse,
  read: () => Promise<A>
): Effect.Effect<A, HttpClientError.ResponseError> =>
  Effect.async<A, HttpClientError.ResponseError>((resume) => {
    read().then(
      (value) => resume(Effect.succeed(value)),
      (cause) => resume(Effect.fail(response.decodeError(cause)))
    )
    return Effect.sync(() => response.source.body.destroy())
  })

const utf8 = new TextDecoder()

/**
 * The body as text, read no further than `limit` bytes: past it (or with a
 * `Content-Length` above it) the body is destroyed, which closes the socket,
 * and the read fails with a `BodyTooLarge`. Decoded as undici's `text()` does.
 */
const readTextUpTo = (source: Dispatcher.ResponseData, limit: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const body = source.body
    let chunks: Array<Buffer> = []
    let received = 0
    const tooLarge = () => {
      // What was read goes before the error is made: nothing of the body may outlive the read.
      chunks = []
      body.removeAllListeners("data")
      body.destroy()
      reject(new ResponseBodyLimit.BodyTooLarge({ limit }))
    }
    const declared = source.headers["content-length"]
    if (typeof declared === "string" && /^\d+$/.test(declared) && Number(declared) > limit) return tooLarge()
    body.on("data", (chunk: Buffer) => {
      received += chunk.length
      if (received > limit) return tooLarge()
      chunks.push(chunk)
    })
    body.once("end", () => resolve(utf8.decode(Buffer.concat(chunks, received))))
    body.once("error", reject)
  })

class UndiciResponse extends Inspectable.Class implements HttpClientResponse.HttpClientResponse {
  readonly [HttpIncomingMessage.TypeId]: HttpIncomingMessage.TypeId = HttpIncomingMessage.TypeId
  readonly [HttpClientResponse.TypeId]: HttpClientResponse.TypeId = HttpClientResponse.TypeId
  readonly [ResponseBodyLimit.BoundedRead] = true
  private cachedHeaders: Headers.Headers | undefined
  private cachedCookies: Cookies.Cookies | undefined
  // The body can be read once; text, json and URL parameters share that read.
  private textRead: Promise<string> | undefined

  constructor(readonly request: HttpClientRequest.HttpClientRequest, readonly source: Dispatcher.ResponseData) {
    super()
    source.body.on("error", ignoreError)
    unreadBodies.register(this, source.body, this)
  }

  get status(): number {
    return this.source.statusCode
  }

  get headers(): Headers.Headers {
    return this.cachedHeaders ??= Headers.fromInput(this.source.headers)
  }

  get cookies(): Cookies.Cookies {
    if (this.cachedCookies === undefined) {
      const header = this.source.headers["set-cookie"]
      this.cachedCookies = header === undefined
        ? Cookies.empty
        : Cookies.fromSetCookie(Array.isArray(header) ? header : [header])
    }
    return this.cachedCookies
  }

  get remoteAddress(): Option.Option<string> {
    return Option.none()
  }

  decodeError(cause: unknown): HttpClientError.ResponseError {
    return new HttpClientError.ResponseError({ request: this.request, response: this, reason: "Decode", cause })
  }

  private consumed<A>(read: Promise<A>): Promise<A> {
    unreadBodies.unregister(this)
    return read
  }

  // Within the limit of the current call (`ResponseBodyLimit.MaxResponseBytes`), if it sets one.
  get text(): Effect.Effect<string, HttpClientError.ResponseError> {
    return Effect.flatMap(
      ResponseBodyLimit.MaxResponseBytes,
      (limit) =>
        readBody(this, () =>
          this.textRead ??= this.consumed(
            limit === Number.POSITIVE_INFINITY ? this.source.body.text() : readTextUpTo(this.source, limit)
          ))
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
    return readBody(this, () => this.consumed(this.source.body.arrayBuffer()))
  }

  get formData(): Effect.Effect<FormData, HttpClientError.ResponseError> {
    return readBody(this, () => this.consumed(this.source.body.formData() as Promise<FormData>))
  }

  get stream(): Stream.Stream<Uint8Array, HttpClientError.ResponseError> {
    unreadBodies.unregister(this)
    return NodeStream.fromReadable(() => this.source.body, (cause) => this.decodeError(cause))
  }

  toJSON(): unknown {
    return HttpIncomingMessage.inspect(this, {
      _id: "@effect/platform/HttpClientResponse",
      request: this.request.toJSON(),
      status: this.status
    })
  }
}

type RequestBody = Exclude<Dispatcher.RequestOptions["body"], undefined>

interface EncodedBody {
  readonly body: RequestBody
  /** Set when the encoding decides the content type (the boundary of a multipart body). */
  readonly contentType?: string | undefined
}

const NO_BODY: EncodedBody = { body: null }

// The body as undici takes it. Only a stream needs an effect (it runs as it is sent); every other
// body is ready as it is, and the request starts without a step of its own.
const bodyOf = (
  body: HttpClientRequest.HttpClientRequest["body"]
): EncodedBody | Effect.Effect<EncodedBody, HttpClientError.RequestError> => {
  switch (body._tag) {
    case "Empty":
      return NO_BODY
    case "Uint8Array":
    case "Raw":
      return { body: body.body as RequestBody }
    case "FormData": {
      // Node's own multipart encoder: the FormData of Node's fetch is not the one undici's
      // request() takes.
      const encoded = new Response(body.formData)
      return {
        body: Readable.fromWeb(encoded.body! as NodeReadableStream<Uint8Array>),
        contentType: encoded.headers.get("content-type") ?? undefined
      }
    }
    case "Stream":
      return Effect.map(NodeStream.toReadable(body.stream), (readable) => ({ body: readable }))
  }
}

/** Where undici sends a request: its origin, and the path with query and fragment. */
interface Destination {
  readonly origin: string
  readonly path: string
}

const destinationOf = (url: URL): Destination => ({ origin: url.origin, path: url.pathname + url.search + url.hash })

// A request is an immutable value, and a client sends the same one again and again (the SDK
// keeps the request of an endpoint without input): its URL is parsed once, not per request.
// Only requests with no URL parameters or fragment of their own, whose URL is their `url` alone.
const destinations = new WeakMap<HttpClientRequest.HttpClientRequest, Destination>()

const destinationOfRequest = (
  request: HttpClientRequest.HttpClientRequest
): Either.Either<Destination, Error> => {
  const known = destinations.get(request)
  if (known !== undefined) return Either.right(known)
  const url = UrlParams.makeUrl(request.url, request.urlParams, request.hash)
  if (Either.isLeft(url)) return Either.left(url.left)
  const destination = destinationOf(url.right)
  if (request.urlParams.length === 0 && Option.isNone(request.hash)) destinations.set(request, destination)
  return Either.right(destination)
}

/**
 * An `HttpClient` on an undici `Dispatcher` that does the least per request:
 * one promise for the response, one for the body. It sends exactly the
 * request's headers (no trace headers) and leaves timeouts to the caller:
 * interrupting the request, or cancelling it through
 * `RequestCancellation.Register`, aborts it and closes the socket.
 * It reports to `RequestDelivery.Report` when it takes a request, and when a
 * socket of the pool takes it to write it.
 *
 * @internal
 */
export const make = (pool: Dispatcher): HttpClient.HttpClient => {
  const dispatcher = RequestWrites.reportingWrites(pool)
  const send = (
    request: HttpClientRequest.HttpClientRequest,
    destination: Destination,
    { body, contentType }: EncodedBody
  ) =>
    Effect.withFiberRuntime<HttpClientResponse.HttpClientResponse, HttpClientError.RequestError>((fiber) => {
      const report = Context.get(fiber.currentContext, RequestDelivery.Report)
      const registerCancel = Context.get(fiber.currentContext, RequestCancellation.Register)
      return Effect.async<HttpClientResponse.HttpClientResponse, HttpClientError.RequestError>((resume) => {
        report(false)
        const abort = new RequestAbort()
        // Cancelling the attempt aborts the request; once the response is in, it destroys the body.
        registerCancel(() => abort.abort(attemptCancelled))
        const options: Dispatcher.RequestOptions<null> & RequestWrites.ReportingOptions = {
          [RequestWrites.whenWritten]: () => report(true),
          signal: abort,
          method: request.method,
          headers: contentType === undefined
            ? request.headers
            : { ...request.headers, "content-type": contentType },
          origin: destination.origin,
          path: destination.path,
          body,
          // The caller times the whole attempt; undici's own timers would cut it short.
          headersTimeout: 0,
          bodyTimeout: 0
        }
        dispatcher.request(options).then(
          (response) => {
            registerCancel(() => response.body.destroy(attemptCancelled))
            resume(Effect.succeed(new UndiciResponse(request, response)))
          },
          (cause) => resume(Effect.fail(new HttpClientError.RequestError({ request, reason: "Transport", cause })))
        )
        return Effect.sync(() => abort.abort(undefined))
      })
    })
  const client = HttpClient.makeWith<never, never, HttpClientError.HttpClientError, never>(
    Effect.flatMap((request) => {
      const destination = destinationOfRequest(request)
      if (Either.isLeft(destination)) {
        return Effect.fail(
          new HttpClientError.RequestError({ request, reason: "InvalidUrl", cause: destination.left })
        )
      }
      const body = bodyOf(request.body)
      return Effect.isEffect(body)
        ? Effect.flatMap(body, (encoded) => send(request, destination.right, encoded))
        : send(request, destination.right, body)
    }),
    Effect.succeed
  )
  return Object.assign(client, { [RequestCancellation.Supported]: true })
}
