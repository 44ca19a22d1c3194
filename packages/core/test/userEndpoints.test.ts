import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it } from "@effect/vitest"
import { User } from "@uiza-effect/core"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import {
  bodyOf,
  bodyTextOf,
  failure,
  json,
  origin,
  password,
  pathOf,
  queryOf,
  router,
  success,
  userId,
  userWire
} from "./support/endpoints.js"
import { fixture, reply, stubUiza, token } from "./support/stubHttpClient.js"

const fromFixture = (name: string) => () => json(200, fixture(name))

// The only headers a request carries: no trace headers, no user agent.
// A request with a body also says its length (as every HTTP client would on the wire).
const expectHeaders = (request: HttpClientRequest.HttpClientRequest) => {
  const { headers } = request
  const withBody = request.body._tag !== "Empty"
  expect(Object.keys(headers).sort()).toEqual(
    withBody
      ? ["accept", "authorization", "content-length", "content-type"]
      : ["accept", "authorization", "content-type"]
  )
  expect(headers).toMatchObject({
    authorization: token,
    accept: "application/json",
    "content-type": "application/json"
  })
  if (withBody) expect(headers["content-length"]).toBe(String(new TextEncoder().encode(bodyTextOf(request)).length))
}

// The fixtures' user, decoded.
const fixtureUser = {
  id: userId,
  username: "user_test_01",
  email: "user_test@uiza.io",
  fullName: "User Test",
  avatar: "https://exemple.com/avatar.jpeg",
  status: "active",
  isAdmin: true,
  createdAt: new Date("2019-03-01T07:52:01.000Z"),
  updatedAt: new Date("2019-03-01T07:52:01.000Z")
}

