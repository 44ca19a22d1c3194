/**
 * The User and Auth endpoints against a stub HttpClient: the exact request of
 * each input, both reply shapes where the sources disagree, the model decoded
 * from the wire, inputs refused before anything is sent, and retries that
 * follow idempotency.
 */
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it } from "@effect/vitest"
import type { UizaError } from "@uiza-effect/core"
import { Auth, UizaConfig, User } from "@uiza-effect/core"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { inspect } from "node:util"
import { fixture, stubHttpClient, stubUiza, token } from "./support/stubHttpClient.js"

const origin = "https://your-workspace-api-domain.uiza.co"
const USER_ID = "5e0c6a3e-8d2f-4b7a-9c41-2f6e8a1d3b57"

const json = (status: number, body: string | object) => () =>
  new Response(typeof body === "string" ? body : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" }
  })

const bodyOf = (request: HttpClientRequest.HttpClientRequest): unknown =>
  request.body._tag === "Uint8Array" ? JSON.parse(new TextDecoder().decode(request.body.body)) : undefined

const queryOf = (request: HttpClientRequest.HttpClientRequest) => Object.fromEntries(request.urlParams)

// Answers in turn; the last answer repeats.
const inTurn = (...answers: ReadonlyArray<() => Response>) => {
  let index = 0
  return () => answers[Math.min(index++, answers.length - 1)]!()
}

const run = <A, E>(effect: Effect.Effect<A, E, any>, answer: () => Response, options = {}) => {
  const stub = stubUiza(answer, options)
  return Effect.map(
    Effect.either(Effect.provide(effect, stub.layer)),
    (result) => ({ result, requests: stub.requests })
  )
}

const expectedUser = {
  id: USER_ID,
  username: "user_test_01",
  email: "user_test@uiza.io",
  avatar: "https://exemple.com/avatar.jpeg",
  fullName: "User Test",
  status: "active",
  isAdmin: true,
  createdAt: new Date("2019-03-01T07:52:01.000Z"),
  updatedAt: new Date("2019-03-01T07:52:01.000Z")
}

describe("User.create", () => {
  const input: User.CreateInput = {
    username: "ada",
    email: "ada@example.com",
    password: Redacted.make("correct-horse-battery"),
    status: "active",
    fullName: "Ada Lovelace",
    avatar: "https://example.com/ada.png",
    dob: new Date("1815-12-10"),
    gender: "female",
    isAdmin: false
  }

  it.effect("sends the documented body: 1/0 numbers, fullname, MM/DD/YYYY, the raw password", () =>
    Effect.gen(function*() {
      const { requests, result } = yield* run(User.create(input), json(200, fixture("user-create-full.json")))
      expect(result._tag).toBe("Right")
      expect(requests).toHaveLength(1)
      const [request] = requests
      expect(request!.method).toBe("POST")
      expect(request!.url).toBe(`${origin}/api/public/v3/admin/user`)
      expect(request!.headers.authorization).toBe(token)
      expect(Object.keys(request!.headers).sort()).toEqual([
        "accept",
        "authorization",
        "content-length",
        "content-type"
      ])
      expect(bodyOf(request!)).toEqual({
        username: "ada",
        email: "ada@example.com",
        password: "correct-horse-battery",
        status: 1,
        fullname: "Ada Lovelace",
        avatar: "https://example.com/ada.png",
        dob: "12/10/1815",
        gender: 1,
        isAdmin: 0
      })
    }))

  it.effect("a full user in the reply is the result; an {id} reply is followed by a retrieve", () =>
    Effect.gen(function*() {
      const full = yield* run(User.create(input), json(200, fixture("user-create-full.json")))
      expect(full.result).toMatchObject({ _tag: "Right", right: { ...expectedUser, username: "user_test_01" } })

      const idOnly = yield* run(
        User.create(input),
        inTurn(json(200, fixture("user-create-id.json")), json(200, fixture("user-retrieve.json")))
      )
      expect(idOnly.result._tag).toBe("Right")
      if (idOnly.result._tag === "Right") {
        expect(idOnly.result.right).toBeInstanceOf(User.User)
        expect({ ...idOnly.result.right }).toEqual(expectedUser)
      }
      expect(idOnly.requests.map((request) => [request.method, queryOf(request)])).toEqual([
        ["POST", {}],
        ["GET", { id: USER_ID }]
      ])
    }))

  it.effect("the retrieve after an {id} reply sends only the id and scrubs the password from its reply", () =>
    Effect.gen(function*() {
      const password = "canary-PW-123456"
      const { requests, result } = yield* run(
        User.create({ username: "ada", email: "a@b.c", password, status: "active" }),
        inTurn(
          json(200, fixture("user-create-id.json")),
          json(500, { code: 500, type: "ERROR", message: `no user for ${password}` })
        )
      )
      expect(queryOf(requests[1]!)).toEqual({ id: USER_ID })
      expect(result._tag).toBe("Left")
      for (
        const text of [String(result), JSON.stringify(result), inspect(result, { depth: Infinity, showHidden: true })]
      ) {
        expect(text).not.toContain(password)
      }
    }))

  it.effect("is never sent twice once it may have arrived: a 500 is returned at once", () =>
    Effect.gen(function*() {
      const { requests, result } = yield* run(
        User.create(input),
        json(500, { code: 500, type: "ERROR", message: "boom" }),
        { maxRetries: 2 }
      )
      expect(result).toMatchObject({ _tag: "Left", left: { _tag: "InternalServerError", attempts: 1 } })
      expect(requests).toHaveLength(1)
    }))
})

