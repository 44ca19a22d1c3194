import { describe, expect, it } from "@effect/vitest"
import { Auth, UizaConfig, User } from "@uiza-effect/core"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as LogLevel from "effect/LogLevel"
import * as Redacted from "effect/Redacted"
import { inspect } from "node:util"
import { capture, exitTexts } from "./support/capture.js"
import {
  bodyOf,
  credentials,
  failure,
  issuedToken,
  json,
  origin,
  password,
  pathOf,
  router,
  success
} from "./support/endpoints.js"
import { fixture, reply, stubHttpClient, stubUiza, token } from "./support/stubHttpClient.js"

const fromFixture = (name: string) => () => json(200, fixture(name))

describe("Auth.createToken", () => {
  it.effect("POSTs the credentials with no Authorization, and needs only an HttpClient", () =>
    Effect.gen(function*() {
      const stub = stubHttpClient(fromFixture("auth-token.json"))
      const issued = yield* Effect.provide(Auth.createToken(credentials), stub.layer)
      expect(stub.requests).toHaveLength(1)
      const [request] = stub.requests
      expect(request.method).toBe("POST")
      expect(request.url).toBe(`${origin}/api/public/v3/admin/user/auth`)
      expect(request.urlParams).toEqual([])
      expect(bodyOf(request)).toStrictEqual({
        username: "admin@example.com",
        password,
        domain: "your-workspace.uiza.co"
      })
      expect(Object.keys(request.headers).sort()).toEqual(["accept", "content-length", "content-type"])
      expect(request.headers).toMatchObject({ accept: "application/json", "content-type": "application/json" })
      expect(Redacted.value(issued.token)).toBe(issuedToken)
      expect(issued.appId).toBe("a204e9cdeca44948a33e0d012ef74e90")
    }))

  it.effect("a Redacted password is sent raw", () =>
    Effect.gen(function*() {
      const stub = stubHttpClient(fromFixture("auth-token.json"))
      yield* Effect.provide(Auth.createToken({ ...credentials, password: Redacted.make(password) }), stub.layer)
      expect(bodyOf(stub.requests[0])).toMatchObject({ password })
    }))

  it.effect("the token is Redacted however the result is rendered", () =>
    Effect.gen(function*() {
      const issued = yield* Effect.provide(
        Auth.createToken(credentials),
        stubHttpClient(fromFixture("auth-token.json")).layer
      )
      expect(Redacted.isRedacted(issued.token)).toBe(true)
      expect(String(issued.token)).toBe("<redacted>")
      expect(JSON.stringify(issued)).toBe("{\"token\":\"<redacted>\",\"appId\":\"a204e9cdeca44948a33e0d012ef74e90\"}")
      expect(inspect(issued)).toContain("<redacted>")
      for (const text of exitTexts(Exit.succeed(issued))) expect(text).not.toContain(issuedToken)
    }))

  it.effect("goes to the workspace named in the input, normalised like UizaConfig's", () =>
    Effect.gen(function*() {
      const stub = stubHttpClient(fromFixture("auth-token.json"))
      yield* Effect.provide(
        Auth.createToken({ ...credentials, workspaceApiDomain: "https://Workspace.Example.COM:8443/" }),
        stub.layer
      )
      expect(stub.requests[0].url).toBe("https://workspace.example.com:8443/api/public/v3/admin/user/auth")
    }))

  it.effect("ignores the configured workspace and token", () =>
    Effect.gen(function*() {
      const stub = stubUiza(fromFixture("auth-token.json"), { workspaceApiDomain: "elsewhere.example.com" })
      yield* Effect.provide(Auth.createToken(credentials), stub.layer)
      expect(stub.requests[0].url).toBe(`${origin}/api/public/v3/admin/user/auth`)
      expect(stub.requests[0].headers).not.toHaveProperty("authorization")
    }))

  it.effect("wrong credentials are an UnauthorizedError with the endpoint's link", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Effect.provide(
        Auth.createToken(credentials),
        stubHttpClient(reply(401, fixture("error-401.json"))).layer
      ))
      expect(error).toMatchObject({
        _tag: "UnauthorizedError",
        status: 401,
        descriptionLink: "https://docs.uiza.io/#get-token",
        attempts: 1
      })
    }))

  it.effect("a reply without a usable token or appId is a ResponseDecodeError", () =>
    Effect.gen(function*() {
      for (
        const data of [{ appId: "a" }, { token: "", appId: "a" }, { token: 42, appId: "a" }, { token: "t" }, null]
      ) {
        const error = yield* Effect.flip(
          Effect.provide(Auth.createToken(credentials), stubHttpClient(reply(200, success(data))).layer)
        )
        expect(error._tag).toBe("ResponseDecodeError")
      }
    }))

  it.effect("an issued token no call could send is refused, and stays out of the error", () =>
    Effect.gen(function*() {
      const unusableTokens = [
        `${issuedToken} x`,
        `${issuedToken}\n`,
        `${issuedToken}\tx`,
        `${issuedToken}\r\n`,
        `${issuedToken}\u0001`,
        `${issuedToken}\u00e9`,
        `x\u0000${issuedToken}`
      ]
      for (const unusable of unusableTokens) {
        const exit = yield* Effect.exit(
          Effect.provide(
            Auth.createToken(credentials),
            stubHttpClient(reply(200, success({ token: unusable, appId: "a" }))).layer
          )
        )
        if (Exit.isSuccess(exit)) return expect.fail("an unusable token was returned")
        const error = Cause.squash(exit.cause)
        expect(error).toMatchObject({ _tag: "ResponseDecodeError", status: 200 })
        expect((error as Error).message).toContain(
          "data.token must be a token that can be sent as the Authorization header"
        )
        // Quoted in the error re-serialised, the token's control characters are JSON escapes: no
        // rendering holds the token in either form, nor the part of it a server would have meant.
        for (const text of exitTexts(exit)) {
          expect(text).not.toContain(unusable)
          expect(text).not.toContain(JSON.stringify(unusable).slice(1, -1))
          expect(text).not.toContain(issuedToken)
        }
      }
    }))

  it.effect("an issued token in a reply that does not decode stays out of the error", () =>
    Effect.gen(function*() {
      for (
        const answer of [
          reply(200, success({ token: issuedToken, appId: 42 })),
          reply(200, failure(401, { message: `not for ${issuedToken}`, data: { token: issuedToken } })),
          reply(500, failure(500, { message: `issued ${issuedToken}`, data: { token: issuedToken } }))
        ]
      ) {
        const exit = yield* Effect.exit(Effect.provide(Auth.createToken(credentials), stubHttpClient(answer).layer))
        expect(Exit.isFailure(exit)).toBe(true)
        for (const text of exitTexts(exit)) expect(text).not.toContain(issuedToken)
      }
    }))
})