describe("User.create", () => {
  it.effect("POSTs every field in its wire spelling", () =>
    Effect.gen(function*() {
      const stub = stubUiza(fromFixture("user-create-full.json"))
      const user = yield* Effect.provide(
        User.create({
          username: "ada",
          email: "ada@example.com",
          password,
          status: "active",
          fullName: "Ada Lovelace",
          avatar: "https://example.com/ada.png",
          dob: new Date("1815-12-10"),
          gender: "female",
          isAdmin: true
        }),
        stub.layer
      )
      expect(stub.requests).toHaveLength(1)
      const [request] = stub.requests
      expect(request.method).toBe("POST")
      expect(request.url).toBe(`${origin}/api/public/v3/admin/user`)
      expect(request.urlParams).toEqual([])
      expectHeaders(request)
      expect(bodyOf(request)).toStrictEqual({
        username: "ada",
        email: "ada@example.com",
        password,
        status: 1,
        fullname: "Ada Lovelace",
        avatar: "https://example.com/ada.png",
        dob: "12/10/1815",
        gender: 1,
        isAdmin: 1
      })
      expect(user).toBeInstanceOf(User.User)
      expect({ ...user }).toStrictEqual(fixtureUser)
    }))

  it.effect("spells the other literals: inactive 0, male 0, not an admin 0", () =>
    Effect.gen(function*() {
      const stub = stubUiza(fromFixture("user-create-full.json"))
      yield* Effect.provide(
        User.create({
          username: "bob",
          email: "bob@example.com",
          password: Redacted.make(password),
          status: "inactive",
          gender: "male",
          isAdmin: false
        }),
        stub.layer
      )
      expect(bodyOf(stub.requests[0])).toStrictEqual({
        username: "bob",
        email: "bob@example.com",
        password,
        status: 0,
        gender: 0,
        isAdmin: 0
      })
    }))

  it.effect("sends the dob as the UTC day of the Date, whatever its time of day", () =>
    Effect.gen(function*() {
      for (
        const [dob, wire] of [
          [new Date("1990-05-15T00:00:00Z"), "05/15/1990"],
          [new Date("1990-05-15T23:59:59.999Z"), "05/15/1990"],
          [new Date("2000-01-01T00:00:00+05:00"), "12/31/1999"],
          [new Date(Date.UTC(2024, 1, 29)), "02/29/2024"]
        ] as const
      ) {
        const stub = stubUiza(fromFixture("user-create-full.json"))
        yield* Effect.provide(
          User.create({ username: "ada", email: "ada@example.com", password, status: "active", dob }),
          stub.layer
        )
        expect((bodyOf(stub.requests[0]) as { dob: string }).dob).toBe(wire)
      }
    }))

  it.effect("an {id} reply (the docs' shape): the user is fetched with a GET", () =>
    Effect.gen(function*() {
      const stub = stubUiza(router({
        "POST /admin/user": fromFixture("user-create-id.json"),
        "GET /admin/user": fromFixture("user-retrieve.json")
      }))
      const user = yield* Effect.provide(
        User.create({ username: "ada", email: "ada@example.com", password, status: "active" }),
        stub.layer
      )
      expect(stub.requests.map((request) => request.method)).toEqual(["POST", "GET"])
      const second = stub.requests[1]
      expect(second.url).toBe(`${origin}/api/public/v3/admin/user`)
      expect(queryOf(second)).toStrictEqual({ id: userId })
      expect(bodyOf(second)).toBeUndefined()
      expectHeaders(second)
      expect({ ...user }).toStrictEqual(fixtureUser)
    }))

  it.effect("a failed fetch after an {id} reply fails with the retrieve's error", () =>
    Effect.gen(function*() {
      const stub = stubUiza(router({
        "POST /admin/user": fromFixture("user-create-id.json"),
        "GET /admin/user": () => json(404, failure(404))
      }))
      const error = yield* Effect.flip(Effect.provide(
        User.create({ username: "ada", email: "ada@example.com", password, status: "active" }),
        stub.layer
      ))
      expect(error).toMatchObject({ _tag: "NotFoundError", descriptionLink: "https://docs.uiza.io/#retrieve-an-user" })
    }))

  it.effect("a full-user reply (the recorded shape): no second request", () =>
    Effect.gen(function*() {
      const stub = stubUiza(fromFixture("user-create-full.json"))
      const user = yield* Effect.provide(
        User.create({ username: "ada", email: "ada@example.com", password, status: "active" }),
        stub.layer
      )
      expect(stub.requests).toHaveLength(1)
      expect(user.id).toBe(userId)
    }))

  it.effect("the documented 422 of a create keeps its field errors", () =>
    Effect.gen(function*() {
      const stub = stubUiza(reply(422, fixture("error-422-user-create.json")))
      const error = yield* Effect.flip(Effect.provide(
        User.create({ username: "ada", email: "ada@example.com", password, status: "active" }),
        stub.layer
      ))
      if (error._tag !== "UnprocessableError") return expect.fail(error._tag)
      expect(error.fieldErrors.length).toBeGreaterThan(0)
      expect(error.descriptionLink).toBe("https://docs.uiza.io/#create-an-user")
    }))
})