describe("User.retrieve", () => {
  it.effect("GET with the id in the query string, no body", () =>
    Effect.gen(function*() {
      const { requests, result } = yield* run(User.retrieve(USER_ID), json(200, fixture("user-retrieve.json")))
      const [request] = requests
      expect(request!.method).toBe("GET")
      expect(request!.url).toBe(`${origin}/api/public/v3/admin/user`)
      expect(queryOf(request!)).toEqual({ id: USER_ID })
      expect(request!.body._tag).toBe("Empty")
      expect(result).toMatchObject({ _tag: "Right" })
      if (result._tag === "Right") expect({ ...result.right }).toEqual(expectedUser)
    }))

  it.effect("data as an array of one user decodes; an array of two is a ResponseDecodeError", () =>
    Effect.gen(function*() {
      const one = yield* run(User.retrieve(USER_ID), json(200, fixture("user-retrieve-as-array.json")))
      expect(one.result._tag).toBe("Right")
      const envelope = JSON.parse(fixture("user-list-page.json"))
      const two = yield* run(User.retrieve(USER_ID), json(200, { ...envelope, metadata: undefined }))
      expect(two.result).toMatchObject({ _tag: "Left", left: { _tag: "ResponseDecodeError", status: 200 } })
    }))

  it.effect("unknown fields are ignored, null fullName and avatar are absent, a bad field is named", () =>
    Effect.gen(function*() {
      const envelope = JSON.parse(fixture("user-retrieve.json"))
      const lenient = yield* run(
        User.retrieve(USER_ID),
        json(200, { ...envelope, data: { ...envelope.data, fullName: null, avatar: null, password: "leak", extra: 1 } })
      )
      expect(lenient.result._tag).toBe("Right")
      if (lenient.result._tag === "Right") {
        expect(lenient.result.right).not.toHaveProperty("password")
        expect(lenient.result.right.fullName).toBeUndefined()
        expect(lenient.result.right.avatar).toBeUndefined()
      }
      const bad = yield* run(User.retrieve(USER_ID), json(200, { ...envelope, data: { ...envelope.data, status: 7 } }))
      expect(bad.result._tag).toBe("Left")
      if (bad.result._tag === "Left") {
        expect(bad.result.left._tag).toBe("ResponseDecodeError")
        expect(bad.result.left.message).toContain("data.status")
      }
    }))

  it.effect("a 404 is a NotFoundError carrying the endpoint's description link; a 503 is retried", () =>
    Effect.gen(function*() {
      const missing = yield* run(User.retrieve(USER_ID), json(404, fixture("error-404.json")))
      expect(missing.result).toMatchObject({
        _tag: "Left",
        left: { _tag: "NotFoundError", status: 404, descriptionLink: "https://docs.uiza.io/#retrieve-an-user" }
      })
      const fiber = yield* Effect.fork(
        run(
          User.retrieve(USER_ID),
          inTurn(json(503, fixture("error-503.json")), json(200, fixture("user-retrieve.json"))),
          { maxRetries: 2 }
        )
      )
      yield* TestClock.adjust("10 seconds")
      const retried = yield* Fiber.join(fiber)
      expect(retried.result._tag).toBe("Right")
      expect(retried.requests).toHaveLength(2)
    }))
})

