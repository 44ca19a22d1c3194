/**
 * What the endpoint tests share: reading a recorded request, building
 * replies, a router over method and path, every operation as one row of a
 * table, and a runner that lets the TestClock through every backoff.
 */
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { Auth, type UizaConfig, type UizaError, User } from "@uiza-effect/core"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as TestClock from "effect/TestClock"
import { fixture } from "./stubHttpClient.js"

/** The origin of the stub workspace. */
export const origin = "https://your-workspace-api-domain.uiza.co"

/** The id of the fixtures' user. */
export const userId = "5e0c6a3e-8d2f-4b7a-9c41-2f6e8a1d3b57"

/** The token of the `auth-token.json` fixture. */
export const issuedToken = "uap-0123456789abcdef0123456789abcdef-01234567"

/** The path of a request, without the origin or the query. */
export const pathOf = (request: HttpClientRequest.HttpClientRequest): string => new URL(request.url).pathname

/** The query parameters of a request, as a record. */
export const queryOf = (request: HttpClientRequest.HttpClientRequest): Record<string, string> =>
  Object.fromEntries(request.urlParams)

/** The JSON body of a request, parsed; `undefined` when it has none. */
export const bodyOf = (request: HttpClientRequest.HttpClientRequest): unknown => {
  const body = request.body
  if (body._tag === "Empty") return undefined
  if (body._tag !== "Uint8Array") throw new Error(`unexpected body ${body._tag}`)
  return JSON.parse(new TextDecoder().decode(body.body))
}

/** The raw text of a request's body ("" when it has none). */
export const bodyTextOf = (request: HttpClientRequest.HttpClientRequest): string =>
  request.body._tag === "Uint8Array" ? new TextDecoder().decode(request.body.body) : ""

/** A user as the API sends it. */
export const userWire = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: userId,
  isAdmin: 1,
  username: "user_test_01",
  email: "user_test@uiza.io",
  avatar: "https://exemple.com/avatar.jpeg",
  fullName: "User Test",
  updatedAt: "2019-03-01T07:52:01.000Z",
  createdAt: "2019-03-01T07:52:01.000Z",
  status: 1,
  ...fields
})

/** A success envelope around `data` (left out when `undefined`), with more top-level fields. */
export const success = (data: unknown, fields: Record<string, unknown> = {}): string =>
  JSON.stringify({
    ...(data === undefined ? {} : { data }),
    version: 3,
    datetime: "2019-03-01T08:02:24.213Z",
    policy: "public",
    requestId: "4c1f9e7a-2b6d-4e0a-9a51-7d3c2e8f1b90",
    serviceName: "api",
    message: "OK",
    code: 200,
    type: "SUCCESS",
    ...fields
  })

/** An error envelope for `status`. */
export const failure = (status: number, fields: Record<string, unknown> = {}): string =>
  JSON.stringify({
    code: status,
    type: "ERROR",
    message: `server says ${status}`,
    retryable: false,
    data: null,
    requestId: `req-${status}`,
    ...fields
  })

/** A JSON response. */
export const json = (status: number, body: string, headers: Record<string, string> = {}): Response =>
  new Response(body, { status, headers: { "content-type": "application/json", ...headers } })

/**
 * An answer that picks a reply by `METHOD /path` (under `/api/public/v3`);
 * a list of replies is answered in turn, its last one repeating.
 */
export const router = (routes: Record<string, ReadonlyArray<() => Response> | (() => Response)>) => {
  const counts = new Map<string, number>()
  return (request: HttpClientRequest.HttpClientRequest): Response => {
    const key = `${request.method} ${pathOf(request).replace("/api/public/v3", "")}`
    const route = routes[key]
    if (route === undefined) return json(404, failure(404, { message: `no route ${key}` }))
    if (typeof route === "function") return route()
    const count = counts.get(key) ?? 0
    counts.set(key, count + 1)
    return route[Math.min(count, route.length - 1)]()
  }
}

/** The valid password the tests send. */
export const password = "correct-horse-battery"

/** The credentials of a login against the stub workspace. */
export const credentials = {
  workspaceApiDomain: "your-workspace-api-domain.uiza.co",
  username: "admin@example.com",
  password,
  domain: "your-workspace.uiza.co"
}

