import { describe, expect, it } from "@effect/vitest"
import { UizaError } from "@uiza-effect/core"
import * as Effect from "effect/Effect"
import { failure, json, operations } from "./support/endpoints.js"
import { fixture, reply, stubUiza } from "./support/stubHttpClient.js"

// Every status of the API's table, and others of each class, as each operation maps them.
const statuses: ReadonlyArray<readonly [status: number, tag: UizaError.StatusError["_tag"], retryable: boolean]> = [
  [400, "BadRequestError", false],
  [401, "UnauthorizedError", false],
  [404, "NotFoundError", false],
  [422, "UnprocessableError", false],
  [500, "InternalServerError", true],
  [503, "ServiceUnavailableError", true],
  [409, "ClientError", false],
  [429, "ClientError", true],
  [456, "ClientError", false],
  [501, "ServerError", false],
  [502, "ServerError", true],
  [567, "ServerError", false]
]

describe.each(operations)("$name", (operation) => {
  const fails = (answer: () => Response) =>
    Effect.flip(Effect.provide(operation.call({ maxRetries: 0 }), stubUiza(answer).layer))

  it.effect.each(statuses)(
    "HTTP %i is a %s with the endpoint's link",
    ([status, tag, retryable]) =>
      Effect.gen(function*() {
        const stub = stubUiza(() => json(status, failure(status, { retryable: true })))
        const error = yield* Effect.flip(Effect.provide(operation.call({ maxRetries: 0 }), stub.layer))
        expect(UizaError.isStatusError(error)).toBe(true)
        expect(error).toMatchObject({
          _tag: tag,
          status,
          code: status,
          message: `server says ${status}`,
          type: "ERROR",
          requestId: `req-${status}`,
          retryable,
          fieldErrors: [],
          descriptionLink: operation.descriptionLink,
          attempts: 1
        })
        expect(stub.requests).toHaveLength(1)
        expect(stub.requests[0].method).toBe(operation.method)
      })
  )

  it.effect("a 422 keeps its field errors", () =>
    Effect.gen(function*() {
      const error = yield* fails(reply(422, fixture("error-422-fields.json")))
      if (error._tag !== "UnprocessableError") return expect.fail(error._tag)
      expect(error.descriptionLink).toBe(operation.descriptionLink)
      expect(error.fieldErrors.map((fieldError) => ({ ...fieldError }))).toEqual([
        { type: "required", field: "url", message: "The 'url' field is required!" },
        { type: "required", field: "method", message: "The 'method' field is required!" }
      ])
    }))

  it.effect("a 200 whose body says ERROR is classified by its code", () =>
    Effect.gen(function*() {
      const error = yield* fails(reply(200, fixture("error-401.json")))
      expect(error).toMatchObject({
        _tag: "UnauthorizedError",
        status: 200,
        code: 401,
        descriptionLink: operation.descriptionLink
      })
    }))

  it.effect("an HTML 502 is a ServerError quoting the page", () =>
    Effect.gen(function*() {
      const html = fixture("error-502-gateway.html")
      const error = yield* fails(reply(502, html, "text/html"))
      expect(error).toMatchObject({
        _tag: "ServerError",
        status: 502,
        bodyExcerpt: html,
        descriptionLink: operation.descriptionLink
      })
    }))

  it.effect("a 200 that is not JSON is a ResponseDecodeError", () =>
    Effect.gen(function*() {
      const error = yield* fails(reply(200, "<html>ok</html>", "text/html"))
      expect(error).toMatchObject({ _tag: "ResponseDecodeError", status: 200, bodyExcerpt: "<html>ok</html>" })
    }))

  it.effect("its success reply succeeds with one request", () =>
    Effect.gen(function*() {
      const stub = stubUiza(operation.success)
      yield* Effect.provide(operation.call({ maxRetries: 0 }), stub.layer)
      expect(stub.requests).toHaveLength(1)
      expect(stub.requests[0].method).toBe(operation.method)
      expect(new URL(stub.requests[0].url).pathname).toBe(`/api/public/v3${operation.path}`)
    }))
})
