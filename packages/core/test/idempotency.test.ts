import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { describe, expect, it } from "@effect/vitest"
import { UizaConfig } from "@uiza-effect/core"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import { failure, json, type Operation, operations, runOnTestClock } from "./support/endpoints.js"
import { token } from "./support/stubHttpClient.js"

type Step = "refused" | "reset" | (() => Response)

const transportError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:443`), { code })

// A client that follows a script, one step a request (the last repeating), and counts them.
const scripted = (script: ReadonlyArray<Step>) => {
  let requests = 0
  const client = HttpClient.make((request) =>
    Effect.suspend(() => {
      const step = script[Math.min(requests++, script.length - 1)]
      if (step === "refused" || step === "reset") {
        const cause = new TypeError("fetch failed", {
          cause: transportError(step === "refused" ? "ECONNREFUSED" : "ECONNRESET")
        })
        return Effect.fail(new HttpClientError.RequestError({ request, reason: "Transport", cause }))
      }
      return Effect.succeed(HttpClientResponse.fromWeb(request, step()))
    })
  )
  const layer = Layer.merge(
    Layer.succeed(HttpClient.HttpClient, client),
    UizaConfig.layer({ workspaceApiDomain: "your-workspace-api-domain.uiza.co", authorization: token, maxRetries: 2 })
  )
  return { layer, requests: () => requests }
}

const run = (operation: Operation, script: ReadonlyArray<Step>) =>
  Effect.gen(function*() {
    const server = scripted(script)
    const exit = yield* runOnTestClock(Effect.provide(operation.call({ maxRetries: 2 }), server.layer))
    return { exit, requests: server.requests() }
  })

const idempotent = operations.filter((operation) => operation.idempotent)
const notIdempotent = operations.filter((operation) => !operation.idempotent)

describe("retries follow idempotency", () => {
  it("the families split as documented", () => {
    expect(idempotent.map((operation) => operation.name)).toEqual([
      "User.retrieve",
      "User.list",
      "User.update",
      "User.delete",
      "User.logout",
      "Auth.checkToken"
    ])
    expect(notIdempotent.map((operation) => operation.name)).toEqual([
      "User.create",
      "User.changePassword",
      "Auth.createToken"
    ])
  })

  describe.each(idempotent)("$name (repeatable)", (operation) => {
    it.effect.each([500, 503])("retries a %i, then succeeds", (status) =>
      Effect.gen(function*() {
        const { exit, requests } = yield* run(operation, [
          () => json(status, failure(status, { retryable: true })),
          operation.success
        ])
        expect(Exit.isSuccess(exit)).toBe(true)
        expect(requests).toBe(2)
      }))

    it.effect("gives up after maxRetries with the last error", () =>
      Effect.gen(function*() {
        const { exit, requests } = yield* run(operation, [() => json(503, failure(503, { retryable: true }))])
        expect(requests).toBe(3)
        expect(exit).toMatchObject({ _tag: "Failure" })
        if (Exit.isSuccess(exit)) return
        expect(exit.cause).toMatchObject({ error: { _tag: "ServiceUnavailableError", attempts: 3 } })
      }))

    it.effect("honours a body that says retryable: false", () =>
      Effect.gen(function*() {
        const { requests } = yield* run(operation, [
          () => json(503, failure(503, { retryable: false })),
          operation.success
        ])
        expect(requests).toBe(1)
      }))

    it.effect("retries a refused connection", () =>
      Effect.gen(function*() {
        const { exit, requests } = yield* run(operation, ["refused", operation.success])
        expect(Exit.isSuccess(exit)).toBe(true)
        expect(requests).toBe(2)
      }))
  })

  describe.each(notIdempotent)("$name (not repeatable)", (operation) => {
    it.effect.each([500, 502, 503, 429])("never sends a %i's request again", (status) =>
      Effect.gen(function*() {
        const { exit, requests } = yield* run(operation, [
          () => json(status, failure(status, { retryable: true })),
          operation.success
        ])
        expect(requests).toBe(1)
        if (Exit.isSuccess(exit)) return expect.fail("the failure was retried")
        expect(exit.cause).toMatchObject({ error: { status, attempts: 1, retryable: true } })
      }))

    it.effect("retries a refused connection: nothing was delivered", () =>
      Effect.gen(function*() {
        const { exit, requests } = yield* run(operation, ["refused", "refused", operation.success])
        expect(Exit.isSuccess(exit)).toBe(true)
        expect(requests).toBe(3)
      }))
  })

  describe.each(operations)("$name", (operation) => {
    it.effect("a reset after the request was written is never retried", () =>
      Effect.gen(function*() {
        const { exit, requests } = yield* run(operation, ["reset", operation.success])
        expect(requests).toBe(1)
        if (Exit.isSuccess(exit)) return expect.fail("the reset was retried")
        expect(exit.cause).toMatchObject({ error: { _tag: "ConnectionError", possiblyDelivered: true } })
      }))

    it.effect("a 4xx is never retried", () =>
      Effect.gen(function*() {
        const { requests } = yield* run(operation, [() => json(400, failure(400)), operation.success])
        expect(requests).toBe(1)
      }))
  })
})
