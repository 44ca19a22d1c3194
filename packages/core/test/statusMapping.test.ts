import { describe, expect, it } from "@effect/vitest"
import { UizaError, User } from "@uiza-effect/core"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { fixture, reply, stubUiza } from "./support/stubHttpClient.js"

const logoutFails = (answer: () => Response) => Effect.flip(Effect.provide(User.logout(), stubUiza(answer).layer))

const envelope = (status: number, fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    code: status,
    type: "ERROR",
    message: `server says ${status}`,
    retryable: false,
    data: null,
    requestId: `req-${status}`,
    ...fields
  })

// Every status of the API's table, and others of each class.
const statuses: ReadonlyArray<readonly [status: number, tag: UizaError.StatusError["_tag"], defaultMessage: string]> = [
  [400, "BadRequestError", "The request was unacceptable, often due to missing a required parameter."],
  [401, "UnauthorizedError", "No valid API key provided."],
  [404, "NotFoundError", "The requested resource doesn't exist."],
  [422, "UnprocessableError", "The syntax of the request is correct (often cause of wrong parameter)"],
  [500, "InternalServerError", "We had a problem with our server. Try again later."],
  [503, "ServiceUnavailableError", "The server is overloaded or down for maintenance."],
  [412, "ClientError", "The error seems to have been caused by the client."],
  [450, "ClientError", "The error seems to have been caused by the client."],
  [456, "ClientError", "The error seems to have been caused by the client."],
  [501, "ServerError", "The server is aware that it has encountered an error."],
  [512, "ServerError", "The server is aware that it has encountered an error."],
  [567, "ServerError", "The server is aware that it has encountered an error."]
]

const retriedStatuses = new Set([500, 503])

