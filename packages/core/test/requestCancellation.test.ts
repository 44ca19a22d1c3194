import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { describe, expect, it } from "@effect/vitest"
import { RequestCancellation, UizaConfig, User } from "@uiza-effect/core"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import type * as FiberId from "effect/FiberId"
import * as Layer from "effect/Layer"
import * as TestClock from "effect/TestClock"
import { token } from "./support/stubHttpClient.js"

interface Probe {
  /** The fiber each request ran in. */
  readonly fibers: Array<FiberId.FiberId>
  /** How many times a registered cancel was called. */
  cancels: number
}

type Stage = "request" | "body"

// A client that never answers by itself: cancelling ends the request (or, at "body", the read
// of a response that has come) with a failure, as the SDK's own clients do.
const stallingClient = (probe: Probe, stage: Stage, options: { readonly registerAfterMillis?: number } = {}) =>
  HttpClient.make((request) =>
    Effect.flatMap(Effect.zip(Effect.fiberId, RequestCancellation.Register), ([fiberId, register]) => {
      probe.fibers.push(fiberId)
      const failWhenCancelled = <A>(fail: () => A) =>
        Effect.async<never, A>((resume) => {
          const registerNow = () =>
            register(() => {
              probe.cancels++
              resume(Effect.fail(fail()))
            })
          if (options.registerAfterMillis === undefined) registerNow()
          else setTimeout(registerNow, options.registerAfterMillis)
        })
      const transportFailure = () =>
        new HttpClientError.RequestError({ request, reason: "Transport", cause: "cancelled" })
      if (stage === "request") return failWhenCancelled(transportFailure)
      const response = HttpClientResponse.fromWeb(request, new Response(null, { status: 200 }))
      const stalledBody = failWhenCancelled(() =>
        new HttpClientError.ResponseError({ request, response, reason: "Decode", cause: "cancelled" })
      )
      return Effect.succeed(
        Object.create(response, { text: { value: stalledBody } }) as HttpClientResponse.HttpClientResponse
      )
    })
  )

const uizaOn = (client: HttpClient.HttpClient, timeout: Duration.DurationInput) =>
  Layer.merge(
    Layer.succeed(HttpClient.HttpClient, client),
    UizaConfig.layer({ workspaceApiDomain: "api.uiza.example", authorization: token, timeout, maxRetries: 0 })
  )

const cancelling = (client: HttpClient.HttpClient) => Object.assign(client, { [RequestCancellation.Supported]: true })

const newProbe = (): Probe => ({ fibers: [], cancels: 0 })

describe("a client that cancels its own requests", () => {
  it.live("is cancelled at the time limit, in the call's own fiber: a TimeoutError of the response phase", () =>
    Effect.gen(function*() {
      const probe = newProbe()
      const caller = yield* Effect.fiberId
      const error = yield* Effect.flip(
        Effect.provide(User.logout(), uizaOn(cancelling(stallingClient(probe, "request")), "50 millis"))
      )
      expect(error).toMatchObject({ _tag: "TimeoutError", phase: "response", possiblyDelivered: true, attempts: 1 })
      expect(probe.cancels).toBe(1)
      expect(probe.fibers).toStrictEqual([caller])
    }))

  it.live("a body that stalls is cancelled too: a TimeoutError of the body phase", () =>
    Effect.gen(function*() {
      const probe = newProbe()
      const error = yield* Effect.flip(
        Effect.provide(User.logout(), uizaOn(cancelling(stallingClient(probe, "body")), "50 millis"))
      )
      expect(error).toMatchObject({ _tag: "TimeoutError", phase: "body" })
      expect(probe.cancels).toBe(1)
    }))

  it.live("a cancel registered after the time is up runs at once", () =>
    Effect.gen(function*() {
      const probe = newProbe()
      const client = cancelling(stallingClient(probe, "request", { registerAfterMillis: 80 }))
      const started = Date.now()
      const error = yield* Effect.flip(Effect.provide(User.logout(), uizaOn(client, "20 millis")))
      expect(error).toMatchObject({ _tag: "TimeoutError", phase: "response" })
      expect(probe.cancels).toBe(1)
      expect(Date.now() - started).toBeGreaterThanOrEqual(70)
    }))

  it.live("a call interrupted first stops its timer: nothing is cancelled later", () =>
    Effect.gen(function*() {
      const probe = newProbe()
      const call = Effect.provide(User.logout(), uizaOn(cancelling(stallingClient(probe, "request")), "60 millis"))
      const fiber = yield* Effect.fork(call)
      yield* Effect.sleep("20 millis")
      yield* Fiber.interrupt(fiber)
      yield* Effect.sleep("120 millis")
      expect(probe.cancels).toBe(0)
    }))

  it.effect("on a TestClock the attempt runs in a fiber of its own, and moving the clock fires the limit", () =>
    Effect.gen(function*() {
      const probe = newProbe()
      const fiber = yield* Effect.fork(
        Effect.flip(Effect.provide(User.logout(), uizaOn(cancelling(stallingClient(probe, "request")), "5 seconds")))
      )
      yield* TestClock.adjust("5 seconds")
      const error = yield* Fiber.join(fiber)
      expect(error).toMatchObject({ _tag: "TimeoutError", phase: "response" })
      expect(probe.fibers).toHaveLength(1)
      expect(probe.fibers[0]).not.toStrictEqual(fiber.id())
    }))
})

describe("a client that does not", () => {
  it.live("gets a fiber of its own per attempt, interrupted at the limit", () =>
    Effect.gen(function*() {
      const probe = newProbe()
      const caller = yield* Effect.fiberId
      const error = yield* Effect.flip(
        Effect.provide(User.logout(), uizaOn(stallingClient(probe, "request"), "50 millis"))
      )
      expect(error).toMatchObject({ _tag: "TimeoutError", phase: "response" })
      expect(probe.cancels).toBe(0)
      expect(probe.fibers).toHaveLength(1)
      expect(probe.fibers[0]).not.toStrictEqual(caller)
    }))
})
