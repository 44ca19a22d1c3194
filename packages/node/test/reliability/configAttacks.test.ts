import { describe, expect, it } from "@effect/vitest"
import { User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import * as Effect from "effect/Effect"
import * as FaultServer from "../support/faultServer.js"
import { TOKEN } from "../support/uiza.js"

describe("configuration attacks are rejected when the layer is built, with zero requests", () => {
  it.scopedLive("hostile domains and tokens", () =>
    Effect.gen(function*() {
      const server = yield* FaultServer.make([FaultServer.logoutSuccess()])
      const host = server.url.replace("http://", "")
      const attacks: ReadonlyArray<{ readonly domain: string; readonly token?: string; readonly setting: string }> = [
        { domain: `a@${host}`, setting: "workspaceApiDomain" },
        { domain: `http://a@${host}`, setting: "workspaceApiDomain" },
        { domain: `good.uiza.co@${host}`, setting: "workspaceApiDomain" },
        { domain: "a@evil.example", setting: "workspaceApiDomain" },
        { domain: "good.uiza.co@evil.example", setting: "workspaceApiDomain" },
        { domain: "good.uiza.co/path", setting: "workspaceApiDomain" },
        { domain: `${host}/path`, setting: "workspaceApiDomain" },
        { domain: "good.uiza.co?x", setting: "workspaceApiDomain" },
        { domain: `${host}?x`, setting: "workspaceApiDomain" },
        { domain: `${host}#x`, setting: "workspaceApiDomain" },
        { domain: "http://good.uiza.co", setting: "workspaceApiDomain" },
        { domain: `ftp://${host}`, setting: "workspaceApiDomain" },
        { domain: "ftp://good.uiza.co", setting: "workspaceApiDomain" },
        { domain: `${host}\r\nx: y`, setting: "workspaceApiDomain" },
        { domain: `${host} `, setting: "workspaceApiDomain" },
        { domain: ` ${host}`, setting: "workspaceApiDomain" },
        { domain: "good. uiza.co", setting: "workspaceApiDomain" },
        { domain: "", setting: "workspaceApiDomain" },
        // Names that go through DNS are not loopback: plain HTTP to them is refused.
        { domain: `http://localhost.:${server.url.split(":")[2]}`, setting: "workspaceApiDomain" },
        { domain: `http://127.0.0.1.:${server.url.split(":")[2]}`, setting: "workspaceApiDomain" },
        // The token where the domain should be: never a host name, a URL in a span or a log line.
        { domain: TOKEN, setting: "workspaceApiDomain" },
        { domain: `https://${TOKEN}`, setting: "workspaceApiDomain" },
        { domain: "opaque-token.example", token: "opaque-token.example", setting: "workspaceApiDomain" },
        // Values of the wrong type, from untyped JavaScript.
        { domain: 8080 as never, setting: "workspaceApiDomain" },
        { domain: server.url, token: { value: TOKEN } as never, setting: "authorization" },
        { domain: server.url, token: "", setting: "authorization" },
        { domain: server.url, token: `${TOKEN}\r\nx-evil: 1`, setting: "authorization" },
        { domain: server.url, token: `${TOKEN}\n`, setting: "authorization" },
        { domain: server.url, token: `Bearer ${TOKEN}`, setting: "authorization" },
        { domain: server.url, token: ` ${TOKEN}`, setting: "authorization" },
        { domain: server.url, token: `${TOKEN}\t`, setting: "authorization" }
      ]
      for (const attack of attacks) {
        const error = yield* User.logout().pipe(
          Effect.provide(NodeUiza.layer({ workspaceApiDomain: attack.domain, authorization: attack.token ?? TOKEN })),
          Effect.flip
        )
        expect(error._tag, JSON.stringify(attack)).toBe("UizaConfigError")
        if (error._tag !== "UizaConfigError") continue
        expect(error.setting).toBe(attack.setting)
        expect(error.message).not.toContain(TOKEN)
      }
      expect(server.requests.length).toBe(0)
      expect(server.connections()).toBe(0)

      // The control: the same server, well configured, is reached.
      const result = yield* User.logout().pipe(
        Effect.provide(NodeUiza.layer({ workspaceApiDomain: server.url, authorization: TOKEN }))
      )
      expect(result.message).toBe("Logout success")
      expect(server.requests.length).toBe(1)
    }))

  it.scopedLive("invalid per-call options fail before anything is sent", () =>
    Effect.gen(function*() {
      const server = yield* FaultServer.make([FaultServer.logoutSuccess()])
      const layer = NodeUiza.layer({ workspaceApiDomain: server.url, authorization: TOKEN })
      for (
        const options of [
          { maxRetries: -1 },
          { maxRetries: 1.5 },
          { maxRetries: Number.NaN },
          { maxRetries: Number.POSITIVE_INFINITY },
          { maxRetries: 1e6 },
          { timeout: Number.POSITIVE_INFINITY },
          { timeout: "1 day" as const },
          { deadline: "1 week" as const },
          { timeout: 0 },
          { timeout: "soon" as never },
          { deadline: -5 }
        ]
      ) {
        const error = yield* Effect.flip(Effect.provide(User.logout(options), layer))
        expect(error._tag, JSON.stringify(options)).toBe("UizaConfigError")
      }
      expect(server.requests.length).toBe(0)
    }))
})
