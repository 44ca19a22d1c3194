import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { describe, expect, it } from "@effect/vitest"
import { ResponseBodyLimit, UizaConfig, UizaError, User } from "@uiza-effect/core"
import * as Cause from "effect/Cause"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Tracer from "effect/Tracer"
import { reply, stubUiza, token } from "./support/stubHttpClient.js"

const logoutExit = (
  answer: () => Response,
  options: Partial<UizaConfig.Options> = {},
  call?: User.LogoutOptions
) => {
  const stub = stubUiza(answer, options)
  return Effect.map(Effect.exit(Effect.provide(User.logout(call), stub.layer)), (exit) => ({ exit, stub }))
}

const failureOf = <A, E>(exit: Exit.Exit<A, E>): UizaError.UizaError => {
  if (Exit.isSuccess(exit)) return expect.fail("the logout succeeded")
  expect(Cause.isDie(exit.cause), Cause.pretty(exit.cause)).toBe(false)
  const [error] = Cause.failures(exit.cause)
  if (!UizaError.isUizaError(error)) return expect.fail(String(error))
  return error
}

const nested = (levels: number, inner = "1") => `${"[".repeat(levels)}${inner}${"]".repeat(levels)}`
const nestedObject = (levels: number, inner: string) => `${"{\"a\":".repeat(levels)}${inner}${"}".repeat(levels)}`

describe("deeply nested JSON", () => {
  it.effect.each([200, 302, 401, 404, 500, 503, 299, 199])(
    "on HTTP %s ends in a UizaError, not a defect",
    (status) =>
      Effect.gen(function*() {
        for (const body of [nested(6_000), nestedObject(6_000, "1"), `{"data":${nested(100_000)}}`]) {
          const { exit } = yield* logoutExit(() => {
            const response = new Response(body, { status: 200, headers: { "content-type": "application/json" } })
            Object.defineProperty(response, "status", { value: status })
            return response
          })
          const error = failureOf(exit)
          expect(error._tag).not.toBe("ConnectionError")
          if ("bodyExcerpt" in error && error.bodyExcerpt !== undefined) {
            expect(new TextEncoder().encode(error.bodyExcerpt).length).toBeLessThanOrEqual(2048)
          }
          expect(() => JSON.stringify(error)).not.toThrow()
        }
      })
  )

  it.live("on a 5xx is retried like any 5xx", () =>
    Effect.gen(function*() {
      const { exit, stub } = yield* logoutExit(reply(503, nested(6_000)), { maxRetries: 1 })
      const error = failureOf(exit)
      expect(error._tag).toBe("ServiceUnavailableError")
      expect(error.attempts).toBe(2)
      expect(stub.requests).toHaveLength(2)
    }))

  it.effect("up to 64 levels is still read as JSON; the token in a deep key is scrubbed", () =>
    Effect.gen(function*() {
      const escapedKey = Array.from(token, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")
      for (const levels of [10, 63, 300]) {
        // In an array: an object would be an envelope, which is never quoted.
        const body = `[${nestedObject(levels - 2, `{"${escapedKey}":1}`)}]`
        const { exit } = yield* logoutExit(reply(502, body))
        const error = failureOf(exit)
        if (!("bodyExcerpt" in error) || error.bodyExcerpt === undefined) return expect.fail("no excerpt")
        expect(error.bodyExcerpt).not.toContain(token)
        expect(error.bodyExcerpt).not.toContain(escapedKey)
        expect(error.bodyExcerpt).toContain("<redacted>")
      }
    }))
})

describe("maxResponseBytes", () => {
  // A body that counts how much of it was pulled.
  const countingBody = (size: number) => {
    const pulled = { bytes: 0 }
    const chunk = new Uint8Array(64 * 1024).fill(0x61)
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled.bytes >= size) return controller.close()
        pulled.bytes += chunk.length
        controller.enqueue(chunk)
      }
    })
    return { stream, pulled }
  }

  it.effect("a Content-Length over the limit fails before the body is read", () =>
    Effect.gen(function*() {
      const { pulled, stream } = countingBody(10 * 1024 * 1024)
      const { exit } = yield* logoutExit(
        () => new Response(stream, { status: 200, headers: { "content-length": String(10 * 1024 * 1024) } }),
        { maxResponseBytes: 1024 * 1024 }
      )
      const error = failureOf(exit)
      if (error._tag !== "ResponseTooLargeError") return expect.fail(error._tag)
      expect(error).toMatchObject({ status: 200, limit: 1024 * 1024, possiblyDelivered: true, retryable: false })
      expect(error.attempts).toBe(1)
      expect(error.message).toContain("1048576 bytes")
      expect(pulled.bytes).toBeLessThanOrEqual(128 * 1024) // what a stream queues before it is read
    }))

  it.effect("the default is 8 MiB: a body one byte over fails, one at the limit is read", () =>
    Effect.gen(function*() {
      const limit = UizaConfig.defaults.maxResponseBytes
      expect(limit).toBe(8 * 1024 * 1024)
      const over = failureOf((yield* logoutExit(reply(500, "x".repeat(limit + 1), "text/plain"))).exit)
      expect(over._tag).toBe("ResponseTooLargeError")
      const at = failureOf((yield* logoutExit(reply(500, "x".repeat(limit), "text/plain"))).exit)
      expect(at._tag).toBe("InternalServerError")
    }))

  it.effect("counts bytes, not characters, and is not retried on a 5xx", () =>
    Effect.gen(function*() {
      const body = "é".repeat(600) // 1200 bytes
      const over = yield* logoutExit(reply(503, body, "text/plain"), { maxResponseBytes: 1199, maxRetries: 2 })
      const error = failureOf(over.exit)
      expect(error).toMatchObject({ _tag: "ResponseTooLargeError", status: 503, limit: 1199, attempts: 1 })
      expect(over.stub.requests).toHaveLength(1)
      const at = failureOf((yield* logoutExit(reply(401, body, "text/plain"), { maxResponseBytes: 1200 })).exit)
      expect(at._tag).toBe("UnauthorizedError")
    }))

  it.effect("a per-call limit overrides the client's, both ways", () =>
    Effect.gen(function*() {
      const body = JSON.stringify({ data: { message: "Logout success" }, code: 200, type: "SUCCESS" })
      const tight = yield* logoutExit(reply(200, body), {}, { maxResponseBytes: 10 })
      expect(failureOf(tight.exit)._tag).toBe("ResponseTooLargeError")
      const loose = yield* logoutExit(reply(200, body), { maxResponseBytes: 10 }, { maxResponseBytes: 10_000 })
      expect(Exit.isSuccess(loose.exit)).toBe(true)
    }))

  it.effect("the client reads the call's limit, and a client that stops at it fails the call typed", () =>
    Effect.gen(function*() {
      const seen: Array<number> = []
      const client = HttpClient.make((request) =>
        Effect.flatMap(ResponseBodyLimit.MaxResponseBytes, (limit) => {
          seen.push(limit)
          const response = HttpClientResponse.fromWeb(request, new Response("{}", { status: 200 }))
          return Effect.fail(
            new HttpClientError.ResponseError({
              request,
              response,
              reason: "Decode",
              cause: new ResponseBodyLimit.BodyTooLarge({ limit })
            })
          )
        })
      )
      const layer = Layer.merge(
        Layer.succeed(HttpClient.HttpClient, client),
        UizaConfig.layer({ workspaceApiDomain: "api.uiza.example", authorization: token, maxResponseBytes: 4096 })
      )
      const error = yield* Effect.flip(Effect.provide(User.logout(), layer))
      expect(error).toMatchObject({ _tag: "ResponseTooLargeError", status: 200, limit: 4096, attempts: 1 })
      expect(seen).toEqual([4096])
      // Outside a call there is no limit.
      expect(yield* ResponseBodyLimit.MaxResponseBytes).toBe(Number.POSITIVE_INFINITY)
    }))

  it.effect("is validated, in code, per call and from UIZA_MAX_RESPONSE_BYTES", () =>
    Effect.gen(function*() {
      for (const maxResponseBytes of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        const error = yield* Effect.flip(
          UizaConfig.make({ workspaceApiDomain: "api.uiza.example", authorization: token, maxResponseBytes })
        )
        expect(error.setting).toBe("maxResponseBytes")
        // A per-call option outside its range fails like the client's own setting, before anything is sent.
        const exit = (yield* logoutExit(reply(200, "{}"), {}, { maxResponseBytes })).exit
        expect(Exit.isFailure(exit) && Cause.isFailType(exit.cause) && exit.cause.error).toMatchObject({
          _tag: "UizaConfigError",
          setting: "maxResponseBytes"
        })
      }
      const fromEnvironment = (value: string) =>
        Effect.provide(
          UizaConfig.UizaConfig,
          UizaConfig.layerConfig().pipe(
            Layer.provide(Layer.setConfigProvider(ConfigProvider.fromMap(
              new Map([
                ["UIZA_WORKSPACE_API_DOMAIN", "api.uiza.example"],
                ["UIZA_AUTHORIZATION", token],
                ["UIZA_MAX_RESPONSE_BYTES", value]
              ])
            )))
          )
        )
      expect((yield* fromEnvironment("65536")).maxResponseBytes).toBe(65536)
      expect((yield* Effect.flip(fromEnvironment("0"))).setting).toBe("maxResponseBytes")
    }))
})