describe("Auth.checkToken", () => {
  it.effect("POSTs with the configured token and no body", () =>
    Effect.gen(function*() {
      const stub = stubUiza(fromFixture("auth-check-token.json"))
      const status = yield* Effect.provide(Auth.checkToken(), stub.layer)
      expect(stub.requests).toHaveLength(1)
      const [request] = stub.requests
      expect(request.method).toBe("POST")
      expect(request.url).toBe(`${origin}/api/public/v3/admin/user/auth/check-token`)
      expect(request.urlParams).toEqual([])
      expect(request.body._tag).toBe("Empty")
      expect(Object.keys(request.headers).sort()).toEqual(["accept", "authorization", "content-type"])
      expect(request.headers).toMatchObject({ authorization: token, "content-type": "application/json" })
      expect(status).toStrictEqual({ expiresAt: new Date("2018-11-06T04:29:22Z") })
    }))

  it.effect("expired is read as UTC, whatever the machine's time zone", () =>
    Effect.gen(function*() {
      for (
        const [expired, iso] of [
          ["11/06/2018 04:29:22", "2018-11-06T04:29:22.000Z"],
          ["02/29/2024 23:59:59", "2024-02-29T23:59:59.000Z"],
          ["01/01/2030 00:00:00", "2030-01-01T00:00:00.000Z"]
        ]
      ) {
        const body = success({ token, expired })
        const status = yield* Effect.provide(Auth.checkToken(), stubUiza(reply(200, body)).layer)
        expect(status.expiresAt).toBeInstanceOf(Date)
        expect(status.expiresAt.toISOString()).toBe(iso)
      }
    }))

  it.effect.each([
    "13/06/2018 04:29:22",
    "02/30/2019 00:00:00",
    "11/06/2018 24:00:00",
    "11/06/2018",
    "2018-11-06T04:29:22Z",
    "11/6/2018 4:29:22",
    42,
    null
  ])("expired %j is a ResponseDecodeError naming data.expired", (expired) =>
    Effect.gen(function*() {
      const body = success({ token, expired })
      const error = yield* Effect.flip(Effect.provide(Auth.checkToken(), stubUiza(reply(200, body)).layer))
      expect(error).toMatchObject({ _tag: "ResponseDecodeError", status: 200 })
      expect(error.message).toContain("data.expired")
    }))

  it.effect("a revoked token is an UnauthorizedError with the endpoint's link", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        Effect.provide(Auth.checkToken(), stubUiza(reply(401, fixture("error-401.json"))).layer)
      )
      expect(error).toMatchObject({ _tag: "UnauthorizedError", descriptionLink: "https://docs.uiza.io/#check-token" })
    }))
})