describe("status mapping", () => {
  describe.each(statuses)("HTTP %i", (status, tag, defaultMessage) => {
    it.effect(`is a ${tag} with every field of the envelope`, () =>
      Effect.gen(function*() {
        const error = yield* logoutFails(reply(status, envelope(status, { retryable: true })))
        expect(error).toBeInstanceOf(UizaError.UizaError.members.find((member) => member._tag === tag))
        expect(UizaError.isUizaError(error)).toBe(true)
        expect(UizaError.isStatusError(error)).toBe(true)
        expect(error).toMatchObject({
          _tag: tag,
          status,
          code: status,
          message: `server says ${status}`,
          type: "ERROR",
          requestId: `req-${status}`,
          retryable: retriedStatuses.has(status),
          fieldErrors: [],
          descriptionLink: "https://docs.uiza.io/#log-out",
          attempts: 1
        })
        expect(error).not.toHaveProperty("bodyExcerpt")
      }))

    it.effect(`uses the documented message when the body has none`, () =>
      Effect.gen(function*() {
        const error = yield* logoutFails(reply(status, ""))
        expect(error._tag).toBe(tag)
        expect(error.message).toBe(defaultMessage)
        expect(error).toMatchObject({ status, fieldErrors: [], attempts: 1, bodyExcerpt: "" })
        expect(error).not.toHaveProperty("code")
        expect(error).not.toHaveProperty("requestId")
      }))
  })

  it.effect("reads the fixtures' error envelopes: 401, 404, 503", () =>
    Effect.gen(function*() {
      const unauthorized = yield* logoutFails(reply(401, fixture("error-401.json")))
      expect(unauthorized).toMatchObject({
        _tag: "UnauthorizedError",
        message: "Unauthorized",
        requestId: "6c1e9a44-2f0b-4c8e-9d0a-3b1f7e5d2a10",
        retryable: false
      })
      const notFound = yield* logoutFails(reply(404, fixture("error-404.json")))
      expect(notFound).toMatchObject({
        _tag: "NotFoundError",
        message: "Not found",
        requestId: "f5a416d3-5c73-44c1-80f0-f6daf07181b5"
      })
      const unavailable = yield* logoutFails(reply(503, fixture("error-503.json")))
      expect(unavailable).toMatchObject({ _tag: "ServiceUnavailableError", retryable: true, code: 503 })
    }))

  it.effect("keeps the field errors of a 422", () =>
    Effect.gen(function*() {
      const error = yield* logoutFails(reply(422, fixture("error-422-fields.json")))
      expect(error._tag).toBe("UnprocessableError")
      if (!UizaError.isStatusError(error)) return
      expect(error.message).toBe("Parameters validation error!")
      expect(error.requestId).toBe("f2566deb-c755-422a-b384-b526433a4080")
      expect(error.fieldErrors.map((fieldError) => ({ ...fieldError }))).toEqual([
        { type: "required", field: "url", message: "The 'url' field is required!" },
        { type: "required", field: "method", message: "The 'method' field is required!" }
      ])
    }))

  it.effect("keeps only the entries of a 422's data that are field errors, without their other keys", () =>
    Effect.gen(function*() {
      const entry = { type: "required", field: "url", message: "The 'url' field is required!" }
      const body = JSON.stringify({
        code: 422,
        type: "ERROR",
        message: "Parameters validation error!",
        data: [
          { ...entry, extra: "dropped" },
          { type: "required", field: 7, message: "a field that is not a string" },
          { type: "required", field: "name" },
          "required",
          null,
          [entry]
        ]
      })
      const error = yield* logoutFails(reply(422, body))
      if (!UizaError.isStatusError(error)) return expect.fail(error._tag)
      expect(error.fieldErrors.map((fieldError) => ({ ...fieldError }))).toEqual([entry])
      expect(error.fieldErrors[0]).toBeInstanceOf(UizaError.FieldError)
    }))

  it.effect("a 200 whose body says ERROR with a code is classified by the body's code", () =>
    Effect.gen(function*() {
      const error = yield* logoutFails(reply(200, fixture("error-401.json")))
      expect(error).toMatchObject({ _tag: "UnauthorizedError", status: 200, code: 401, message: "Unauthorized" })
    }))

  it.effect("a 200 whose body has code >= 400 without type ERROR is an error", () =>
    Effect.gen(function*() {
      const error = yield* logoutFails(reply(200, JSON.stringify({ code: 404, message: "gone" })))
      expect(error).toMatchObject({ _tag: "NotFoundError", status: 200, code: 404, message: "gone" })
    }))

  it.effect("a 200 whose body says ERROR without a code is a ServerError, not retryable", () =>
    Effect.gen(function*() {
      const error = yield* logoutFails(reply(200, JSON.stringify({ type: "ERROR", message: "nope", code: 200 })))
      expect(error).toMatchObject({ _tag: "ServerError", status: 200, message: "nope", retryable: false })
    }))

  it.effect("an HTML 502 from a proxy is a ServerError with a short message and an excerpt", () =>
    Effect.gen(function*() {
      const html = fixture("error-502-gateway.html")
      const error = yield* logoutFails(reply(502, html, "text/html"))
      expect(error).toMatchObject({
        _tag: "ServerError",
        status: 502,
        message: "The server is aware that it has encountered an error.",
        retryable: true,
        bodyExcerpt: html
      })
      expect(error.message).not.toContain("<")
    }))

  it.effect("a huge non-JSON error body is cut to a 2 KiB excerpt", () =>
    Effect.gen(function*() {
      const error = yield* logoutFails(reply(500, "<html>" + "x".repeat(1024 * 1024), "text/html"))
      if (!UizaError.isStatusError(error)) return expect.fail(error._tag)
      expect(new TextEncoder().encode(error.bodyExcerpt).length).toBeLessThanOrEqual(2048)
      expect(error.message.length).toBeLessThan(200)
    }))

  it.effect("a long server message is shortened to one line", () =>
    Effect.gen(function*() {
      const error = yield* logoutFails(reply(400, envelope(400, { message: "line one\nline two " + "y".repeat(5000) })))
      expect(error.message.startsWith("line one line two")).toBe(true)
      expect(error.message.length).toBeLessThanOrEqual(300)
    }))

  it.effect("an error body with wrongly typed fields still gives the status error", () =>
    Effect.gen(function*() {
      const error = yield* logoutFails(reply(404, JSON.stringify({ code: "404", message: 42, requestId: ["x"] })))
      expect(error).toMatchObject({
        _tag: "NotFoundError",
        status: 404,
        message: "The requested resource doesn't exist."
      })
      expect(error).not.toHaveProperty("requestId")
    }))

  it.effect("a redirect is not followed and is a ResponseDecodeError", () =>
    Effect.gen(function*() {
      const error = yield* logoutFails(() =>
        new Response(null, { status: 302, headers: { location: "https://elsewhere.example/" } })
      )
      expect(error).toMatchObject({ _tag: "ResponseDecodeError", status: 302 })
      expect(error.message).toContain("redirect")
    }))
})