/** One operation, as the family tests see it. */
export interface Operation {
  readonly name: string
  readonly method: "GET" | "POST" | "PUT" | "DELETE"
  readonly path: string
  readonly descriptionLink: string
  /** Whether a failure that reached the server is retried. */
  readonly idempotent: boolean
  /** A reply that makes the call succeed with a single request. */
  readonly success: () => Response
  readonly call: (options?: UizaConfig.CallOptions) => Effect.Effect<unknown, UizaError.UizaError, any>
}

const fromFixture = (name: string) => () => json(200, fixture(name))

/** Every operation of the User and Auth families. */
export const operations: ReadonlyArray<Operation> = [
  {
    name: "User.create",
    method: "POST",
    path: "/admin/user",
    descriptionLink: "https://docs.uiza.io/#create-an-user",
    idempotent: false,
    success: fromFixture("user-create-full.json"),
    call: (options) => User.create({ username: "ada", email: "ada@example.com", password, status: "active" }, options)
  },
  {
    name: "User.retrieve",
    method: "GET",
    path: "/admin/user",
    descriptionLink: "https://docs.uiza.io/#retrieve-an-user",
    idempotent: true,
    success: fromFixture("user-retrieve.json"),
    call: (options) => User.retrieve(userId, options)
  },
  {
    name: "User.list",
    method: "GET",
    path: "/admin/user",
    descriptionLink: "https://docs.uiza.io/#list-all-users",
    idempotent: true,
    success: fromFixture("user-list-page.json"),
    call: (options) => User.list({ page: 1, limit: 2 }, options)
  },
  {
    name: "User.update",
    method: "PUT",
    path: "/admin/user",
    descriptionLink: "https://docs.uiza.io/#update-an-user",
    idempotent: true,
    success: fromFixture("user-create-full.json"),
    call: (options) => User.update({ id: userId, status: "inactive" }, options)
  },
  {
    name: "User.delete",
    method: "DELETE",
    path: "/admin/user",
    descriptionLink: "https://docs.uiza.io/#delete-an-user",
    idempotent: true,
    success: fromFixture("user-delete-result.json"),
    call: (options) => User.delete(userId, options)
  },
  {
    name: "User.changePassword",
    method: "PUT",
    path: "/admin/user/changepassword",
    descriptionLink: "https://docs.uiza.io/#update-password",
    idempotent: false,
    success: fromFixture("user-changepassword-result.json"),
    call: (options) =>
      User.changePassword({ id: userId, oldPassword: password, newPassword: "staple-of-the-horse" }, options)
  },
  {
    name: "User.logout",
    method: "POST",
    path: "/admin/user/logout",
    descriptionLink: "https://docs.uiza.io/#log-out",
    idempotent: true,
    success: fromFixture("logout-200-documented.json"),
    call: (options) => User.logout(options)
  },
  {
    name: "Auth.createToken",
    method: "POST",
    path: "/admin/user/auth",
    descriptionLink: "https://docs.uiza.io/#get-token",
    idempotent: false,
    success: fromFixture("auth-token.json"),
    call: (options) => Auth.createToken(credentials, options)
  },
  {
    name: "Auth.checkToken",
    method: "POST",
    path: "/admin/user/auth/check-token",
    descriptionLink: "https://docs.uiza.io/#check-token",
    idempotent: true,
    success: fromFixture("auth-check-token.json"),
    call: (options) => Auth.checkToken(options)
  }
]

const settle = Effect.promise(() => new Promise((resolve) => setImmediate(resolve)))

/**
 * Runs `self` on the TestClock to its end: lets the stub's body promises
 * settle, then moves the clock to the next sleep's end, until the call ends.
 */
export const runOnTestClock = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(Effect.exit(self))
    for (let step = 0; step < 1_000; step++) {
      for (let round = 0; round < 3; round++) yield* settle
      const poll = yield* Fiber.poll(fiber)
      if (poll._tag === "Some") return yield* poll.value
      const sleeps = Chunk.toReadonlyArray(yield* TestClock.sleeps())
      if (sleeps.length > 0) yield* TestClock.setTime(Math.min(...sleeps))
    }
    return yield* Effect.dieMessage("the call did not end")
  })