describe("UizaConfig.layerLogin", () => {
  const session = (answer: Parameters<typeof stubHttpClient>[0], settings: Partial<UizaConfig.LoginOptions> = {}) => {
    const stub = stubHttpClient(answer)
    return {
      requests: stub.requests,
      layer: UizaConfig.layerLogin({ ...credentials, maxRetries: 0, ...settings }).pipe(Layer.provideMerge(stub.layer))
    }
  }

  const workspace = (logout: () => Response = fromFixture("logout-200-documented.json")) =>
    router({
      "POST /admin/user/auth": fromFixture("auth-token.json"),
      "GET /admin/user": fromFixture("user-list-page.json"),
      "POST /admin/user/logout": logout
    })

  it.effect("creates a token when built, calls with it, and logs out when the scope closes", () =>
    Effect.gen(function*() {
      const { layer, requests } = session(workspace())
      const page = yield* Effect.provide(
        Effect.gen(function*() {
          // Built: only the login so far.
          expect(requests.map(pathOf)).toEqual(["/api/public/v3/admin/user/auth"])
          const settings = yield* UizaConfig.UizaConfig
          expect(Redacted.value(settings.authorization)).toBe(issuedToken)
          return yield* User.list()
        }),
        layer
      )
      expect(page.total).toBe(17)
      expect(requests.map((request) => `${request.method} ${pathOf(request)}`)).toEqual([
        "POST /api/public/v3/admin/user/auth",
        "GET /api/public/v3/admin/user",
        "POST /api/public/v3/admin/user/logout"
      ])
      expect(requests[0].headers).not.toHaveProperty("authorization")
      expect(bodyOf(requests[0])).toStrictEqual({
        username: credentials.username,
        password,
        domain: credentials.domain
      })
      expect(requests[1].headers.authorization).toBe(issuedToken)
      expect(requests[2].headers.authorization).toBe(issuedToken)
    }))

  it.effect("logs out once the scope closes, even when the program fails", () =>
    Effect.gen(function*() {
      const { layer, requests } = session(workspace())
      const exit = yield* Effect.exit(Effect.provide(Effect.fail("the program's own failure"), layer))
      expect(exit).toStrictEqual(Exit.fail("the program's own failure"))
      expect(requests.map(pathOf).at(-1)).toBe("/api/public/v3/admin/user/logout")
    }))

  it.effect.each(
    [
      ["a 500", () => json(500, failure(500))],
      ["a 401", () => json(401, fixture("error-401.json"))],
      ["an HTML page", () => new Response("<html>oops</html>", { status: 200 })]
    ] as const
  )("a failed logout (%s) is logged at Warning and not raised", ([, logout]) =>
    Effect.gen(function*() {
      const { layer, requests } = session(workspace(logout))
      const { exit, logs } = yield* capture(Effect.provide(User.list(), layer))
      expect(Exit.isSuccess(exit)).toBe(true)
      expect(requests.map(pathOf).at(-1)).toBe("/api/public/v3/admin/user/logout")
      const warnings = logs.filter((line) => line.level === LogLevel.Warning)
      expect(warnings.length).toBeGreaterThan(0)
      expect(warnings[0].text).toContain("logout")
      for (const line of logs) {
        expect(line.text).not.toContain(issuedToken)
        expect(line.text).not.toContain(password)
      }
    }))

  it.effect("a failed login fails the layer, and nothing else is sent", () =>
    Effect.gen(function*() {
      const { layer, requests } = session(
        router({ "POST /admin/user/auth": () => json(401, fixture("error-401.json")) })
      )
      const error = yield* Effect.flip(Effect.provide(User.list(), layer))
      expect(error).toMatchObject({ _tag: "UnauthorizedError", descriptionLink: "https://docs.uiza.io/#get-token" })
      expect(requests).toHaveLength(1)
    }))

  it.effect("a password outside 6 to 25 characters fails the layer before anything is sent", () =>
    Effect.gen(function*() {
      const { layer, requests } = session(workspace(), { password: "five5" })
      const error = yield* Effect.flip(Effect.provide(User.list(), layer))
      expect(error).toMatchObject({ _tag: "InvalidInputError", field: "password" })
      expect(requests).toHaveLength(0)
    }))

  it.effect("an invalid domain fails the layer before anything is sent", () =>
    Effect.gen(function*() {
      const { layer, requests } = session(workspace(), { workspaceApiDomain: "ftp://nope" })
      const error = yield* Effect.flip(Effect.provide(User.list(), layer))
      expect(error).toMatchObject({ _tag: "InvalidInputError", field: "workspaceApiDomain" })
      expect(requests).toHaveLength(0)
    }))

  it.effect("the session's settings apply to its calls", () =>
    Effect.gen(function*() {
      const { layer, requests } = session(
        router({
          "POST /admin/user/auth": fromFixture("auth-token.json"),
          "GET /admin/user": () => json(503, failure(503)),
          "POST /admin/user/logout": fromFixture("logout-200-documented.json")
        }),
        { maxRetries: 0, timeout: "7 seconds" }
      )
      const settings = yield* Effect.provide(UizaConfig.UizaConfig, layer)
      expect(settings.maxRetries).toBe(0)
      expect(settings.baseUrl).toBe(origin)
      const error = yield* Effect.flip(Effect.provide(User.list(), layer))
      expect(error).toMatchObject({ _tag: "ServiceUnavailableError", attempts: 1 })
      expect(requests.filter((request) => request.method === "GET")).toHaveLength(1)
    }))
})
