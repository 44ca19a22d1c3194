import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { describe, expect, it } from "@effect/vitest"
import { UizaConfig, UizaError, User } from "@uiza-effect/core"
import * as Chunk from "effect/Chunk"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FastCheck from "effect/FastCheck"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Random from "effect/Random"
import * as Schedule from "effect/Schedule"
import * as TestClock from "effect/TestClock"
import { retrySchedule } from "../src/internal/callPolicy.js"

const TOKEN = "uap-0123456789abcdef0123456789abcdef-01234567"

interface Scripted {
  readonly status: number
  readonly headers?: Record<string, string>
}

const envelope = (status: number) =>
  status < 300
    ? { data: { message: "Logout success" }, code: status, type: "SUCCESS", message: "OK" }
    : { code: status, type: "ERROR", message: `error ${status}`, data: null }

// A stub HttpClient that answers from a script and records when each request came (test clock time).
const scriptedClient = (script: ReadonlyArray<Scripted>, times: Array<number>) =>
  HttpClient.make((request) =>
    Effect.map(Clock.currentTimeMillis, (now) => {
      const reply = script[Math.min(times.length, script.length - 1)]
      times.push(now)
      return HttpClientResponse.fromWeb(
        request,
        new Response(JSON.stringify(envelope(reply.status)), {
          status: reply.status,
          headers: { "content-type": "application/json", ...reply.headers }
        })
      )
    })
  )

const settle = Effect.promise(() => new Promise((resolve) => setImmediate(resolve)))

// Runs a logout on the test clock: lets the stub's body promise settle, then
// moves the clock straight to the next sleep's end, until the call ends.
const runOnTestClock = (
  script: ReadonlyArray<Scripted>,
  options: Partial<UizaConfig.Options> = {},
  call?: User.LogoutOptions
) =>
  Effect.gen(function*() {
    const times: Array<number> = []
    const layer = Layer.merge(
      Layer.succeed(HttpClient.HttpClient, scriptedClient(script, times)),
      UizaConfig.layer({ workspaceApiDomain: "api.example.com", authorization: TOKEN, ...options })
    )
    const fiber = yield* Effect.fork(Effect.either(Effect.provide(User.logout(call), layer)))
    for (let step = 0; step < 1_000; step++) {
      for (let round = 0; round < 3; round++) yield* settle
      const poll = yield* Fiber.poll(fiber)
      if (poll._tag === "Some") {
        const result = yield* poll.value
        const gaps = times.slice(1).map((time, index) => time - times[index])
        return { result, times, gaps }
      }
      const sleeps = Chunk.toReadonlyArray(yield* TestClock.sleeps())
      if (sleeps.length > 0) yield* TestClock.setTime(Math.min(...sleeps))
    }
    return yield* Effect.dieMessage("the call did not end")
  })

describe("retry schedule on the test clock", () => {
  it.effect("backoff: the n-th wait is within min(0.5 s · 2^n, 8 s) · [0.75, 1]", () =>
    Effect.gen(function*() {
      for (let run = 0; run < 5; run++) {
        const { gaps, result, times } = yield* runOnTestClock([{ status: 503 }], { maxRetries: 6 })
        expect(result._tag).toBe("Left")
        expect(times.length).toBe(7)
        gaps.forEach((gap, n) => {
          const ceiling = Math.min(500 * 2 ** n, 8_000)
          expect(gap).toBeGreaterThanOrEqual(Math.floor(ceiling * 0.75))
          expect(gap).toBeLessThanOrEqual(ceiling)
        })
      }
    }))

  it.effect("the jitter is real: waits vary between calls", () =>
    Effect.gen(function*() {
      const firstGaps = new Set<number>()
      for (let run = 0; run < 8; run++) {
        const { gaps } = yield* runOnTestClock([{ status: 503 }, { status: 200 }], { maxRetries: 1 })
        firstGaps.add(gaps[0])
      }
      expect(firstGaps.size).toBeGreaterThan(1)
    }))

  it.effect("Retry-After is the lower bound of the wait", () =>
    Effect.gen(function*() {
      const { gaps, result } = yield* runOnTestClock([
        { status: 503, headers: { "retry-after": "3" } },
        { status: 429, headers: { "retry-after": "0" } },
        { status: 200 }
      ])
      expect(result._tag).toBe("Right")
      expect(gaps[0]).toBeGreaterThanOrEqual(3_000)
      expect(gaps[0]).toBeLessThanOrEqual(3_000)
      // A Retry-After shorter than the backoff leaves the backoff in place.
      expect(gaps[1]).toBeGreaterThanOrEqual(750)
      expect(gaps[1]).toBeLessThanOrEqual(1_000)
    }))

  it.effect("Retry-After as an HTTP-date", () =>
    Effect.gen(function*() {
      // The test clock starts at 0 (the epoch): a date 5 s after it asks for a 5 s wait.
      const { gaps } = yield* runOnTestClock([
        { status: 503, headers: { "retry-after": new Date(5_000).toUTCString() } },
        { status: 200 }
      ])
      expect(gaps[0]).toBeGreaterThanOrEqual(5_000)
      expect(gaps[0]).toBeLessThanOrEqual(5_000)
    }))

  it.effect("a Retry-After over 60 s is not slept", () =>
    Effect.gen(function*() {
      const { result, times } = yield* runOnTestClock([{ status: 503, headers: { "retry-after": "61" } }])
      expect(times.length).toBe(1)
      expect(result._tag === "Left" && result.left._tag).toBe("ServiceUnavailableError")
      if (result._tag === "Left" && result.left._tag === "ServiceUnavailableError") {
        expect(Duration.toSeconds(result.left.retryAfter!)).toBe(61)
      }
    }))

  it.effect("a Retry-After of 60 s is slept", () =>
    Effect.gen(function*() {
      const { gaps, result } = yield* runOnTestClock([
        { status: 503, headers: { "retry-after": "60" } },
        { status: 200 }
      ])
      expect(result._tag).toBe("Right")
      expect(gaps[0]).toBeGreaterThanOrEqual(60_000)
    }))

  it.effect("the default is 2 retries; per-call maxRetries overrides the client's", () =>
    Effect.gen(function*() {
      expect((yield* runOnTestClock([{ status: 502 }])).times.length).toBe(3)
      expect((yield* runOnTestClock([{ status: 502 }], { maxRetries: 4 })).times.length).toBe(5)
      expect((yield* runOnTestClock([{ status: 502 }], { maxRetries: 4 }, { maxRetries: 1 })).times.length).toBe(2)
      expect((yield* runOnTestClock([{ status: 502 }], {}, { maxRetries: 0 })).times.length).toBe(1)
    }))

  it.effect("the deadline bounds attempts plus waits", () =>
    Effect.gen(function*() {
      const { result, times } = yield* runOnTestClock([{ status: 503 }], { maxRetries: 10, deadline: "5 seconds" })
      expect(result._tag === "Left" && result.left._tag).toBe("TimeoutError")
      if (result._tag === "Left" && result.left._tag === "TimeoutError") {
        expect(result.left.phase).toBe("deadline")
        expect(result.left.possiblyDelivered).toBe(false)
      }
      // 0, then waits of at most 0.5, 1, 2, 4 s: no attempt after the 5 s mark.
      expect(times.every((time) => time < 5_000)).toBe(true)
      expect(times.length).toBeGreaterThanOrEqual(3)
      expect(times.length).toBeLessThanOrEqual(4)
    }))
})

