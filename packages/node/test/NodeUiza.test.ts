import { describe, expect, it } from "@effect/vitest"
import { UizaConfig, UizaError, User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import { NodeUizaServer } from "@uiza-effect/server"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"

describe("NodeUiza against the local Uiza server on 127.0.0.1", () => {
  it.scoped("logs out, then the same token gets UnauthorizedError", () =>
    Effect.gen(function*() {
      const server = yield* NodeUizaServer.start()
      const token = server.tokens[0]
      const layer = NodeUiza.layer({ workspaceApiDomain: server.url, authorization: token })

      const result = yield* Effect.provide(User.logout(), layer)
      expect(result).toBeInstanceOf(User.LogoutResult)
      expect(result.message).toBe("Logout success")
      expect(result.code).toBe(200)
      expect(result.type).toBe("SUCCESS")
      expect(result.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/)
      expect(server.isValid(token)).toBe(false)

      const error = yield* Effect.flip(Effect.provide(User.logout(), layer))
      expect(error).toBeInstanceOf(UizaError.UnauthorizedError)
      expect(error).toMatchObject({
        _tag: "UnauthorizedError",
        status: 401,
        code: 401,
        type: "ERROR",
        message: "Unauthorized",
        retryable: false,
        attempts: 1,
        descriptionLink: "https://docs.uiza.io/#log-out"
      })
    }))

  it.scoped("an unknown token gets UnauthorizedError and revokes nothing", () =>
    Effect.gen(function*() {
      const server = yield* NodeUizaServer.start()
      const error = yield* Effect.flip(
        Effect.provide(User.logout(), NodeUiza.layer({ workspaceApiDomain: server.url, authorization: "uap-unknown" }))
      )
      expect(error._tag).toBe("UnauthorizedError")
      expect(server.isValid(server.tokens[0])).toBe(true)
    }))

  it.scoped("NodeUiza.layerConfig reads the environment variables", () =>
    Effect.gen(function*() {
      const server = yield* NodeUizaServer.start()
      const env = new Map([
        ["UIZA_WORKSPACE_API_DOMAIN", server.url],
        ["UIZA_AUTHORIZATION", server.tokens[0]]
      ])
      const result = yield* User.logout().pipe(
        Effect.provide(NodeUiza.layerConfig()),
        Effect.withConfigProvider(ConfigProvider.fromMap(env))
      )
      expect(result.message).toBe("Logout success")
    }))

  it.scoped("one layer serves many logouts over its connection pool", () =>
    Effect.gen(function*() {
      const tokens = Array.from({ length: 20 }, () => NodeUizaServer.randomToken())
      const server = yield* NodeUizaServer.start({ tokens })
      // One HttpClient (and pool) for all; one UizaConfig per token.
      const results = yield* Effect.forEach(
        tokens,
        (token) =>
          User.logout().pipe(
            Effect.provide(UizaConfig.layer({ workspaceApiDomain: server.url, authorization: token }))
          ),
        { concurrency: 5 }
      ).pipe(Effect.provide(NodeUiza.layerHttpClient))
      expect(results.map((result) => result.message)).toEqual(tokens.map(() => "Logout success"))
      expect(tokens.some(server.isValid)).toBe(false)
    }))
})
