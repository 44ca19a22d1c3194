import { describe, expect, it } from "@effect/vitest"
import { UizaError } from "@uiza-effect/core"
import * as Arbitrary from "effect/Arbitrary"
import * as Duration from "effect/Duration"
import * as Either from "effect/Either"
import * as FastCheck from "effect/FastCheck"
import * as JSONSchema from "effect/JSONSchema"
import * as Schema from "effect/Schema"

// Every class of the union, each with its own schema and the union's.
const classes = UizaError.UizaError.members

// What a worker, an RPC or a queue does with an error: encode, JSON text, parse, decode.
const throughJson = <A, I>(schema: Schema.Schema<A, I>, value: A): A =>
  Schema.decodeUnknownSync(schema)(JSON.parse(JSON.stringify(Schema.encodeSync(schema)(value))))

describe("errors that travel", () => {
  it("the union has every class, UizaConfigError included", () => {
    expect(classes.map((member) => member._tag)).toEqual([
      "BadRequestError",
      "UnauthorizedError",
      "NotFoundError",
      "UnprocessableError",
      "InternalServerError",
      "ServiceUnavailableError",
      "ClientError",
      "ServerError",
      "ConnectionError",
      "TimeoutError",
      "ResponseDecodeError",
      "ResponseTooLargeError",
      "InvalidInputError",
      "UizaConfigError"
    ])
  })

  it.each(classes.map((member) => [member._tag, member] as const))(
    "every %s round-trips through JSON with its own schema and with UizaError.UizaError",
    (_, member) => {
      const schema = member as unknown as Schema.Schema<UizaError.UizaError, unknown>
      const equivalent = Schema.equivalence(UizaError.UizaError)
      FastCheck.assert(
        FastCheck.property(Arbitrary.make(schema), (error) => {
          const own = throughJson(schema, error)
          const union = throughJson(UizaError.UizaError, error)
          for (const decoded of [own, union]) {
            expect(decoded).toBeInstanceOf(member)
            expect(UizaError.isUizaError(decoded)).toBe(true)
            expect(equivalent(decoded, error)).toBe(true)
          }
        }),
        { numRuns: 200 }
      )
    }
  )

  it("every error states retryable, possiblyDelivered and attempts", () => {
    FastCheck.assert(
      FastCheck.property(Arbitrary.make(UizaError.UizaError), (error) => {
        expect(typeof error.retryable).toBe("boolean")
        expect(typeof error.possiblyDelivered).toBe("boolean")
        expect(Number.isInteger(error.attempts)).toBe(true)
      }),
      { numRuns: 500 }
    )
  })

  it("the constructors fill the facts that are the same for every error of a class", () => {
    const timeout = new UizaError.TimeoutError({
      message: "no reply",
      phase: "response",
      timeout: Duration.seconds(10),
      possiblyDelivered: true,
      attempts: 1
    })
    expect(timeout.retryable).toBe(false)
    const decodeError = new UizaError.ResponseDecodeError({
      message: "not JSON",
      status: 200,
      bodyExcerpt: "",
      attempts: 1
    })
    expect(decodeError).toMatchObject({ retryable: false, possiblyDelivered: true })
    const configError = new UizaError.UizaConfigError({ message: "bad", setting: "timeout" })
    expect(configError).toMatchObject({ retryable: false, possiblyDelivered: false, attempts: 0 })
    const status = new UizaError.ServiceUnavailableError({
      status: 503,
      message: "down",
      retryable: true,
      retryAfter: Duration.seconds(30),
      fieldErrors: [],
      descriptionLink: "https://docs.uiza.io/#log-out",
      attempts: 3
    })
    expect(status.possiblyDelivered).toBe(true)

    // Durations are milliseconds in JSON, and come back equal.
    expect(JSON.parse(JSON.stringify(Schema.encodeSync(UizaError.UizaError)(timeout)))).toMatchObject({
      timeout: 10_000
    })
    expect(JSON.parse(JSON.stringify(Schema.encodeSync(UizaError.UizaError)(status)))).toMatchObject({
      retryAfter: 30_000
    })
    const back = throughJson(UizaError.UizaError, status)
    expect(back._tag === "ServiceUnavailableError" && Duration.equals(back.retryAfter!, Duration.seconds(30))).toBe(
      true
    )
  })

  it("optional fields are exact: absent or set, never undefined, as Schema.optionalWith({ exact: true }) makes them", () => {
    const optionalFields = [
      ...Object.values(UizaError.StatusErrorFields),
      ...Object.values(UizaError.ResponseDecodeError.fields)
    ].filter((field) =>
      Schema.isPropertySignature(field) && field.ast._tag === "PropertySignatureDeclaration" && field.ast.isOptional
    )
    expect(optionalFields.length).toBe(6)
    for (const field of optionalFields) {
      const from = (field as unknown as { readonly from: Schema.Schema.Any }).from
      expect(field.ast).toEqual(Schema.optionalWith(from, { exact: true }).ast)
    }
    const fields = {
      status: 404,
      message: "no such user",
      retryable: false,
      fieldErrors: [],
      descriptionLink: "https://docs.uiza.io/#retrieve-an-user",
      attempts: 1
    }
    expect(() => new UizaError.NotFoundError({ ...fields, requestId: undefined } as never)).toThrow()
    expect(
      Schema.decodeUnknownEither(UizaError.NotFoundError)({ _tag: "NotFoundError", ...fields, code: undefined })._tag
    )
      .toBe("Left")
    expect("code" in new UizaError.NotFoundError(fields)).toBe(false)
  })

  it("an infinite duration is refused when encoding, not turned into null", () => {
    expect(() => Schema.encodeSync(UizaError.DurationMillis)(Duration.infinity)).toThrow()
  })

  it("a duration in JSON is a finite number of milliseconds, zero or more", () => {
    const decode = Schema.decodeUnknownEither(UizaError.DurationMillis)
    for (const refused of [-1, Number.NaN, Number.POSITIVE_INFINITY, "10", null]) {
      expect(decode(refused)._tag).toBe("Left")
    }
    expect(decode(0)).toStrictEqual(Either.right(Duration.zero))
    expect(decode(1.5)).toStrictEqual(Either.right(Duration.millis(1.5)))
    expect(JSONSchema.make(UizaError.DurationMillis).$defs).toMatchObject({
      DurationMillis: { type: "number", minimum: 0 }
    })
  })
})