describe("User.retrieve", () => {
  it.effect("GETs the id in the query string, with no body", () =>
    Effect.gen(function*() {
      const stub = stubUiza(fromFixture("user-retrieve.json"))
      const user = yield* Effect.provide(User.retrieve(userId), stub.layer)
      expect(stub.requests).toHaveLength(1)
      const [request] = stub.requests
      expect(request.method).toBe("GET")
      expect(request.url).toBe(`${origin}/api/public/v3/admin/user`)
      expect(request.urlParams).toEqual([["id", userId]])
      expect(bodyOf(request)).toBeUndefined()
      expectHeaders(request)
      expect({ ...user }).toStrictEqual(fixtureUser)
    }))

  it.effect("an id with characters a URL must escape is sent escaped", () =>
    Effect.gen(function*() {
      const stub = stubUiza(fromFixture("user-retrieve.json"))
      yield* Effect.provide(User.retrieve("a&b=c d/é"), stub.layer)
      expect(queryOf(stub.requests[0])).toStrictEqual({ id: "a&b=c d/é" })
      expect(pathOf(stub.requests[0])).toBe("/api/public/v3/admin/user")
    }))

  it.effect("data as an array of one user (the docs' example) decodes", () =>
    Effect.gen(function*() {
      const user = yield* Effect.provide(
        User.retrieve(userId),
        stubUiza(fromFixture("user-retrieve-as-array.json")).layer
      )
      expect({ ...user }).toStrictEqual(fixtureUser)
    }))

  it.effect("data as an array of two users is a ResponseDecodeError", () =>
    Effect.gen(function*() {
      const body = success([userWire(), userWire({ id: "other" })])
      const error = yield* Effect.flip(Effect.provide(User.retrieve(userId), stubUiza(reply(200, body)).layer))
      expect(error).toMatchObject({ _tag: "ResponseDecodeError", status: 200, attempts: 1 })
      expect(error.message).toContain("User.retrieve")
    }))

  it.effect("data of neither shape is a ResponseDecodeError that names both", () =>
    Effect.gen(function*() {
      for (const data of [null, "user", 7]) {
        const error = yield* Effect.flip(
          Effect.provide(User.retrieve(userId), stubUiza(reply(200, success(data))).layer)
        )
        expect(error.message).toBe(
          "The reply (HTTP 200) does not hold the result of User.retrieve: data must be a user, or an array of one user."
        )
      }
    }))

  it.effect("data as an empty array is a ResponseDecodeError", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Effect.provide(User.retrieve(userId), stubUiza(reply(200, success([]))).layer))
      expect(error._tag).toBe("ResponseDecodeError")
    }))

  it.effect("unknown fields are ignored", () =>
    Effect.gen(function*() {
      const body = success(userWire({ gender: 1, dob: "12/10/1815", lastLogin: { at: 1 }, extra: [1, 2] }), {
        unknownTopLevel: true
      })
      const user = yield* Effect.provide(User.retrieve(userId), stubUiza(reply(200, body)).layer)
      expect({ ...user }).toStrictEqual(fixtureUser)
    }))

  it.effect("fullName and avatar null or missing are absent", () =>
    Effect.gen(function*() {
      for (const fields of [{ fullName: null, avatar: null }, { fullName: undefined, avatar: undefined }]) {
        const body = success(userWire(fields))
        const user = yield* Effect.provide(User.retrieve(userId), stubUiza(reply(200, body)).layer)
        expect(user).not.toHaveProperty("fullName")
        expect(user).not.toHaveProperty("avatar")
      }
    }))

  it.effect("the dates are Dates, status and isAdmin their SDK values", () =>
    Effect.gen(function*() {
      const body = success(userWire({ status: 0, isAdmin: 0, createdAt: "2018-01-02T03:04:05.000Z" }))
      const user = yield* Effect.provide(User.retrieve(userId), stubUiza(reply(200, body)).layer)
      expect(user.createdAt).toBeInstanceOf(Date)
      expect(user.createdAt.toISOString()).toBe("2018-01-02T03:04:05.000Z")
      expect(user.updatedAt).toBeInstanceOf(Date)
      expect(user.status).toBe("inactive")
      expect(user.isAdmin).toBe(false)
    }))

  it.effect.each(
    [
      ["email", 42],
      ["username", null],
      ["createdAt", "not a date"],
      ["isAdmin", true],
      ["fullName", 7]
    ] as const
  )("a wrong %s is a ResponseDecodeError naming the path", ([field, value]) =>
    Effect.gen(function*() {
      const body = success(userWire({ [field]: value }))
      const error = yield* Effect.flip(Effect.provide(User.retrieve(userId), stubUiza(reply(200, body)).layer))
      expect(error).toMatchObject({
        _tag: "ResponseDecodeError",
        status: 200,
        requestId: "4c1f9e7a-2b6d-4e0a-9a51-7d3c2e8f1b90"
      })
      expect(error.message).toContain(`data.${field}`)
    }))

  it.effect("a missing id is a ResponseDecodeError naming data.id", () =>
    Effect.gen(function*() {
      const { id: _, ...withoutId } = userWire()
      const error = yield* Effect.flip(
        Effect.provide(User.retrieve(userId), stubUiza(reply(200, success(withoutId))).layer)
      )
      expect(error._tag).toBe("ResponseDecodeError")
      expect(error.message).toContain("data.id")
    }))

  it.effect.each([2, -1, "1", null])("status %s is a ResponseDecodeError", (status) =>
    Effect.gen(function*() {
      const body = success(userWire({ status }))
      const error = yield* Effect.flip(Effect.provide(User.retrieve(userId), stubUiza(reply(200, body)).layer))
      expect(error._tag).toBe("ResponseDecodeError")
      expect(error.message).toContain("data.status")
    }))

  it.effect("a user round-trips through its schema", () =>
    Effect.gen(function*() {
      const user = yield* Effect.provide(User.retrieve(userId), stubUiza(fromFixture("user-retrieve.json")).layer)
      const { Schema } = yield* Effect.promise(() => import("effect"))
      const encoded = Schema.encodeSync(User.User)(user)
      expect(encoded.createdAt).toBe("2019-03-01T07:52:01.000Z")
      expect(Schema.decodeSync(User.User)(encoded)).toEqual(user)
    }))
})

