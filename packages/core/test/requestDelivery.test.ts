import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import { describe, expect, it } from "@effect/vitest"
import { RequestDelivery, UizaConfig, type UizaError, User } from "@uiza-effect/core"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as TestClock from "effect/TestClock"
import { token } from "./support/stubHttpClient.js"

type Step = "queued" | "written" | "silent"

// A client that reports how far its request got (or nothing), then either never answers or fails in the transport.
const reportingUiza = (
  step: Step,
  outcome: "stall" | "reset",
  settings: Partial<UizaConfig.Options> = {}
) => {
  let requests = 0
  const client = HttpClient.make((request) =>
    Effect.flatMap(RequestDelivery.Report, (report) => {
      requests++
      if (step !== "silent") report(false)
      if (step === "written") report(true)
      return outcome === "stall"
        ? Effect.never
        : Effect.fail(
          new HttpClientError.RequestError({
            request,
            reason: "Transport",
            cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })
          })
        )
    })
  )
  const layer = Layer.merge(
    Layer.succeed(HttpClient.HttpClient, client),
    UizaConfig.layer({ workspaceApiDomain: "api.uiza.example", authorization: token, maxRetries: 2, ...settings })
  )
  return { layer, requests: () => requests }
}

const runToEnd = (layer: Layer.Layer<HttpClient.HttpClient | UizaConfig.UizaConfig, UizaError.UizaConfigError>) =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(Effect.flip(Effect.provide(User.logout(), layer)))
    yield* TestClock.adjust("5 minutes")
    return yield* Fiber.join(fiber)
  })

describe("what a client reports about writing the request", () => {
  it.effect("a timeout while the request was still queued: not delivered; written or unreported: possibly", () =>
    Effect.gen(function*() {
      const queued = yield* runToEnd(reportingUiza("queued", "stall", { timeout: "2 seconds" }).layer)
      expect(queued).toMatchObject({ _tag: "TimeoutError", phase: "response", possiblyDelivered: false, attempts: 1 })
      expect(queued.message).toContain("waiting for a free connection")
      for (const step of ["written", "silent"] as const) {
        const error = yield* runToEnd(reportingUiza(step, "stall", { timeout: "2 seconds" }).layer)
        expect(error).toMatchObject({ _tag: "TimeoutError", possiblyDelivered: true, attempts: 1 })
      }
    }))

  it.effect("a reset before the request was written: not delivered and retried; after it: not retried", () =>
    Effect.gen(function*() {
      const queued = reportingUiza("queued", "reset")
      const error = yield* runToEnd(queued.layer)
      expect(error).toMatchObject({
        _tag: "ConnectionError",
        reason: "ECONNRESET",
        possiblyDelivered: false,
        retryable: true,
        attempts: 3
      })
      expect(queued.requests()).toBe(3)
      for (const step of ["written", "silent"] as const) {
        const uiza = reportingUiza(step, "reset")
        expect(yield* runToEnd(uiza.layer)).toMatchObject({ possiblyDelivered: true, retryable: false, attempts: 1 })
        expect(uiza.requests()).toBe(1)
      }
    }))

  it.effect("a deadline that passes while the request is queued: not delivered", () =>
    Effect.gen(function*() {
      const error = yield* runToEnd(reportingUiza("queued", "stall", { deadline: "3 seconds" }).layer)
      expect(error).toMatchObject({ _tag: "TimeoutError", phase: "deadline", possiblyDelivered: false })
      const written = yield* runToEnd(reportingUiza("written", "stall", { deadline: "3 seconds" }).layer)
      expect(written).toMatchObject({ _tag: "TimeoutError", phase: "deadline", possiblyDelivered: true })
    }))
})
