import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { describe, expect, it } from "@effect/vitest"
import { UizaConfig, type UizaError, User } from "@uiza-effect/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { token } from "./support/stubHttpClient.js"

// An error must keep plain facts, never the reply it was made from: not in a field, not through
// a `cause`, a closure, or the frames V8 holds until an error's `stack` is first read. Each call
// below gets a body of its own, and the errors are all kept: were each to pin its body, memory
// would grow by CALLS × BODY_BYTES.

const MiB = 1024 * 1024
const BODY_BYTES = 4 * MiB
const CALLS = 20
// 20 bodies of 4 MiB would be 80 MiB; what an error may keep of one is a few KiB.
const GROWTH_LIMIT = 10 * MiB

setFlagsFromString("--expose-gc")
const collect = runInNewContext("gc") as () => void

// A full collection, twice, with a turn of the event loop between, so that what is only
// reachable from finished promises and streams goes too.
const collectGarbage = Effect.promise(async () => {
  for (let round = 0; round < 3; round++) {
    collect()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
})

const memory = () => {
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.external
}

// A body of `BODY_BYTES` unlike any other: `call` is written all over it, so no two share a byte
// pattern V8 could dedupe. Built per request, and referenced by nothing but the response.
const filler = (call: number, unit: string): string => {
  const line = `${unit}${call.toString(36)} `
  return line.repeat(Math.ceil(BODY_BYTES / line.length)).slice(0, BODY_BYTES)
}

interface Scenario {
  readonly name: string
  readonly tag: UizaError.UizaError["_tag"]
  readonly status: number
  readonly contentType: string
  readonly body: (call: number) => string
  readonly maxResponseBytes?: number
}

const scenarios: ReadonlyArray<Scenario> = [
  {
    name: "a 200 that is not JSON, below the limit",
    tag: "ResponseDecodeError",
    status: 200,
    contentType: "text/plain",
    body: (call) => filler(call, "plain")
  },
  {
    name: "a 200 of JSON that is not a Uiza envelope",
    tag: "ResponseDecodeError",
    status: 200,
    contentType: "application/json",
    body: (call) => JSON.stringify({ items: filler(call, "item") })
  },
  {
    name: "a 500 with a big HTML page",
    tag: "InternalServerError",
    status: 500,
    contentType: "text/html",
    body: (call) => `<html><body><pre>${filler(call, "trace")}</pre></body></html>`
  },
  {
    name: "an error envelope with a huge message and request id",
    tag: "ServiceUnavailableError",
    status: 503,
    contentType: "application/json",
    body: (call) =>
      JSON.stringify({
        code: 503,
        type: "ERROR",
        message: filler(call, "busy").slice(0, BODY_BYTES / 2),
        requestId: filler(call, "id").slice(0, BODY_BYTES / 2)
      })
  },
  {
    name: "a success envelope whose result does not decode",
    tag: "ResponseDecodeError",
    status: 200,
    contentType: "application/json",
    body: (call) => JSON.stringify({ code: 200, type: "SUCCESS", data: { message: 1 }, requestId: filler(call, "rid") })
  },
  {
    name: "a body above the limit",
    tag: "ResponseTooLargeError",
    status: 200,
    contentType: "application/json",
    body: (call) => filler(call, "big"),
    maxResponseBytes: MiB
  }
]

// The Uiza client of a scenario: every request is answered with a fresh body of its own.
const clientOf = (scenario: Scenario) => {
  let calls = 0
  return Layer.merge(
    Layer.succeed(
      HttpClient.HttpClient,
      HttpClient.make((request) =>
        Effect.sync(() =>
          HttpClientResponse.fromWeb(
            request,
            new Response(scenario.body(calls++), {
              status: scenario.status,
              headers: { "content-type": scenario.contentType }
            })
          )
        )
      )
    ),
    UizaConfig.layer({
      workspaceApiDomain: "your-workspace-api-domain.uiza.co",
      authorization: token,
      maxRetries: 0,
      ...(scenario.maxResponseBytes === undefined ? {} : { maxResponseBytes: scenario.maxResponseBytes })
    })
  )
}

describe("no error retains the body it was made from", () => {
  for (const scenario of scenarios) {
    it.live(scenario.name, () =>
      Effect.gen(function*() {
        const layer = clientOf(scenario)
        const failOnce = Effect.flip(Effect.provide(User.logout(), layer))
        // The first calls compile decoders and warm the platform up: not what is measured.
        yield* failOnce

        yield* collectGarbage
        const before = memory()
        const kept: Array<UizaError.UizaError> = []
        for (let call = 0; call < CALLS; call++) kept.push(yield* failOnce)
        yield* collectGarbage
        const growth = memory() - before

        // Read after the measure: reading `_tag` formats nothing, but an assertion on the
        // error itself might read its `stack`, which would free what the frames held.
        expect(kept.map((error) => error._tag)).toEqual(Array.from({ length: CALLS }, () => scenario.tag))
        expect(growth, `${(growth / MiB).toFixed(1)} MiB kept by ${CALLS} errors`).toBeLessThan(GROWTH_LIMIT)
      }), 120_000)
  }
})