describe("User.list", () => {
  it.effect("GETs page and limit in the query string", () =>
    Effect.gen(function*() {
      const stub = stubUiza(fromFixture("user-list-page.json"))
      const page = yield* Effect.provide(User.list({ page: 1, limit: 2 }), stub.layer)
      const [request] = stub.requests
      expect(request.method).toBe("GET")
      expect(request.url).toBe(`${origin}/api/public/v3/admin/user`)
      expect(queryOf(request)).toStrictEqual({ page: "1", limit: "2" })
      expect(bodyOf(request)).toBeUndefined()
      expectHeaders(request)
      expect(page.total).toBe(17)
      expect(page.page).toBe(1)
      expect(page.limit).toBe(2)
      expect(page.items.map((user) => user.username)).toEqual(["user_test_01", "user_test_02"])
      expect(page.items[1].isAdmin).toBe(false)
      expect(page.items[0]).toBeInstanceOf(User.User)
    }))

  it.effect("without paging sends no query at all", () =>
    Effect.gen(function*() {
      for (const input of [undefined, {}, { page: undefined, limit: undefined }]) {
        const stub = stubUiza(fromFixture("user-list-page.json"))
        yield* Effect.provide(User.list(input), stub.layer)
        expect(stub.requests[0].urlParams).toEqual([])
        expect(stub.requests[0].url).toBe(`${origin}/api/public/v3/admin/user`)
      }
    }))

  it.effect("only the paging given is sent", () =>
    Effect.gen(function*() {
      const stub = stubUiza(fromFixture("user-list-page.json"))
      yield* Effect.provide(User.list({ limit: 50 }), stub.layer)
      expect(queryOf(stub.requests[0])).toStrictEqual({ limit: "50" })
    }))

  it.effect("metadata without page or limit: the page asked for, and the items' count", () =>
    Effect.gen(function*() {
      const body = success([userWire(), userWire({ id: "b" })], { metadata: { total: 9 } })
      const asked = yield* Effect.provide(User.list({ page: 3, limit: 2 }), stubUiza(reply(200, body)).layer)
      expect({ ...asked, items: asked.items.length }).toEqual({ items: 2, total: 9, page: 3, limit: 2 })
      const unasked = yield* Effect.provide(User.list(), stubUiza(reply(200, body)).layer)
      expect({ ...unasked, items: unasked.items.length }).toEqual({ items: 2, total: 9, page: 1, limit: 2 })
    }))

  it.effect("an empty page decodes", () =>
    Effect.gen(function*() {
      const body = success([], { metadata: { total: 0, result: 0, page: 1, limit: 20 } })
      const page = yield* Effect.provide(User.list(), stubUiza(reply(200, body)).layer)
      expect(page).toEqual({ items: [], total: 0, page: 1, limit: 20 })
    }))

  it.effect("a list without metadata, or with a bad total, is a ResponseDecodeError", () =>
    Effect.gen(function*() {
      for (
        const body of [
          success([userWire()]),
          success([userWire()], { metadata: { total: -1 } }),
          success([userWire()], { metadata: { total: "17" } }),
          success(userWire(), { metadata: { total: 1 } })
        ]
      ) {
        const error = yield* Effect.flip(Effect.provide(User.list(), stubUiza(reply(200, body)).layer))
        expect(error._tag).toBe("ResponseDecodeError")
      }
    }))

  it.effect("a wrong field in the second user names its path", () =>
    Effect.gen(function*() {
      const body = success([userWire(), userWire({ email: false })], { metadata: { total: 2 } })
      const error = yield* Effect.flip(Effect.provide(User.list(), stubUiza(reply(200, body)).layer))
      expect(error._tag).toBe("ResponseDecodeError")
      expect(error.message).toContain("data.1.email")
    }))
})

