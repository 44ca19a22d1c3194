import { describe, expect, it } from "@effect/vitest"
import { UizaConfig, UizaError, User } from "@uiza-effect/core"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { reply, stubHttpClient, token } from "./support/stubHttpClient.js"

const settingsOf = (options: Partial<UizaConfig.Options>) =>
  UizaConfig.make({ workspaceApiDomain: "api.uiza.example", authorization: token, ...options })

const configErrorOf = (options: Partial<UizaConfig.Options>) => Effect.flip(settingsOf(options))

describe("UizaConfig: workspaceApiDomain", () => {
  it.effect.each([
    ["your-workspace-api-domain.uiza.co", "https://your-workspace-api-domain.uiza.co"],
    ["https://your-workspace-api-domain.uiza.co", "https://your-workspace-api-domain.uiza.co"],
    ["https://your-workspace-api-domain.uiza.co/", "https://your-workspace-api-domain.uiza.co"],
    ["HTTPS://API.Uiza.CO", "https://api.uiza.co"],
    ["api.uiza.co:8443", "https://api.uiza.co:8443"],
    ["https://api.uiza.co:443", "https://api.uiza.co"],
    ["localhost", "https://localhost"],
    ["http://localhost:8080", "http://localhost:8080"],
    ["http://127.0.0.1:3000", "http://127.0.0.1:3000"],
    ["http://127.8.9.10", "http://127.8.9.10"],
    ["http://[::1]:9000", "http://[::1]:9000"],
    ["10.0.0.5:8443", "https://10.0.0.5:8443"]
  ])("accepts %s as %s", ([input, baseUrl]) =>
    Effect.gen(function*() {
      const settings = yield* settingsOf({ workspaceApiDomain: input })
      expect(settings.baseUrl).toBe(baseUrl)
    }))

  it.effect.each(
    [
      ["", "is empty"],
      ["a@evil.example", "user information"],
      ["good.uiza.co@evil.example", "user information"],
      ["https://user:pass@good.uiza.co", "user information"],
      ["good.uiza.co/path", "path"],
      ["good.uiza.co/", undefined],
      ["good.uiza.co?x", "query"],
      ["good.uiza.co#x", "fragment"],
      ["http://good.uiza.co", "http://"],
      ["http://192.168.1.10", "http://"],
      ["http://localhost.evil.example", "http://"],
      ["ftp://good.uiza.co", "scheme \"ftp:\""],
      ["javascript:alert(1)", "malformed scheme"],
      ["good.uiza.co\r\nx-injected: 1", "line break at position 13"],
      ["good.uiza.co\n", "line break at position 13"],
      [" good.uiza.co", "whitespace at position 1"],
      ["good .uiza.co", "whitespace at position 5"],
      ["good.uiza.co\t", "whitespace at position 13"],
      ["gööd.uiza.co", "non-ASCII character at position 2"],
      ["good_uiza.co", "not a valid host name"],
      ["-good.uiza.co", "not a valid host name"],
      ["good.uiza.co:0", "port outside"],
      ["good.uiza.co:70000", "port outside"],
      ["good.uiza.co:http", "malformed scheme"],
      ["https://", "no host name"],
      ["good.uiza.co\\evil.example", "path"]
    ] as const
  )("rejects %j", ([input, problem]) =>
    Effect.gen(function*() {
      if (problem === undefined) {
        // A lone trailing slash is not a path.
        expect((yield* settingsOf({ workspaceApiDomain: input })).baseUrl).toBe("https://good.uiza.co")
        return
      }
      const error = yield* configErrorOf({ workspaceApiDomain: input })
      expect(error).toBeInstanceOf(UizaError.UizaConfigError)
      expect(error.setting).toBe("workspaceApiDomain")
      expect(error.message).toContain("workspaceApiDomain")
      expect(error.message).toContain(problem)
    }))

  it.effect("never echoes the domain, which may hold a pasted secret", () =>
    Effect.gen(function*() {
      const error = yield* configErrorOf({ workspaceApiDomain: `https://${token}@good.uiza.co` })
      expect(error.message).not.toContain(token)
    }))
})

describe("UizaConfig: authorization", () => {
  it.effect.each([
    ["", "is empty"],
    [" uap-abc", "contains whitespace at position 1 of 8"],
    ["uap-abc ", "contains whitespace at position 8 of 8"],
    ["uap-a\tbc", "contains whitespace at position 6 of 8"],
    ["uap-abc\r\nX-Evil: 1", "contains a line break at position 8 of 18"],
    ["uap-abc\n", "contains a line break at position 8 of 8"],
    ["uap-\u0000abc", "contains a control character at position 5 of 8"],
    ["uap-\u007fabc", "contains a control character at position 5 of 8"],
    ["uap-é", "contains a non-ASCII character at position 5 of 5"]
  ])("rejects %j", ([input, problem]) =>
    Effect.gen(function*() {
      const error = yield* configErrorOf({ authorization: input })
      expect(error.setting).toBe("authorization")
      expect(error.message).toBe(`Invalid Uiza configuration: authorization ${problem}.`)
    }))

  it.effect("never echoes any part of a rejected token", () =>
    Effect.gen(function*() {
      const secret = "uap-SECRETsecretSECRET-0123 with a space"
      const error = yield* configErrorOf({ authorization: secret })
      for (const part of ["SECRET", "secret", "0123", "with a space"]) expect(error.message).not.toContain(part)
    }))

  it.effect("accepts a Redacted token and keeps it redacted", () =>
    Effect.gen(function*() {
      const settings = yield* settingsOf({ authorization: Redacted.make(token) })
      expect(Redacted.value(settings.authorization)).toBe(token)
      expect(String(settings.authorization)).toBe("<redacted>")
      expect(JSON.stringify(settings)).not.toContain(token)
    }))
})