describe("success replies that cannot be read", () => {
  it.effect("an empty 200 body is a ResponseDecodeError", () =>
    Effect.gen(function*() {
      const error = yield* logoutFails(reply(200, ""))
      expect(error).toMatchObject({ _tag: "ResponseDecodeError", status: 200, bodyExcerpt: "", attempts: 1 })
    }))

  it.effect("a truncated JSON 200 body is a ResponseDecodeError with the excerpt", () =>
    Effect.gen(function*() {
      const truncated = fixture("logout-200-documented.json").slice(0, 60)
      const error = yield* logoutFails(reply(200, truncated))
      expect(error).toMatchObject({ _tag: "ResponseDecodeError", status: 200, bodyExcerpt: truncated })
    }))

  it.effect("an HTML 200 is a ResponseDecodeError", () =>
    Effect.gen(function*() {
      const error = yield* logoutFails(reply(200, "<html>ok</html>", "text/html"))
      expect(error).toMatchObject({ _tag: "ResponseDecodeError", status: 200, bodyExcerpt: "<html>ok</html>" })
    }))

  it.effect("a JSON 200 that is not an object is a ResponseDecodeError", () =>
    Effect.gen(function*() {
      for (const body of ["[]", "null", "\"Logout success\"", "42"]) {
        const error = yield* logoutFails(reply(200, body))
        expect(error._tag).toBe("ResponseDecodeError")
      }
    }))

  it.effect("a 200 envelope without any message is a ResponseDecodeError that keeps the request id", () =>
    Effect.gen(function*() {
      const error = yield* logoutFails(reply(200, JSON.stringify({ code: 200, type: "SUCCESS", requestId: "r-1" })))
      expect(error).toMatchObject({ _tag: "ResponseDecodeError", status: 200, requestId: "r-1" })
      expect(error.message).toBe(
        "The reply (HTTP 200) does not hold the result of User.logout: the reply lacks a logout message (data.message or message)."
      )
    }))
})

describe("Retry-After", () => {
  const retryAfterOf = (value: string) =>
    Effect.map(
      logoutFails(() =>
        new Response(JSON.stringify({ code: 503, type: "ERROR", message: "busy" }), {
          status: 503,
          headers: { "retry-after": value }
        })
      ),
      (error) => UizaError.isStatusError(error) ? error.retryAfter : undefined
    )

  // The TestClock starts at 0, so a date's wait is its time since the epoch.
  const november6th1994 = Date.UTC(1994, 10, 6, 8, 49, 37)

  it.effect.each(
    [
      ["120", 120_000],
      ["0", 0],
      ["Sun, 06 Nov 1994 08:49:37 GMT", november6th1994],
      ["Sunday, 06-Nov-94 08:49:37 GMT", november6th1994],
      ["Sun Nov  6 08:49:37 1994", november6th1994]
    ] as const
  )("reads %j", ([value, millis]) =>
    Effect.gen(function*() {
      const retryAfter = yield* retryAfterOf(value)
      expect(retryAfter === undefined ? undefined : Duration.toMillis(retryAfter)).toBe(millis)
    }))

  it.effect.each(["1.5", "-1", "soon", "Dec 31 2999", "2999-12-31T00:00:00Z", ""])(
    "ignores %j",
    (value) =>
      Effect.gen(function*() {
        expect(yield* retryAfterOf(value)).toBeUndefined()
      })
  )
})

describe("server-sent fields are bounded", () => {
  it.effect("a huge request id, type and field error list are cut to size", () =>
    Effect.gen(function*() {
      const body = JSON.stringify({
        code: 422,
        type: "E".repeat(10_000),
        message: "bad",
        requestId: "r".repeat(10_000),
        data: Array.from({ length: 500 }, (_, i) => ({ type: "t", field: `f${i}`, message: "m".repeat(10_000) }))
      })
      const error = yield* logoutFails(reply(422, body))
      if (!UizaError.isStatusError(error)) return expect.fail(error._tag)
      expect(error.type!.length).toBeLessThanOrEqual(300)
      expect(error.requestId!.length).toBeLessThanOrEqual(300)
      expect(error.fieldErrors).toHaveLength(100)
      expect(error.fieldErrors[0].message.length).toBeLessThanOrEqual(300)
      expect(JSON.stringify(error).length).toBeLessThan(50_000)
    }))
})