describe("User.update", () => {
  it.effect("PUTs the id and only the fields given, in their wire spelling", () =>
    Effect.gen(function*() {
      const stub = stubUiza(fromFixture("user-create-full.json"))
      const user = yield* Effect.provide(
        User.update({
          id: userId,
          status: "inactive",
          fullName: "Ada King",
          gender: "male",
          isAdmin: false,
          dob: new Date("1815-12-10T12:00:00Z"),
          password: Redacted.make("a-new-password")
        }),
        stub.layer
      )
      const [request] = stub.requests
      expect(stub.requests).toHaveLength(1)
      expect(request.method).toBe("PUT")
      expect(request.url).toBe(`${origin}/api/public/v3/admin/user`)
      expect(request.urlParams).toEqual([])
      expectHeaders(request)
      expect(bodyOf(request)).toStrictEqual({
        id: userId,
        status: 0,
        fullname: "Ada King",
        gender: 0,
        isAdmin: 0,
        dob: "12/10/1815",
        password: "a-new-password"
      })
      expect({ ...user }).toStrictEqual(fixtureUser)
    }))

  it.effect("an update of one field sends the id and that field", () =>
    Effect.gen(function*() {
      const stub = stubUiza(fromFixture("user-create-full.json"))
      yield* Effect.provide(User.update({ id: userId, email: "new@example.com" }), stub.layer)
      expect(bodyOf(stub.requests[0])).toStrictEqual({ id: userId, email: "new@example.com" })
    }))

  it.effect("an {id} reply: the user is fetched with a GET", () =>
    Effect.gen(function*() {
      const stub = stubUiza(router({
        "PUT /admin/user": fromFixture("user-create-id.json"),
        "GET /admin/user": fromFixture("user-retrieve.json")
      }))
      const user = yield* Effect.provide(User.update({ id: userId, status: "active" }), stub.layer)
      expect(stub.requests.map((request) => request.method)).toEqual(["PUT", "GET"])
      expect(queryOf(stub.requests[1])).toStrictEqual({ id: userId })
      expect(bodyOf(stub.requests[1])).toBeUndefined()
      expect({ ...user }).toStrictEqual(fixtureUser)
    }))

  it.effect("the fetch after an {id} reply asks for the id the reply named", () =>
    Effect.gen(function*() {
      const stub = stubUiza(router({
        "PUT /admin/user": () => json(200, success({ id: "the-reply-id" })),
        "GET /admin/user": fromFixture("user-retrieve.json")
      }))
      yield* Effect.provide(User.update({ id: userId, status: "active" }), stub.layer)
      expect(queryOf(stub.requests[1])).toStrictEqual({ id: "the-reply-id" })
    }))

  it.effect("a reply that is neither a user nor an id is a ResponseDecodeError", () =>
    Effect.gen(function*() {
      for (const data of [{}, { id: "" }, { id: 7 }, null, "ok"]) {
        const stub = stubUiza(reply(200, success(data)))
        const error = yield* Effect.flip(Effect.provide(User.update({ id: userId, status: "active" }), stub.layer))
        expect(error._tag).toBe("ResponseDecodeError")
        expect(stub.requests).toHaveLength(1)
      }
    }))
})

describe("User.delete", () => {
  it.effect("DELETEs with the id in a JSON body", () =>
    Effect.gen(function*() {
      const stub = stubUiza(fromFixture("user-delete-id.json"))
      const result = yield* Effect.provide(User.delete(userId), stub.layer)
      expect(result).toBeUndefined()
      const [request] = stub.requests
      expect(stub.requests).toHaveLength(1)
      expect(request.method).toBe("DELETE")
      expect(request.url).toBe(`${origin}/api/public/v3/admin/user`)
      expect(request.urlParams).toEqual([])
      expect(bodyOf(request)).toStrictEqual({ id: userId })
      expectHeaders(request)
    }))

  it.effect.each(["user-delete-id.json", "user-delete-result.json"])(
    "succeeds on %s",
    (name) =>
      Effect.gen(function*() {
        const result = yield* Effect.provide(User.delete(userId), stubUiza(fromFixture(name)).layer)
        expect(result).toBeUndefined()
      })
  )

  it.effect("an acknowledgement of another kind is a ResponseDecodeError", () =>
    Effect.gen(function*() {
      for (const data of [{ result: false }, { result: "ok" }, {}, undefined]) {
        const error = yield* Effect.flip(Effect.provide(User.delete(userId), stubUiza(reply(200, success(data))).layer))
        expect(error._tag).toBe("ResponseDecodeError")
      }
    }))
})