describe("User.list and User.listAll", () => {
  const page = (users: number, total: number, pageNumber: number, limit: number) => {
    const envelope = JSON.parse(fixture("user-list-page.json"))
    const template = envelope.data[0]
    return json(200, {
      ...envelope,
      data: Array.from({ length: users }, (_, i) => ({ ...template, id: `user-${pageNumber}-${i}` })),
      metadata: { total, result: users, page: pageNumber, limit }
    })
  }

  it.effect("GET with page and limit in the query string; the page's facts from metadata", () =>
    Effect.gen(function*() {
      const { requests, result } = yield* run(
        User.list({ page: 1, limit: 2 }),
        json(200, fixture("user-list-page.json"))
      )
      expect(queryOf(requests[0]!)).toEqual({ page: "1", limit: "2" })
      expect(result).toMatchObject({ _tag: "Right", right: { total: 17, page: 1, limit: 2 } })
      if (result._tag === "Right") expect(result.right.items.map((user) => user.isAdmin)).toEqual([true, false])
      const bare = yield* run(User.list(), json(200, fixture("user-list-page.json")))
      expect(queryOf(bare.requests[0]!)).toEqual({})
    }))

  it.effect("listAll: one page, two pages, an empty last page; pages are fetched lazily", () =>
    Effect.gen(function*() {
      const all = (answer: () => Response) =>
        run(Stream.runCollect(User.listAll({ limit: 2 })), answer).pipe(
          Effect.map(({ requests, result }) => ({
            pages: requests.map((request) => queryOf(request).page),
            ids: result._tag === "Right" ? Chunk.toReadonlyArray(result.right).map((user) => user.id) : result
          }))
        )
      expect(yield* all(page(1, 1, 1, 2))).toEqual({ pages: ["1"], ids: ["user-1-0"] })
      expect(yield* all(inTurn(page(2, 3, 1, 2), page(1, 3, 2, 2)))).toEqual({
        pages: ["1", "2"],
        ids: ["user-1-0", "user-1-1", "user-2-0"]
      })
      // The total said 4, the second page came back empty: the stream ends there.
      expect(yield* all(inTurn(page(2, 4, 1, 2), page(0, 4, 2, 2)))).toEqual({
        pages: ["1", "2"],
        ids: ["user-1-0", "user-1-1"]
      })
      const firstOnly = yield* run(Stream.runCollect(Stream.take(User.listAll({ limit: 2 }), 1)), page(2, 100, 1, 2))
      expect(firstOnly.requests).toHaveLength(1)
    }))

  // Pages of `limit` 2 answered in turn, each with its own `total` (the last answer repeating).
  const listAllOf = (...pages: ReadonlyArray<readonly [users: number, total: number]>) =>
    run(
      Stream.runCollect(User.listAll({ limit: 2 })),
      inTurn(...pages.map(([users, total], index) => page(users, total, index + 1, 2)))
    ).pipe(
      Effect.map(({ requests, result }) => ({
        pages: requests.map((request) => Number(queryOf(request).page)),
        users: result._tag === "Right" ? Chunk.size(result.right) : result
      }))
    )

  it.effect.each(
    [
      { name: "1 user on the last page", pages: [[2, 5], [2, 5], [1, 5]], requested: [1, 2, 3], users: 5 },
      {
        name: "2 users on the last page: no page after it is asked for",
        pages: [[2, 4], [2, 4]],
        requested: [1, 2],
        users: 4
      },
      { name: "0 users on the last page", pages: [[2, 6], [2, 6], [0, 6]], requested: [1, 2, 3], users: 4 },
      { name: "0 users at all", pages: [[0, 0]], requested: [1], users: 0 }
    ] as const
  )("listAll with $name", ({ pages, requested, users }) =>
    Effect.gen(function*() {
      expect(yield* listAllOf(...pages)).toEqual({ pages: requested, users })
    }))

  it.effect.each(
    [
      {
        name: "more than there are: it ends at the first empty page",
        pages: [[2, 10], [1, 10], [0, 10]],
        requested: [1, 2, 3],
        users: 3
      },
      {
        name: "more than there are, with pages that never come back empty: it ends at the total",
        pages: [[2, 5], [2, 5], [2, 5], [2, 5]],
        requested: [1, 2, 3],
        users: 6
      },
      {
        name: "fewer than the first page holds: no further page is asked for",
        pages: [[2, 1], [2, 1]],
        requested: [1],
        users: 2
      },
      {
        name: "fewer than there are: it stops once the total is reached, keeping the whole page",
        pages: [[2, 3], [2, 3], [2, 3]],
        requested: [1, 2],
        users: 4
      },
      {
        name: "a total that shrinks between pages: the latest one counts",
        pages: [[2, 9], [1, 3], [2, 3]],
        requested: [1, 2],
        users: 3
      }
    ] as const
  )("listAll when the total says $name", ({ pages, requested, users }) =>
    Effect.gen(function*() {
      expect(yield* listAllOf(...pages)).toEqual({ pages: requested, users })
    }))
})