// The schedule as the combinators it stands for: exponential, capped, `jitteredWith`, then
// at least the server's `Retry-After`.
const composedSchedule = (maxRetries: number): Schedule.Schedule<unknown, UizaError.UizaError> =>
  Schedule.exponential(Duration.millis(500)).pipe(
    Schedule.modifyDelay((_, delay) => Duration.min(delay, Duration.seconds(8))),
    Schedule.jitteredWith({ min: 0.75, max: 1 }),
    Schedule.intersect(Schedule.recurs(maxRetries)),
    Schedule.intersect(Schedule.identity<UizaError.UizaError>()),
    Schedule.modifyDelay(([, error], delay) =>
      "retryAfter" in error && error.retryAfter !== undefined ? Duration.max(error.retryAfter, delay) : delay
    )
  )

// Steps a schedule through `inputs` at `now`: each decision's start, or "done".
const stepsOf = (
  schedule: Schedule.Schedule<unknown, UizaError.UizaError>,
  inputs: ReadonlyArray<UizaError.UizaError>
) =>
  Effect.gen(function*() {
    let state = schedule.initial
    const steps: Array<number | "done"> = []
    for (const [index, input] of inputs.entries()) {
      const now = 1_700_000_000_000 + index * 1_000
      const [next, , decision] = yield* schedule.step(now, input, state)
      state = next
      steps.push(
        decision._tag === "Done" ? "done" : decision.intervals.intervals.pipe(Chunk.unsafeHead).startMillis - now
      )
    }
    // What the schedule left of the random numbers: the same count drawn either way.
    return { steps, after: yield* Random.next }
  })

const unavailable = (retryAfter: Duration.Duration | undefined) =>
  new UizaError.ServiceUnavailableError({
    status: 503,
    message: "down",
    retryable: true,
    ...(retryAfter === undefined ? {} : { retryAfter }),
    fieldErrors: [],
    descriptionLink: "https://docs.uiza.io/#log-out",
    attempts: 1
  })

describe("retrySchedule", () => {
  it.effect("waits as the composition of exponential, cap, jitteredWith and Retry-After would, drawing as many random numbers", () =>
    Effect.sync(() =>
      FastCheck.assert(
        FastCheck.property(
          FastCheck.integer({ min: 0, max: 10 }),
          FastCheck.array(FastCheck.option(FastCheck.integer({ min: 0, max: 20_000 })), {
            minLength: 1,
            maxLength: 12
          }),
          FastCheck.integer(),
          (maxRetries, waits, seed) => {
            const inputs = waits.map((wait) => unavailable(wait === null ? undefined : Duration.millis(wait)))
            const run = (schedule: Schedule.Schedule<unknown, UizaError.UizaError>) =>
              Effect.runSync(Effect.withRandom(stepsOf(schedule, inputs), Random.make(seed)))
            const actual = run(retrySchedule(maxRetries))
            const expected = run(composedSchedule(maxRetries))
            expect(actual.after).toBe(expected.after)
            expect(actual.steps.length).toBe(expected.steps.length)
            actual.steps.forEach((step, index) => {
              const other = expected.steps[index]!
              if (step === "done" || other === "done") expect(step).toBe(other)
              else expect(step).toBeCloseTo(other, 3)
            })
          }
        ),
        { numRuns: 300 }
      )
    ))
})
