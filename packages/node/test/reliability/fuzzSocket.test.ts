import { describe, expect, it } from "@effect/vitest"
import { UizaError, User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FastCheck from "effect/FastCheck"
import * as FaultServer from "../support/faultServer.js"
import { TOKEN } from "../support/uiza.js"

const replyArbitrary = FastCheck.record({
  status: FastCheck.oneof(FastCheck.integer({ min: 100, max: 599 }), FastCheck.integer({ min: 200, max: 299 })),
  contentType: FastCheck.constantFrom("application/json", "text/html", "text/plain", "application/octet-stream"),
  body: FastCheck.oneof(
    FastCheck.uint8Array({ maxLength: 2048 }),
    FastCheck.json({ maxDepth: 3 }).map((text) => new TextEncoder().encode(text)),
    FastCheck.constant(new TextEncoder().encode(JSON.stringify({ data: { message: "Logout success" }, code: 200 })))
  )
})

describe("arbitrary replies on a real socket", () => {
  it.live(
    "every reply gives a LogoutResult or a UizaError, never a defect or a hang",
    () =>
      Effect.promise(() =>
        FastCheck.assert(
          FastCheck.asyncProperty(replyArbitrary, async (reply) => {
            const exit = await Effect.runPromiseExit(Effect.scoped(Effect.gen(function*() {
              const server = yield* FaultServer.make([{
                _tag: "Reply",
                status: reply.status,
                headers: { "content-type": reply.contentType },
                body: reply.body
              }])
              return yield* User.logout().pipe(
                Effect.provide(NodeUiza.layer({
                  workspaceApiDomain: server.url,
                  authorization: TOKEN,
                  maxRetries: 0,
                  timeout: "300 millis"
                }))
              )
            })))
            if (Exit.isSuccess(exit)) {
              expect(exit.value).toBeInstanceOf(User.LogoutResult)
              expect(reply.status >= 200 && reply.status <= 299).toBe(true)
              return
            }
            expect(Cause.isDie(exit.cause), Cause.pretty(exit.cause)).toBe(false)
            const failures = [...Cause.failures(exit.cause)]
            expect(failures.length).toBe(1)
            expect(UizaError.isUizaError(failures[0]), Cause.pretty(exit.cause)).toBe(true)
          }),
          { numRuns: 60 }
        )
      ),
    { timeout: 120_000 }
  )
})
