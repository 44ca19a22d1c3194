import { describe, expect, it } from "@effect/vitest"
import { Auth, UizaError, User } from "@uiza-effect/core"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FastCheck from "effect/FastCheck"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import { inspect } from "node:util"
import { credentials, json, password, router, success, userId, userWire } from "./support/endpoints.js"
import { fixture, stubUiza } from "./support/stubHttpClient.js"

const renderings = (value: unknown): ReadonlyArray<string> => [
  String(value),
  JSON.stringify(value) ?? "",
  inspect(value, { depth: Infinity, showHidden: true }),
  value instanceof Error ? `${value.stack}\n${value.message}` : ""
]

const valid = { username: "ada", email: "ada@example.com", password, status: "active" } as const

// Values that may be secrets or personal data: none may show in an error.
const distinct = {
  shortPassword: "Qz5#x",
  longPassword: "Qz5#x-this-one-is-26-chars",
  badStatus: "enabled-Qz5",
  badGender: "other-Qz5",
  badId: "",
  domain: "evil.example/Qz5?x"
}

// [description, the call, the field named, a value that must not appear]
const cases: ReadonlyArray<
  readonly [string, Effect.Effect<unknown, UizaError.UizaError, any>, string, string | undefined]
> = [
  ["User.retrieve with an empty id", User.retrieve(""), "id", undefined],
  // A number no stack frame (`file.ts:426:16`) can hold by chance.
  ["User.retrieve with a number for an id", User.retrieve(918273645 as any), "id", "918273645"],
  ["User.retrieve with no id", User.retrieve(undefined as any), "id", undefined],
  ["User.delete with an empty id", User.delete(""), "id", undefined],
  ["User.delete with an object for an id", User.delete({ id: "x" } as any), "id", undefined],
  ["User.update with an empty id", User.update({ id: "", status: "active" }), "id", undefined],
  ["User.update with no id", User.update({ status: "active" } as any), "id", undefined],
  [
    "User.changePassword with an empty id",
    User.changePassword({ id: "", oldPassword: password, newPassword: password }),
    "id",
    undefined
  ],
  ...(["username", "email", "password", "status"] as const).map((field) => {
    const { [field]: _, ...rest } = valid
    return [`User.create without ${field}`, User.create(rest as any), field, undefined] as const
  }),
  ["User.create with an empty username", User.create({ ...valid, username: "" }), "username", undefined],
  ["User.create with an empty email", User.create({ ...valid, email: "" }), "email", undefined],
  [
    "User.create with a password of 5 characters",
    User.create({ ...valid, password: distinct.shortPassword }),
    "password",
    distinct.shortPassword
  ],
  [
    "User.create with a password of 26 characters",
    User.create({ ...valid, password: distinct.longPassword }),
    "password",
    distinct.longPassword
  ],
  [
    "User.create with a Redacted password of 5 characters",
    User.create({ ...valid, password: Redacted.make(distinct.shortPassword) }),
    "password",
    distinct.shortPassword
  ],
  [
    "User.create with a number for a password",
    User.create({ ...valid, password: 12345678 as any }),
    "password",
    "12345678"
  ],
  [
    "User.update with a password of 26 characters",
    User.update({ id: userId, password: distinct.longPassword }),
    "password",
    distinct.longPassword
  ],
  [
    "User.changePassword with a new password of 5 characters",
    User.changePassword({ oldPassword: password, newPassword: distinct.shortPassword }),
    "newPassword",
    distinct.shortPassword
  ],
  [
    "User.changePassword with a new password of 26 characters",
    User.changePassword({ oldPassword: password, newPassword: Redacted.make(distinct.longPassword) }),
    "newPassword",
    distinct.longPassword
  ],
  [
    "User.changePassword with an empty old password",
    User.changePassword({ oldPassword: "", newPassword: password }),
    "oldPassword",
    undefined
  ],
  [
    "User.changePassword without a new password",
    User.changePassword({ oldPassword: password } as any),
    "newPassword",
    undefined
  ],
  [
    "User.create with a wrong status",
    User.create({ ...valid, status: distinct.badStatus as any }),
    "status",
    distinct.badStatus
  ],
  [
    "User.update with a wrong status",
    User.update({ id: userId, status: distinct.badStatus as any }),
    "status",
    distinct.badStatus
  ],
  [
    "User.create with a wrong gender",
    User.create({ ...valid, gender: distinct.badGender as any }),
    "gender",
    distinct.badGender
  ],
  ["User.create with isAdmin as 1", User.create({ ...valid, isAdmin: 1 as any }), "isAdmin", undefined],
  [
    "User.create with an invalid Date for dob",
    User.create({ ...valid, dob: new Date("not a date") }),
    "dob",
    undefined
  ],
  ["User.update with a string for dob", User.update({ id: userId, dob: "05/15/1990" as any }), "dob", "05/15/1990"],
  ["User.list with page 0", User.list({ page: 0 }), "page", undefined],
  ["User.list with limit -1", User.list({ limit: -1 }), "limit", undefined],
  ["User.list with limit 31.0625", User.list({ limit: 31.0625 }), "limit", "31.0625"],
  ["User.list with a string page", User.list({ page: "2" as any }), "page", undefined],
  ["User.list with NaN", User.list({ limit: Number.NaN }), "limit", undefined],
  [
    "Auth.createToken with an invalid workspaceApiDomain",
    Auth.createToken({ ...credentials, workspaceApiDomain: distinct.domain }),
    "workspaceApiDomain",
    distinct.domain
  ],
  [
    "Auth.createToken with no workspaceApiDomain",
    Auth.createToken({ ...credentials, workspaceApiDomain: undefined as any }),
    "workspaceApiDomain",
    undefined
  ],
  [
    "Auth.createToken with an empty password",
    Auth.createToken({ ...credentials, password: "" }),
    "password",
    undefined
  ],
  [
    "Auth.createToken with a password of 5 characters",
    Auth.createToken({ ...credentials, password: distinct.shortPassword }),
    "password",
    distinct.shortPassword
  ],
  [
    "Auth.createToken with a Redacted password of 26 characters",
    Auth.createToken({ ...credentials, password: Redacted.make(distinct.longPassword) }),
    "password",
    distinct.longPassword
  ],
  [
    "Auth.createToken with an empty username",
    Auth.createToken({ ...credentials, username: "" }),
    "username",
    undefined
  ],
  [
    "Auth.createToken without a domain",
    Auth.createToken({ ...credentials, domain: undefined as any }),
    "domain",
    undefined
  ],
  ["User.create with null", User.create(null as any), "", undefined],
  ["User.create with undefined", User.create(undefined as any), "", undefined],
  ["User.update with null", User.update(null as any), "", undefined],
  ["User.changePassword with undefined", User.changePassword(undefined as any), "", undefined],
  ["User.list with null", User.list(null as any), "", undefined],
  ["Auth.createToken with null", Auth.createToken(null as any), "workspaceApiDomain", undefined],
  ["Auth.createToken with undefined", Auth.createToken(undefined as any), "workspaceApiDomain", undefined]
]