describe("UizaConfig: timeouts and retries", () => {
  it.effect("has documented defaults", () =>
    Effect.gen(function*() {
      const settings = yield* settingsOf({})
      expect(Duration.toMillis(settings.timeout)).toBe(30_000)
      expect(settings.maxRetries).toBe(2)
      expect(Option.isNone(settings.deadline)).toBe(true)
    }))

  it.effect("takes overrides", () =>
    Effect.gen(function*() {
      const settings = yield* settingsOf({ timeout: "5 seconds", maxRetries: 0, deadline: 20_000 })
      expect(Duration.toMillis(settings.timeout)).toBe(5_000)
      expect(settings.maxRetries).toBe(0)
      expect(Option.map(settings.deadline, Duration.toMillis)).toEqual(Option.some(20_000))
    }))

  it.effect.each(
    [
      [{ timeout: 0 }, "timeout", "must be longer than zero"],
      [{ timeout: -5 }, "timeout", "must be longer than zero"],
      [{ deadline: "0 millis" }, "deadline", "must be longer than zero"],
      [{ maxRetries: -1 }, "maxRetries", "whole number"],
      [{ maxRetries: 1.5 }, "maxRetries", "whole number"],
      [{ maxRetries: Number.NaN }, "maxRetries", "whole number"]
    ] as const
  )("rejects %j", ([options, setting, problem]) =>
    Effect.gen(function*() {
      const error = yield* configErrorOf(options)
      expect(error.setting).toBe(setting)
      expect(error.message).toContain(problem)
    }))
})

describe("UizaConfig.layerConfig", () => {
  const fromEnv = (env: Record<string, string>) =>
    Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))

  const build = (env: Record<string, string>) =>
    Effect.scoped(Layer.build(UizaConfig.layerConfig())).pipe(
      Effect.map((context) => context.unsafeMap.get(UizaConfig.UizaConfig.key) as UizaConfig.Settings),
      fromEnv(env)
    )

  it.effect("reads the environment variables", () =>
    Effect.gen(function*() {
      const settings = yield* build({
        UIZA_WORKSPACE_API_DOMAIN: "api.uiza.example",
        UIZA_AUTHORIZATION: token,
        UIZA_TIMEOUT: "3 seconds",
        UIZA_MAX_RETRIES: "4",
        UIZA_DEADLINE: "1 minute"
      })
      expect(settings.baseUrl).toBe("https://api.uiza.example")
      expect(Redacted.value(settings.authorization)).toBe(token)
      expect(Duration.toMillis(settings.timeout)).toBe(3_000)
      expect(settings.maxRetries).toBe(4)
      expect(Option.map(settings.deadline, Duration.toMillis)).toEqual(Option.some(60_000))
    }))

  it.effect("names a missing variable", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(build({ UIZA_WORKSPACE_API_DOMAIN: "api.uiza.example" }))
      expect(error._tag).toBe("UizaConfigError")
      expect(error.message).toContain("UIZA_AUTHORIZATION is not set")
    }))

  it.effect("names an empty token variable, and sends nothing", () =>
    Effect.gen(function*() {
      const stub = stubHttpClient(reply(200, "{}"))
      const error = yield* User.logout().pipe(
        Effect.provide(Layer.merge(stub.layer, UizaConfig.layerConfig())),
        Effect.flip,
        fromEnv({ UIZA_WORKSPACE_API_DOMAIN: "api.uiza.example", UIZA_AUTHORIZATION: "" })
      )
      expect(error).toMatchObject({
        _tag: "UizaConfigError",
        setting: "authorization",
        message: "Invalid Uiza configuration: authorization (UIZA_AUTHORIZATION) is empty."
      })
      expect(stub.requests).toHaveLength(0)
    }))

  it.effect("names the variable of an invalid domain", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        build({ UIZA_WORKSPACE_API_DOMAIN: "http://evil.example", UIZA_AUTHORIZATION: token })
      )
      expect(error.message).toContain("workspaceApiDomain (UIZA_WORKSPACE_API_DOMAIN) uses http://")
    }))

  it.effect("reports an invalid optional variable without the token", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        build({ UIZA_WORKSPACE_API_DOMAIN: "api.uiza.example", UIZA_AUTHORIZATION: token, UIZA_MAX_RETRIES: "many" })
      )
      expect(error.message).toContain("UIZA_MAX_RETRIES")
      expect(error.message).not.toContain(token)
    }))
})