describe("User.update, delete, changePassword", () => {
  it.effect("update: PUT with the id and only the fields given; an {id} reply is followed by a retrieve", () =>
    Effect.gen(function*() {
      const { requests, result } = yield* run(
        User.update({ id: USER_ID, status: "inactive", fullName: "New Name" }),
        inTurn(json(200, fixture("user-create-id.json")), json(200, fixture("user-retrieve.json")))
      )
      expect(requests[0]!.method).toBe("PUT")
      expect(bodyOf(requests[0]!)).toEqual({ id: USER_ID, status: 0, fullname: "New Name" })
      expect(requests[1]!.method).toBe("GET")
      expect(result._tag).toBe("Right")
    }))

  it.effect("delete: DELETE with the JSON body {id}; {id} and {result: true} both succeed", () =>
    Effect.gen(function*() {
      for (const name of ["user-delete-id.json", "user-delete-result.json"]) {
        const { requests, result } = yield* run(User.delete(USER_ID), json(200, fixture(name)))
        expect(requests[0]!.method).toBe("DELETE")
        expect(bodyOf(requests[0]!)).toEqual({ id: USER_ID })
        expect(result._tag).toBe("Right")
      }
    }))

  it.effect("changePassword: PUT to changepassword; {id} and {result: \"ok\"} succeed; never sent twice", () =>
    Effect.gen(function*() {
      const input = { id: USER_ID, oldPassword: "old-password", newPassword: Redacted.make("new-password-1") }
      for (const name of ["user-delete-id.json", "user-changepassword-result.json"]) {
        const { requests, result } = yield* run(User.changePassword(input), json(200, fixture(name)))
        expect(requests[0]!.method).toBe("PUT")
        expect(requests[0]!.url).toBe(`${origin}/api/public/v3/admin/user/changepassword`)
        expect(bodyOf(requests[0]!)).toEqual({
          id: USER_ID,
          oldPassword: "old-password",
          newPassword: "new-password-1"
        })
        expect(result._tag).toBe("Right")
      }
      const failed = yield* run(User.changePassword(input), json(503, fixture("error-503.json")), { maxRetries: 2 })
      expect(failed.requests).toHaveLength(1)
    }))
})

