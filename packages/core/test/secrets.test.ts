import { describe, expect, it } from "@effect/vitest"
import { UizaConfig, User } from "@uiza-effect/core"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import { inspect } from "node:util"
import { fixture, reply, stubUiza, token } from "./support/stubHttpClient.js"

// Every way a person or a log pipeline could look at a value.
const renderings = (value: unknown): ReadonlyArray<string> => [
  String(value),
  JSON.stringify(value) ?? "",
  inspect(value, { depth: Infinity, showHidden: true }),
  inspect(value, { depth: Infinity, showHidden: true, customInspect: false }),
  value instanceof Error ? `${value.stack}\n${value.message}` : ""
]

const expectNoToken = (value: unknown) => {
  for (const text of renderings(value)) expect(text).not.toContain(token)
}

// Replies that quote the token back in every field a server could fill.
const echoing = JSON.stringify({
  code: 401,
  type: "ERROR",
  message: `token ${token} is revoked`,
  requestId: token,
  data: [{ type: token, field: "authorization", message: `bad ${token}` }]
})

const replies: ReadonlyArray<readonly [string, () => Response]> = [
  ["401 fixture", reply(401, fixture("error-401.json"))],
  ["422 fixture", reply(422, fixture("error-422-fields.json"))],
  ["an envelope echoing the token", reply(401, echoing)],
  ["a 200 error envelope echoing the token", reply(200, echoing)],
  ["an HTML 502 echoing the token", reply(502, `<html>${token}</html>`, "text/html")],
  ["a 200 that is not JSON, echoing the token", reply(200, `oops ${token}`, "text/plain")],
  ["a redirect", () => new Response(null, { status: 307, headers: { location: `https://evil.example/${token}` } })]
]

describe("the token never shows", () => {
  it.effect.each(replies)("in the error for %s, however it is rendered", ([, answer]) =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(Effect.provide(User.logout(), stubUiza(answer).layer))
      expect(Exit.isFailure(exit)).toBe(true)
      if (Exit.isSuccess(exit)) return
      expect(Cause.pretty(exit.cause)).not.toContain(token)
      const error = Cause.squash(exit.cause)
      expectNoToken(error)
    }))

  it.effect("in the error for a token the server echoes, which still says where it was", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Effect.provide(User.logout(), stubUiza(reply(401, echoing)).layer))
      expect(error.message).toBe("token <redacted> is revoked")
    }))

  it.effect("in the settings and the layer's service", () =>
    Effect.gen(function*() {
      const settings = yield* UizaConfig.make({ workspaceApiDomain: "api.uiza.example", authorization: token })
      expectNoToken(settings)
      const context = yield* Effect.scoped(
        Layer.build(UizaConfig.layer({ workspaceApiDomain: "api.uiza.example", authorization: token }))
      )
      expectNoToken(context)
      expectNoToken(context.unsafeMap.get(UizaConfig.UizaConfig.key))
    }))

  it.effect("in the config error for a bad token", () =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(
        UizaConfig.make({ workspaceApiDomain: "api.uiza.example", authorization: `${token}\n` })
      )
      if (Exit.isSuccess(exit)) return expect.fail("accepted a token with a line break")
      expect(Cause.pretty(exit.cause)).not.toContain(token)
      expectNoToken(Cause.squash(exit.cause))
    }))
})
