import { assert, describe, expect, it, layer } from "@effect/vitest"
import { UizaConfig, User } from "@uiza-effect/core"
import { UizaTest } from "@uiza-effect/testing"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import { inspect } from "node:util"
import { signOut } from "./userProgram.js"

const logoutPath = "/api/public/v3/admin/user/logout"

describe("UizaTest (in memory)", () => {
  describe("behaves like the API", () => {
    it.effect("a valid token logs out, and the API revokes it", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        expect(yield* kit.isValid(kit.token)).toBe(true)

        const outcome = yield* signOut()
        expect(outcome._tag).toBe("SignedOut")
        if (outcome._tag === "SignedOut") expect(outcome.message).toBe("Logout success")
        expect(outcome.requestId).toMatch(/^[0-9a-f-]{36}$/)
        expect(yield* kit.isValid(kit.token)).toBe(false)
      }).pipe(Effect.provide(UizaTest.layer())))

    it.effect("the same token again gets the 401 envelope, as UnauthorizedError", () =>
      Effect.gen(function*() {
        expect((yield* signOut())._tag).toBe("SignedOut")
        expect((yield* signOut())._tag).toBe("AlreadySignedOut")

        const error = yield* Effect.flip(User.logout())
        expect(error._tag).toBe("UnauthorizedError")
        if (error._tag !== "UnauthorizedError") return
        expect(error.status).toBe(401)
        expect(error.code).toBe(401)
        expect(error.attempts).toBe(1) // a 401 is never retried
        expect(error.descriptionLink).toBe("https://docs.uiza.io/#log-out")
      }).pipe(Effect.provide(UizaTest.layer())))

    it.effect("an unknown token is unauthorised; a token added later is accepted", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        expect(kit.tokens).toEqual([])
        expect((yield* signOut())._tag).toBe("AlreadySignedOut")

        yield* kit.addToken(kit.token)
        expect((yield* signOut())._tag).toBe("SignedOut")
      }).pipe(Effect.provide(UizaTest.layer({ tokens: [] }))))

    it.effect("given tokens and a chosen one", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        expect(kit.token).toBe("uap-22222222222222222222222222222222-22222222")
        yield* signOut()
        expect(yield* kit.isValid("uap-11111111111111111111111111111111-11111111")).toBe(true)
        expect(yield* kit.isValid(kit.token)).toBe(false)
      }).pipe(Effect.provide(UizaTest.layer({
        tokens: ["uap-11111111111111111111111111111111-11111111", "uap-22222222222222222222222222222222-22222222"],
        authorization: "uap-22222222222222222222222222222222-22222222"
      }))))

    it.effect("a request to another host never leaves: ConnectionError ENOTFOUND", () =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(User.logout({ maxRetries: 0 })).pipe(
          Effect.provide(UizaConfig.layer({ workspaceApiDomain: "elsewhere.example", authorization: "uap-x" }))
        )
        expect(error._tag).toBe("ConnectionError")
        if (error._tag === "ConnectionError") expect(error.reason).toBe("ENOTFOUND")
        const kit = yield* UizaTest.UizaTest
        expect((yield* kit.requests).map((request) => request.answeredBy)).toEqual(["unknown-host"])
      }).pipe(Effect.provide(UizaTest.layer())))
  })

  describe("records the requests it received", () => {
    it.effect("method, url, headers (token redacted), body", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        yield* signOut()
        const requests = yield* kit.requests
        expect(requests).toHaveLength(1)
        const [request] = requests
        expect(request.method).toBe("POST")
        expect(request.url).toBe(`https://your-workspace-api-domain.uiza.co${logoutPath}`)
        expect(request.headers["authorization"]).toBe("<redacted>")
        expect(request.headers["content-type"]).toBe("application/json")
        expect(request.headers["accept"]).toBe("application/json")
        // No body, as the docs' request has none.
        expect(request.body).toBe("")
        expect(request.json).toBeUndefined()
        expect(request.answeredBy).toBe("server")

        // The token is there only when asked for.
        expect(Option.map(request.authorization, Redacted.value)).toEqual(Option.some(kit.token))
        const printed = JSON.stringify(requests) + inspect(requests, { depth: Infinity }) +
          String(request.authorization)
        expect(printed).not.toContain(kit.token)

        yield* kit.clearRequests
        expect(yield* kit.requests).toEqual([])
      }).pipe(Effect.provide(UizaTest.layer())))
  })

  describe("faults on demand", () => {
    it.effect("any status: the next N requests get it, then the API answers again", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        yield* kit.failNext(UizaTest.reply(503, { message: "down for maintenance" }), 2)
        expect(yield* kit.pendingFaults).toBe(2)

        const first = yield* Effect.flip(signOut())
        expect(first._tag).toBe("ServiceUnavailableError")
        if (first._tag === "ServiceUnavailableError") {
          expect(first.message).toBe("down for maintenance")
          expect(first.retryable).toBe(true)
        }
        expect((yield* Effect.flip(signOut()))._tag).toBe("ServiceUnavailableError")
        expect((yield* signOut())._tag).toBe("SignedOut")
        expect((yield* kit.requests).map((request) => request.answeredBy)).toEqual(["fault", "fault", "server"])
      }).pipe(Effect.provide(UizaTest.layer({ maxRetries: 0 }))))

    it.effect("a retried 5xx: the SDK's backoff runs on the TestClock (fastForward)", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        yield* kit.failNext(UizaTest.reply(500), 2)
        const outcome = yield* UizaTest.fastForward(signOut())
        expect(outcome._tag).toBe("SignedOut")
        expect(yield* kit.requests).toHaveLength(3)
        expect(yield* TestClock.currentTimeMillis).toBeGreaterThan(0) // the backoff happened on the test clock
      }).pipe(Effect.provide(UizaTest.layer({ maxRetries: 2 }))))

    it.effect("a retried 5xx with TestClock.adjust by hand", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        yield* kit.failNext(UizaTest.reply(503, { headers: { "retry-after": "3" } }))
        const fiber = yield* Effect.fork(signOut())
        // Wait until the first attempt has failed and the retry is sleeping.
        while ((yield* kit.requests).length < 1 || (yield* TestClock.sleeps()).length === 0) {
          yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 1)))
        }
        yield* TestClock.adjust("2 seconds")
        expect(yield* kit.requests).toHaveLength(1) // Retry-After: 3 is the lower bound of the wait
        yield* TestClock.adjust("1 second")
        expect((yield* Fiber.join(fiber))._tag).toBe("SignedOut")
        expect(yield* kit.requests).toHaveLength(2)
      }).pipe(Effect.provide(UizaTest.layer({ maxRetries: 2 }))))

    it.effect("any headers and body: an HTML gateway page", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        yield* kit.failNext(UizaTest.reply(502, {
          headers: { "content-type": "text/html" },
          body: "<html><body><h1>502 Bad Gateway</h1></body></html>"
        }))
        const error = yield* Effect.flip(signOut())
        expect(error._tag).toBe("ServerError")
        if (error._tag !== "ServerError") return
        expect(error.status).toBe(502)
        expect(error.bodyExcerpt).toContain("502 Bad Gateway")
      }).pipe(Effect.provide(UizaTest.layer({ maxRetries: 0 }))))

    it.effect("a 200 that is not an envelope is a ResponseDecodeError", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        yield* kit.failNext(UizaTest.reply(200, { body: { hello: "world" } }))
        expect((yield* Effect.flip(signOut()))._tag).toBe("ResponseDecodeError")
        // The token was not used: the API still accepts it.
        expect(yield* kit.isValid(kit.token)).toBe(true)
      }).pipe(Effect.provide(UizaTest.layer())))

    it.effect("a redirect is never followed: ResponseDecodeError, and the token stays home", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        yield* kit.failNext(UizaTest.reply(307, { headers: { location: "https://evil.example/logout" } }))
        const error = yield* Effect.flip(signOut())
        expect(error._tag).toBe("ResponseDecodeError")
        expect((yield* kit.requests).map((request) => request.answeredBy)).toEqual(["fault"])
      }).pipe(Effect.provide(UizaTest.layer())))

    it.effect("a 200 whose body says 401 is an UnauthorizedError", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        yield* kit.failNext(UizaTest.reply(200, { body: { code: 401, type: "ERROR", message: "Unauthorized" } }))
        expect((yield* signOut())._tag).toBe("AlreadySignedOut")
      }).pipe(Effect.provide(UizaTest.layer())))

    it("reply refuses a status a web Response cannot carry", () => {
      expect(() => UizaTest.reply(101)).toThrow(RangeError)
      expect(() => UizaTest.reply(600)).toThrow(RangeError)
    })

    it.effect("a 422 with field errors", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        yield* kit.failNext(UizaTest.reply(422, {
          body: {
            code: 422,
            type: "ERROR",
            message: "Validation failed",
            data: [{ type: "required", field: "id", message: "id is required" }]
          }
        }))
        const error = yield* Effect.flip(signOut())
        expect(error._tag).toBe("UnprocessableError")
        if (error._tag === "UnprocessableError") {
          expect(error.fieldErrors.map((fieldError) => fieldError.field)).toEqual(["id"])
        }
      }).pipe(Effect.provide(UizaTest.layer())))

    it.effect("a refused connection is a ConnectionError, retried by the SDK", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        yield* kit.failNext(UizaTest.connectionFailure(), 3)
        const error = yield* Effect.flip(UizaTest.fastForward(signOut()))
        expect(error._tag).toBe("ConnectionError")
        if (error._tag !== "ConnectionError") return
        expect(error.reason).toBe("ECONNREFUSED")
        expect(error.possiblyDelivered).toBe(false)
        expect(error.attempts).toBe(3)
        expect(error.message).not.toContain(kit.token)
      }).pipe(Effect.provide(UizaTest.layer({ maxRetries: 2 }))))

    it.effect("a reset may have been delivered: not retried", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        yield* kit.failNext(UizaTest.connectionFailure("ECONNRESET"))
        const error = yield* Effect.flip(signOut())
        expect(error._tag).toBe("ConnectionError")
        if (error._tag !== "ConnectionError") return
        expect(error.possiblyDelivered).toBe(true)
        expect(error.attempts).toBe(1)
      }).pipe(Effect.provide(UizaTest.layer())))

    it.effect("a delay longer than the SDK's timeout is a TimeoutError", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        yield* kit.failNext(UizaTest.delay("1 minute"))
        const error = yield* Effect.flip(UizaTest.fastForward(signOut()))
        expect(error._tag).toBe("TimeoutError")
        if (error._tag === "TimeoutError") expect(error.phase).toBe("response")
        expect(yield* TestClock.currentTimeMillis).toBe(5_000)
      }).pipe(Effect.provide(UizaTest.layer({ timeout: "5 seconds" }))))

    it.effect("a short delay, then the emulation answers", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        yield* kit.failNext(UizaTest.delay("2 seconds"))
        expect((yield* UizaTest.fastForward(signOut()))._tag).toBe("SignedOut")
        expect(yield* TestClock.currentTimeMillis).toBe(2_000)
      }).pipe(Effect.provide(UizaTest.layer())))
  })

  describe("a forgotten fastForward fails fast, saying what to do", () => {
    // What a call that waits on a clock nobody moves ends with: its defect, and how long it took.
    const stalled = <A, E, R>(self: Effect.Effect<A, E, R>) =>
      Effect.gen(function*() {
        const startedAt = Date.now()
        const exit = yield* Effect.exit(self)
        const realMillis = Date.now() - startedAt
        assert(Exit.isFailure(exit), "the call should have failed")
        const defect = Cause.dieOption(exit.cause)
        assert(Option.isSome(defect), `a defect, not ${Cause.pretty(exit.cause)}`)
        assert(defect.value instanceof Error)
        return { message: defect.value.message, name: defect.value.name, realMillis }
      })

    it.effect("a retry on the TestClock, without fastForward", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        yield* kit.failNext(UizaTest.reply(503))
        const { message, name, realMillis } = yield* stalled(User.logout())
        expect(name).toBe("StalledTestClock")
        expect(message).toMatch(
          /^UizaTest: Uiza\.User\.logout is waiting \d+ ms on the TestClock before a retry .*for 500 ms of real time/
        )
        expect(message).toContain("run the call in UizaTest.fastForward(...)")
        expect(message).toContain("TestClock.adjust")
        expect(message).toContain("it.live")
        expect(realMillis).toBeLessThan(3_000) // not the test runner's 5 s timeout
        expect(yield* kit.requests).toHaveLength(1)
      }).pipe(Effect.provide(UizaTest.layer({ maxRetries: 2 }))))

    it.effect("a delay fault, without fastForward", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        yield* kit.failNext(UizaTest.delay("1 minute"))
        const { message, realMillis } = yield* stalled(User.logout())
        expect(message).toContain("is waiting 60000 ms on the TestClock for a UizaTest.delay fault")
        expect(realMillis).toBeLessThan(3_000)
      }).pipe(Effect.provide(UizaTest.layer())))

    it.effect("the limit is an option", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        yield* kit.failNext(UizaTest.reply(503))
        const { message } = yield* stalled(User.logout())
        expect(message).toContain("for 100 ms of real time")
      }).pipe(Effect.provide(UizaTest.layer({ maxRetries: 1, stalledClockLimit: "100 millis" }))))

    it.effect("a test that moves the clock later than the limit can raise it, or turn it off", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        yield* kit.failNext(UizaTest.reply(503, { headers: { "retry-after": "1" } }))
        const fiber = yield* Effect.fork(signOut())
        yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 300)))
        yield* TestClock.adjust("1 second")
        expect((yield* Fiber.join(fiber))._tag).toBe("SignedOut")
      }).pipe(Effect.provide(UizaTest.layer({ maxRetries: 1, stalledClockLimit: Duration.infinity }))))

    it.effect("a clock moved now and then keeps the call alive", () =>
      Effect.gen(function*() {
        const kit = yield* UizaTest.UizaTest
        yield* kit.failNext(UizaTest.reply(503, { headers: { "retry-after": "3" } }))
        const fiber = yield* Effect.fork(signOut())
        while ((yield* TestClock.sleeps()).length === 0) {
          yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 1)))
        }
        // Three seconds of test time, one every 80 ms of real time: 240 ms in all, over the limit.
        for (let second = 0; second < 3; second++) {
          yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 80)))
          yield* TestClock.adjust("1 second")
        }
        expect((yield* Fiber.join(fiber))._tag).toBe("SignedOut")
      }).pipe(Effect.provide(UizaTest.layer({ maxRetries: 1, stalledClockLimit: "200 millis" }))))

    it.effect("the test's own sleeps are left alone", () =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(Effect.sleep("1 minute"))
        yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 300)))
        yield* TestClock.adjust("1 minute")
        expect(Exit.isSuccess(yield* Fiber.await(fiber))).toBe(true)
      }).pipe(Effect.provide(UizaTest.layer({ stalledClockLimit: "100 millis" }))))

    layer(UizaTest.layer({ maxRetries: 2 }))("with a layer shared by a block", (it) => {
      it.effect("a retry without fastForward fails fast too", () =>
        Effect.gen(function*() {
          const kit = yield* UizaTest.UizaTest
          yield* kit.failNext(UizaTest.connectionFailure())
          const { message, realMillis } = yield* stalled(User.logout())
          expect(message).toContain("before a retry")
          expect(realMillis).toBeLessThan(3_000)
        }))

      it.effect("and fastForward still runs the retries", () =>
        Effect.gen(function*() {
          const kit = yield* UizaTest.UizaTest
          yield* kit.failNext(UizaTest.connectionFailure(), 2)
          expect((yield* UizaTest.fastForward(signOut()))._tag).toBe("SignedOut")
        }))
    })
  })

  it.effect("fastForward reaches sleeps that end at a fraction of a millisecond", () =>
    Effect.gen(function*() {
      // Two waits that start together, as a jittered backoff and an earlier one left pending can:
      // moving the clock by their difference would stop short of the second.
      yield* UizaTest.fastForward(
        Effect.all([Effect.sleep(Duration.millis(397.333941)), Effect.sleep(Duration.millis(495.385573))], {
          concurrency: 2
        })
      )
      expect(yield* TestClock.currentTimeMillis).toBe(495.385573)
    }))

  it.live("fastForward outside a TestClock just runs the program", () =>
    Effect.gen(function*() {
      expect((yield* UizaTest.fastForward(signOut()))._tag).toBe("SignedOut")
    }).pipe(Effect.provide(UizaTest.layer())))

  it.effect("an invalid configuration fails when the layer is built", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Layer.build(UizaTest.layer({ workspaceApiDomain: "http://example.com" })))
      expect(error._tag).toBe("UizaConfigError")
    }).pipe(Effect.scoped))
})

// One API shared by a block of tests: state carries over from test to test.
layer(UizaTest.layer())("UizaTest shared across a block", (it) => {
  it.effect("first test logs out", () =>
    Effect.gen(function*() {
      expect((yield* signOut())._tag).toBe("SignedOut")
    }))

  it.effect("the next test sees the revoked token", () =>
    Effect.gen(function*() {
      expect((yield* signOut())._tag).toBe("AlreadySignedOut")
      const kit = yield* UizaTest.UizaTest
      expect(yield* kit.requests).toHaveLength(2)
    }))
})
