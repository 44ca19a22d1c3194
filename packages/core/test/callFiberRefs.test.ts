/**
 * What a call leaves in its caller's fiber: the services and the two tracing
 * settings it sets for its client are the caller's again afterwards, on
 * success, on failure and on interruption, and when the tracer fails; whatever
 * else the client changed in the fiber stays, as it would around
 * `Effect.provide` or `Effect.locally`. The call's span ends on every outcome,
 * a defect of its set-up included.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { describe, expect, it } from "@effect/vitest"
import { RequestCancellation, UizaConfig, User } from "@uiza-effect/core"
import * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import * as Layer from "effect/Layer"
import * as Tracer from "effect/Tracer"
import { fixture, token } from "./support/stubHttpClient.js"

class AppService extends Context.Tag("test/AppService")<AppService, string>() {}
const appRef = FiberRef.unsafeMake("app's value")

// What the caller sees of its own fiber.
const observed = Effect.all({
  context: Effect.map(Effect.context<never>(), (context) => [...context.unsafeMap.keys()].sort()),
  service: AppService,
  disabledWhen: FiberRef.get(HttpClient.currentTracerDisabledWhen),
  propagation: FiberRef.get(HttpClient.currentTracerPropagation),
  appRef: FiberRef.get(appRef)
})

// A client that answers logout and, if asked, changes a fiber ref of the app while it runs, built
// with `makeWith` and cancelling its own requests as the presets' clients are.
const layerWith = (answer: Effect.Effect<number>, setsAppRef: boolean) =>
  Layer.merge(
    Layer.succeed(
      HttpClient.HttpClient,
      Object.assign(
        HttpClient.makeWith<never, never, HttpClientError.HttpClientError, never>(
          Effect.flatMap((request) =>
            Effect.gen(function*() {
              if (setsAppRef) yield* FiberRef.set(appRef, "set by the client")
              const status = yield* answer
              return HttpClientResponse.fromWeb(
                request,
                new Response(fixture("logout-200-documented.json"), { status })
              )
            })
          ),
          Effect.succeed
        ),
        { [RequestCancellation.Supported]: true }
      )
    ),
    UizaConfig.layer({ workspaceApiDomain: "your-workspace-api-domain.uiza.co", authorization: token, maxRetries: 0 })
  )

const appTracerDisabledWhen = (): boolean => false

const around = (call: Effect.Effect<unknown, unknown, HttpClient.HttpClient | UizaConfig.UizaConfig>) =>
  Effect.gen(function*() {
    const before = yield* observed
    const exit = yield* Effect.exit(call)
    const after = yield* observed
    return { before, after, exit }
  }).pipe(
    Effect.provideService(AppService, "the app's"),
    Effect.locally(HttpClient.currentTracerDisabledWhen, appTracerDisabledWhen),
    Effect.provideService(Tracer.ParentSpan, Tracer.externalSpan({ spanId: "app-span", traceId: "app-trace" }))
  )

describe("the caller's fiber after a call", () => {
  it.effect("is as it was after a success and after a failure", () =>
    Effect.gen(function*() {
      for (const status of [200, 500]) {
        const { after, before, exit } = yield* Effect.provide(
          around(User.logout()),
          layerWith(Effect.succeed(status), false)
        )
        expect(exit._tag).toBe(status === 200 ? "Success" : "Failure")
        expect(after).toEqual(before)
        expect(after.appRef).toBe("app's value")
      }
    }))

  it.effect("keeps what the client changed, and still gets the call's own settings back", () =>
    Effect.gen(function*() {
      const { after, before } = yield* Effect.provide(around(User.logout()), layerWith(Effect.succeed(200), true))
      expect(after).toEqual({ ...before, appRef: "set by the client" })
    }))

  it.live("is as it was when the call is interrupted inside its client", () =>
    Effect.gen(function*() {
      const inClient = yield* Deferred.make<void>()
      const seen = yield* Deferred.make<{ readonly before: unknown; readonly after: unknown }>()
      const fiber = yield* Effect.fork(
        Effect.provide(
          Effect.gen(function*() {
            const before = yield* observed
            // Seen in the fiber that ran the call, once the call has ended.
            yield* Effect.onExit(
              User.logout(),
              () => Effect.flatMap(observed, (after) => Deferred.succeed(seen, { before, after }))
            )
          }).pipe(Effect.provideService(AppService, "the app's")),
          layerWith(Effect.zipRight(Deferred.succeed(inClient, undefined), Effect.never), false)
        )
      )
      yield* Deferred.await(inClient)
      yield* Fiber.interrupt(fiber)
      const { after, before } = yield* Deferred.await(seen)
      expect(after).toEqual(before)
    }))
})

// A tracer that records which spans were made and ended; its `end` throws when asked.
const recordingTracer = (endThrows: boolean) => {
  const spans = { made: 0, ended: 0 }
  const tracer = Tracer.make({
    span: (name, parent, context, links, startTime, kind) => {
      spans.made++
      const span: Tracer.Span = {
        _tag: "Span",
        name,
        spanId: `span-${spans.made}`,
        traceId: "trace",
        parent,
        context,
        links,
        sampled: true,
        kind,
        status: { _tag: "Started", startTime },
        attributes: new Map(),
        attribute: () => {},
        event: () => {},
        addLinks: () => {},
        end: () => {
          spans.ended++
          if (endThrows) throw new Error("the exporter failed")
        }
      }
      return span
    },
    context: (f) => f()
  })
  return { spans, tracer }
}

describe("the call's span and the caller's fiber when something else fails", () => {
  it.effect("a defect in the call's set-up (untyped code passing null options, a service missing) ends the span", () =>
    Effect.gen(function*() {
      const { spans, tracer } = recordingTracer(false)
      const withOptionsNull = yield* Effect.exit(
        Effect.provide(User.logout(null as never), layerWith(Effect.succeed(200), false))
      ).pipe(Effect.withTracer(tracer))
      expect(withOptionsNull._tag).toBe("Failure")
      const withoutConfig = yield* Effect.exit(
        (User.logout() as Effect.Effect<unknown, unknown, HttpClient.HttpClient>).pipe(
          Effect.provideService(HttpClient.HttpClient, HttpClient.make(() => Effect.never))
        )
      ).pipe(Effect.withTracer(tracer))
      expect(withoutConfig._tag).toBe("Failure")
      expect(spans).toStrictEqual({ made: 2, ended: 2 })
    }))

  it.effect("a tracer whose span end throws leaves none of the call's settings in the caller's fiber", () =>
    Effect.gen(function*() {
      const { spans, tracer } = recordingTracer(true)
      const { after, before, exit } = yield* Effect.provide(
        around(User.logout()),
        layerWith(Effect.succeed(500), false)
      )
        .pipe(Effect.withTracer(tracer))
      expect(spans.ended).toBe(1)
      expect(exit._tag).toBe("Failure")
      expect(after).toEqual(before)
    }))
})