describe("invalid input", () => {
  it.effect.each(cases)(
    "%s: InvalidInputError naming the field, nothing sent",
    ([, call, field, value]) =>
      Effect.gen(function*() {
        const stub = stubUiza(() => json(200, fixture("user-retrieve.json")))
        const exit = yield* Effect.exit(Effect.provide(call, stub.layer))
        if (Exit.isSuccess(exit)) return expect.fail("the input was accepted")
        const error = Cause.squash(exit.cause)
        expect(error).toBeInstanceOf(UizaError.InvalidInputError)
        expect(UizaError.isUizaError(error)).toBe(true)
        if (!(error instanceof UizaError.InvalidInputError)) return
        expect(error.field).toBe(field)
        expect(error.attempts).toBe(0)
        expect(error.operation).toBe(error.message.match(/^Invalid input of (\S+):/)?.[1])
        expect(error.message).toContain(field === "" ? "the input" : field)
        expect(error.message).toContain("nothing was sent")
        expect(stub.requests).toHaveLength(0)
        if (value !== undefined) {
          for (const text of [...renderings(error), Cause.pretty(exit.cause)]) expect(text).not.toContain(value)
        }
      })
  )

  it.effect("User.listAll with a wrong limit fails before any request", () =>
    Effect.gen(function*() {
      const stub = stubUiza(() => json(200, fixture("user-list-page.json")))
      const error = yield* Effect.flip(Stream.runCollect(User.listAll({ limit: 0 })).pipe(Effect.provide(stub.layer)))
      expect(error).toMatchObject({ _tag: "InvalidInputError", field: "limit", attempts: 0 })
      expect(stub.requests).toHaveLength(0)
    }))

  it.effect("a getter that throws is an InvalidInputError, not a defect", () =>
    Effect.gen(function*() {
      const stub = stubUiza(() => json(200, fixture("user-retrieve.json")))
      const hostile = Object.defineProperty({ ...valid }, "email", {
        enumerable: true,
        get: () => {
          throw new Error("boom")
        }
      })
      const error = yield* Effect.flip(Effect.provide(User.create(hostile), stub.layer))
      expect(error).toMatchObject({ _tag: "InvalidInputError", attempts: 0 })
      expect(stub.requests).toHaveLength(0)
    }))

  it.effect("the messages say what each field must be", () =>
    Effect.gen(function*() {
      const stub = stubUiza(() => json(200, fixture("user-retrieve.json")))
      const messageOf = (call: Effect.Effect<unknown, UizaError.UizaError, any>) =>
        Effect.map(Effect.flip(Effect.provide(call, stub.layer)), (error) => error.message)
      expect(yield* messageOf(User.create({ ...valid, password: "short" }))).toBe(
        "Invalid input of User.create: password must be 6 to 25 characters long; nothing was sent."
      )
      expect(yield* messageOf(User.retrieve(""))).toBe(
        "Invalid input of User.retrieve: id must be a non-empty string; nothing was sent."
      )
      expect(yield* messageOf(User.list({ page: 0 }))).toBe(
        "Invalid input of User.list: page must be a whole number, 1 or more; nothing was sent."
      )
      const { status: _, ...withoutStatus } = valid
      expect(yield* messageOf(User.create(withoutStatus as any))).toBe(
        "Invalid input of User.create: status is required; nothing was sent."
      )
      expect(yield* messageOf(User.update({ id: userId, status: "enabled" as any }))).toBe(
        "Invalid input of User.update: status must be \"active\" or \"inactive\" (1 or 0 on the wire); nothing was sent."
      )
      expect(yield* messageOf(User.create(null as any))).toBe(
        "Invalid input of User.create: the input must be an object; nothing was sent."
      )
    }))
})