describe("inputs are checked before anything is sent", () => {
  const refused: ReadonlyArray<readonly [string, Effect.Effect<unknown, UizaError.UizaError, any>, string]> = [
    ["an empty id", User.retrieve(""), "id"],
    ["an id of the wrong type", User.retrieve(42 as any), "id"],
    ["a missing username", User.create({ email: "a@b.c", password: "secret-1", status: "active" } as any), "username"],
    [
      "a 5-character password",
      User.create({ username: "a", email: "a@b.c", password: "12345", status: "active" }),
      "password"
    ],
    [
      "a 26-character password",
      User.create({ username: "a", email: "a@b.c", password: Redacted.make("x".repeat(26)), status: "active" }),
      "password"
    ],
    [
      "an unknown status",
      User.create({ username: "a", email: "a@b.c", password: "secret-1", status: "on" as any }),
      "status"
    ],
    ["an invalid dob", User.update({ id: USER_ID, dob: new Date("nope") }), "dob"],
    ["page 0", User.list({ page: 0 }), "page"],
    ["a fractional limit", User.list({ limit: 1.5 }), "limit"],
    ["no new password", User.changePassword({ oldPassword: "old-password" } as any), "newPassword"],
    ["a null input", User.update(null as any), ""]
  ]
  it.effect.each(refused)("%s", ([, operation, field]) =>
    Effect.gen(function*() {
      const { requests, result } = yield* run(operation, json(200, fixture("user-retrieve.json")))
      expect(requests).toHaveLength(0)
      expect(result._tag).toBe("Left")
      if (result._tag === "Left") {
        expect(result.left).toMatchObject({ _tag: "InvalidInputError", field, attempts: 0, retryable: false })
        expect(result.left.message).toContain("nothing was sent")
        for (const secret of ["12345", "x".repeat(26), "secret-1", "old-password"]) {
          expect(result.left.message).not.toContain(secret)
          expect(JSON.stringify(result.left)).not.toContain(secret)
          expect(inspect(result.left, { depth: Infinity, showHidden: true })).not.toContain(secret)
        }
      }
    }))
})

describe("passwords are scrubbed from replies like the token", () => {
  it.effect("a server that echoes the password in a message, field errors and an HTML page", () =>
    Effect.gen(function*() {
      const password = "hunter2-canary-PW"
      const input = { username: "ada", email: "a@b.c", password, status: "active" as const }
      const echoes = [
        json(422, {
          code: 422,
          type: "ERROR",
          message: `bad ${password}`,
          data: [{ type: "x", field: password, message: password }]
        }),
        () => new Response(`<html>${password}</html>`, { status: 502, headers: { "content-type": "text/html" } }),
        json(200, { data: { id: 42, echo: password }, message: password })
      ]
      for (const echo of echoes) {
        const { result } = yield* run(User.create(input), echo)
        expect(result._tag).toBe("Left")
        const renderings = [
          String(result),
          JSON.stringify(result),
          inspect(result, { depth: Infinity, showHidden: true })
        ]
        for (const text of renderings) expect(text).not.toContain(password)
      }
    }))
})