describe("User.changePassword", () => {
  it.effect("PUTs the id and both passwords, raw, whether given as strings or Redacted", () =>
    Effect.gen(function*() {
      for (
        const [oldPassword, newPassword] of [
          [password, "staple-of-the-horse"],
          [Redacted.make(password), Redacted.make("staple-of-the-horse")]
        ] as const
      ) {
        const stub = stubUiza(fromFixture("user-changepassword-result.json"))
        const result = yield* Effect.provide(User.changePassword({ id: userId, oldPassword, newPassword }), stub.layer)
        expect(result).toBeUndefined()
        const [request] = stub.requests
        expect(stub.requests).toHaveLength(1)
        expect(request.method).toBe("PUT")
        expect(request.url).toBe(`${origin}/api/public/v3/admin/user/changepassword`)
        expect(request.urlParams).toEqual([])
        expectHeaders(request)
        expect(bodyOf(request)).toStrictEqual({ id: userId, oldPassword: password, newPassword: "staple-of-the-horse" })
      }
    }))

  it.effect("without an id (a user changing their own) sends only the passwords", () =>
    Effect.gen(function*() {
      const stub = stubUiza(fromFixture("user-changepassword-result.json"))
      yield* Effect.provide(
        User.changePassword({ oldPassword: password, newPassword: "staple-of-the-horse" }),
        stub.layer
      )
      expect(bodyOf(stub.requests[0])).toStrictEqual({ oldPassword: password, newPassword: "staple-of-the-horse" })
    }))

  it.effect("an old password set under older rules is sent, whatever its length", () =>
    Effect.gen(function*() {
      const stub = stubUiza(fromFixture("user-changepassword-result.json"))
      yield* Effect.provide(User.changePassword({ oldPassword: "abc", newPassword: "staple-of-the-horse" }), stub.layer)
      expect(bodyOf(stub.requests[0])).toMatchObject({ oldPassword: "abc" })
    }))

  it.effect("succeeds on {id} and on {result: \"ok\"}", () =>
    Effect.gen(function*() {
      for (const body of [success({ id: userId }), fixture("user-changepassword-result.json")]) {
        const result = yield* Effect.provide(
          User.changePassword({ id: userId, oldPassword: password, newPassword: "staple-of-the-horse" }),
          stubUiza(reply(200, body)).layer
        )
        expect(result).toBeUndefined()
      }
    }))

  it.effect("{result: true} is not a password change's acknowledgement", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Effect.provide(
        User.changePassword({ id: userId, oldPassword: password, newPassword: "staple-of-the-horse" }),
        stubUiza(reply(200, success({ result: true }))).layer
      ))
      expect(error._tag).toBe("ResponseDecodeError")
    }))
})

describe("User.logout", () => {
  it.effect("with and without data", () =>
    Effect.gen(function*() {
      const documented = yield* Effect.provide(User.logout(), stubUiza(fromFixture("logout-200-documented.json")).layer)
      expect(documented.message).toBe("Logout success")
      const flat = yield* Effect.provide(User.logout(), stubUiza(fromFixture("logout-200-flat.json")).layer)
      expect(flat.message).toBe("Logout success")
      const noData = yield* Effect.provide(
        User.logout(),
        stubUiza(reply(200, success(undefined, { message: "Logout success" }))).layer
      )
      expect(noData.message).toBe("Logout success")
      expect(noData.requestId).toBe("4c1f9e7a-2b6d-4e0a-9a51-7d3c2e8f1b90")
    }))
})
