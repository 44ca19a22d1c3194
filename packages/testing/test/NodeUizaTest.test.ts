import { describe, expect, it, layer } from "@effect/vitest"
import { User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import { NodeUizaTest } from "@uiza-effect/testing/node"
import * as Effect from "effect/Effect"
import { signOut } from "./userProgram.js"

describe("NodeUizaTest (a real socket)", () => {
  it.scoped("start: a listening server with its URL and a valid token", () =>
    Effect.gen(function*() {
      const server = yield* NodeUizaTest.start()
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(server.isValid(server.token)).toBe(true)

      const UizaLive = NodeUiza.layer({ workspaceApiDomain: server.url, authorization: server.token })
      expect((yield* Effect.provide(signOut(), UizaLive))._tag).toBe("SignedOut")
      expect(server.isValid(server.token)).toBe(false)
      expect((yield* Effect.provide(signOut(), UizaLive))._tag).toBe("AlreadySignedOut")
    }))

  it.scoped("the server stops with its scope", () =>
    Effect.gen(function*() {
      const server = yield* Effect.scoped(NodeUizaTest.start())
      const error = yield* Effect.flip(
        User.logout({ maxRetries: 0 }).pipe(
          Effect.provide(NodeUiza.layer({ workspaceApiDomain: server.url, authorization: server.token }))
        )
      )
      expect(error._tag).toBe("ConnectionError")
      if (error._tag === "ConnectionError") expect(error.reason).toBe("ECONNREFUSED")
    }))
})

layer(NodeUizaTest.layer({ maxRetries: 0 }))("NodeUizaTest.layer", (it) => {
  it.effect("logs out over the socket, then the token is revoked", () =>
    Effect.gen(function*() {
      const server = yield* NodeUizaTest.UizaTestServer
      const outcome = yield* signOut()
      expect(outcome._tag).toBe("SignedOut")
      expect(server.isValid(server.token)).toBe(false)
      expect((yield* signOut())._tag).toBe("AlreadySignedOut")
    }))
})