// Inputs of every shape, and passwords a marker makes easy to find: "Ω" is in no message.
const passwordArbitrary = FastCheck.oneof(
  FastCheck.stringMatching(/^[0-9a-f]{0,30}$/).map((hex) => `Ω${hex}`),
  FastCheck.stringMatching(/^[0-9a-f]{0,30}$/).map((hex) => Redacted.make(`Ω${hex}`))
)

const fieldArbitrary = FastCheck.oneof(
  FastCheck.constant(undefined),
  FastCheck.string(),
  FastCheck.constantFrom("", "active", "inactive", "male", "female", userId),
  FastCheck.integer(),
  FastCheck.double(),
  FastCheck.boolean(),
  FastCheck.date({ noInvalidDate: false }),
  FastCheck.constant(null),
  FastCheck.anything()
)

const inputArbitrary = FastCheck.oneof(
  FastCheck.record(
    {
      id: fieldArbitrary,
      username: fieldArbitrary,
      email: fieldArbitrary,
      password: FastCheck.oneof(passwordArbitrary, fieldArbitrary),
      oldPassword: FastCheck.oneof(passwordArbitrary, fieldArbitrary),
      newPassword: FastCheck.oneof(passwordArbitrary, fieldArbitrary),
      status: fieldArbitrary,
      fullName: fieldArbitrary,
      avatar: fieldArbitrary,
      dob: fieldArbitrary,
      gender: fieldArbitrary,
      isAdmin: fieldArbitrary,
      page: fieldArbitrary,
      limit: fieldArbitrary,
      workspaceApiDomain: FastCheck.oneof(FastCheck.constant(credentials.workspaceApiDomain), fieldArbitrary),
      domain: fieldArbitrary
    },
    { requiredKeys: [] }
  ),
  FastCheck.anything()
)

const passwordsIn = (input: unknown): Array<string> => {
  if (typeof input !== "object" || input === null) return []
  return ["password", "oldPassword", "newPassword"].flatMap((key) => {
    const value = (input as Record<string, unknown>)[key]
    const raw = Redacted.isRedacted(value) ? Redacted.value(value) : value
    return typeof raw === "string" && raw.startsWith("Ω") ? [raw] : []
  })
}

// Every operation with an arbitrary input, against a server that answers each one's success.
const callsOf = (input: any): ReadonlyArray<Effect.Effect<unknown, unknown, any>> => [
  User.create(input),
  User.retrieve(input),
  User.retrieve(input?.id),
  User.list(input),
  Stream.runCollect(Stream.take(User.listAll(input), 3)),
  User.update(input),
  User.delete(input),
  User.delete(input?.id),
  User.changePassword(input),
  Auth.createToken(input)
]

const anyServer = router({
  "POST /admin/user": () => json(200, success({ id: userId })),
  "GET /admin/user": () => json(200, success([userWire()], { metadata: { total: 1 } })),
  "PUT /admin/user": () => json(200, success(userWire())),
  "DELETE /admin/user": () => json(200, fixture("user-delete-result.json")),
  "PUT /admin/user/changepassword": () => json(200, fixture("user-changepassword-result.json")),
  "POST /admin/user/auth": () => json(200, fixture("auth-token.json"))
})

describe("any input", () => {
  it.effect(
    "ends in a success or a UizaError, never a defect, and shows no password",
    () =>
      Effect.promise(() =>
        FastCheck.assert(
          FastCheck.asyncProperty(inputArbitrary, async (input) => {
            for (const call of callsOf(input)) {
              const exit = await Effect.runPromise(
                Effect.exit(Effect.provide(call, stubUiza(anyServer).layer) as Effect.Effect<unknown, unknown>)
              )
              if (Exit.isSuccess(exit)) continue
              const failures = [...Cause.failures(exit.cause)]
              if (Cause.isDie(exit.cause)) expect.fail(Cause.pretty(exit.cause))
              expect(Cause.isInterrupted(exit.cause)).toBe(false)
              expect(failures.length).toBeGreaterThan(0)
              for (const failure of failures) expect(UizaError.isUizaError(failure)).toBe(true)
              const texts = [Cause.pretty(exit.cause), ...failures.flatMap(renderings)]
              for (const secret of passwordsIn(input)) {
                for (const text of texts) expect(text).not.toContain(secret)
              }
            }
          }),
          { numRuns: 200 }
        )
      ),
    { timeout: 60_000 }
  )
})