describe("server-sent fields of a success", () => {
  it.effect("are one line of at most 300 characters, in the result and on the span", () =>
    Effect.gen(function*() {
      const huge = `line one\r\n${"r".repeat(5_000_000)}`
      const body = JSON.stringify({
        data: { message: `Logout\nsuccess ${"m".repeat(5_000_000)}` },
        requestId: huge,
        serviceName: huge,
        policy: huge,
        type: huge,
        code: 200
      })
      const spans: Array<Tracer.Span> = []
      const base = yield* Effect.tracer
      const tracer = Tracer.make({
        span: (...args) => {
          const span = base.span(...args)
          spans.push(span)
          return span
        },
        context: (f, fiber) => base.context(f, fiber)
      })
      const layer = stubUiza(reply(200, body), { maxResponseBytes: 64 * 1024 * 1024 }).layer
      const result = yield* Effect.provide(User.logout(), layer).pipe(
        Effect.withTracer(tracer)
      )
      for (const field of [result.message, result.requestId, result.serviceName, result.policy, result.type]) {
        expect(field).toBeDefined()
        expect(field!.length).toBeLessThanOrEqual(300)
        expect(field).not.toMatch(/[\r\n]/)
      }
      expect(result.message.startsWith("Logout success")).toBe(true)
      expect(result.requestId!.startsWith("line one r")).toBe(true)
      const attribute = spans[0].attributes.get("uiza.request_id")
      expect(typeof attribute === "string" && attribute.length <= 300).toBe(true)
    }))
})