describe("Auth", () => {
  const credentials = {
    workspaceApiDomain: "your-workspace-api-domain.uiza.co",
    username: "admin@example.com",
    password: Redacted.make("correct-horse-battery"),
    domain: "your-workspace.uiza.co"
  }

  it.effect("createToken: POST without Authorization; the token comes back Redacted", () =>
    Effect.gen(function*() {
      const stub = stubHttpClient(json(200, fixture("auth-token.json")))
      const issued = yield* Effect.provide(Auth.createToken(credentials), stub.layer)
      const [request] = stub.requests
      expect(request!.url).toBe(`${origin}/api/public/v3/admin/user/auth`)
      expect(request!.headers.authorization).toBeUndefined()
      expect(bodyOf(request!)).toEqual({
        username: "admin@example.com",
        password: "correct-horse-battery",
        domain: "your-workspace.uiza.co"
      })
      expect(issued.appId).toBe("a204e9cdeca44948a33e0d012ef74e90")
      expect(Redacted.value(issued.token)).toBe("uap-0123456789abcdef0123456789abcdef-01234567")
      for (const text of [String(issued.token), JSON.stringify(issued), inspect(issued, { depth: Infinity })]) {
        expect(text).not.toContain("uap-0123456789abcdef")
      }
    }))

  it.effect("createToken: an invalid domain sends nothing; a 503 is not repeated", () =>
    Effect.gen(function*() {
      const stub = stubHttpClient(json(503, fixture("error-503.json")))
      const invalid = yield* Effect.flip(
        Effect.provide(Auth.createToken({ ...credentials, workspaceApiDomain: "a@evil.example" }), stub.layer)
      )
      expect(invalid).toMatchObject({ _tag: "InvalidInputError", field: "workspaceApiDomain" })
      expect(stub.requests).toHaveLength(0)
      const unavailable = yield* Effect.flip(Effect.provide(Auth.createToken(credentials), stub.layer))
      expect(unavailable._tag).toBe("ServiceUnavailableError")
      expect(stub.requests).toHaveLength(1)
    }))

  it.effect("checkToken: POST with the token; expired is taken as UTC", () =>
    Effect.gen(function*() {
      const { requests, result } = yield* run(Auth.checkToken(), json(200, fixture("auth-check-token.json")))
      expect(requests[0]!.method).toBe("POST")
      expect(requests[0]!.url).toBe(`${origin}/api/public/v3/admin/user/auth/check-token`)
      expect(requests[0]!.headers.authorization).toBe(token)
      expect(result._tag === "Right" && result.right).toEqual({ expiresAt: new Date("2018-11-06T04:29:22.000Z") })
      const envelope = JSON.parse(fixture("auth-check-token.json"))
      const bad = yield* run(Auth.checkToken(), json(200, { ...envelope, data: { expired: "13/40/2018 04:29:22" } }))
      expect(bad.result).toMatchObject({ _tag: "Left", left: { _tag: "ResponseDecodeError" } })
    }))

  it.effect("UizaConfig.layerLogin: a token when built, a logout when the scope closes", () =>
    Effect.gen(function*() {
      const stub = stubHttpClient(
        inTurn(
          json(200, fixture("auth-token.json")),
          json(200, fixture("user-list-page.json")),
          json(200, fixture("logout-200-documented.json"))
        )
      )
      const login = UizaConfig.layerLogin(credentials).pipe(Layer.provide(stub.layer))
      yield* Effect.provide(User.list(), Layer.merge(login, stub.layer))
      expect(stub.requests.map((request) => [request.method, new URL(request.url).pathname])).toEqual([
        ["POST", "/api/public/v3/admin/user/auth"],
        ["GET", "/api/public/v3/admin/user"],
        ["POST", "/api/public/v3/admin/user/logout"]
      ])
      expect(stub.requests[1]!.headers.authorization).toBe("uap-0123456789abcdef0123456789abcdef-01234567")
    }))

  it.effect("UizaConfig.layerLogin: a failed logout at the end is logged, not raised", () =>
    Effect.gen(function*() {
      const stub = stubHttpClient(
        inTurn(
          json(200, fixture("auth-token.json")),
          json(200, fixture("user-list-page.json")),
          json(401, fixture("error-401.json"))
        )
      )
      const login = UizaConfig.layerLogin({ ...credentials, maxRetries: 0 }).pipe(Layer.provide(stub.layer))
      const page = yield* Effect.provide(User.list(), Layer.merge(login, stub.layer))
      expect(page.total).toBe(17)
      expect(stub.requests).toHaveLength(3)
    }))
})
