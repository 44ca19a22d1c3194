import * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import { UizaConfig, UizaError, User } from "@uiza-effect/core"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
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

describe("UizaConfig: a token where the domain should be", () => {
  const secretPart = token.split("-")[1]

  it.effect.each([
    ["the token itself", token],
    ["the token as a URL", `https://${token}`],
    ["the token with a port", `${token}:443`],
    ["an upper-case token", token.toUpperCase()],
    ["another token of the documented shape", "uap-7442d4b99eb349b1bb678614e64cf064-1405ee51"]
  ])("refuses %s, naming the likely swap and quoting neither value", ([, domain]) =>
    Effect.gen(function*() {
      const error = yield* configErrorOf({ workspaceApiDomain: domain })
      expect(error.setting).toBe("workspaceApiDomain")
      expect(error.message).toBe(
        "Invalid Uiza configuration: workspaceApiDomain looks like a Uiza token, not a host name " +
          "(were the domain and the token swapped?)."
      )
      expect(error.message.toLowerCase()).not.toContain(secretPart)
    }))

  it.effect("refuses a domain equal to a token of any shape", () =>
    Effect.gen(function*() {
      const opaque = "eyJhbGciOiJIUzI1NiJ9.payload.signature"
      const error = yield* configErrorOf({ workspaceApiDomain: opaque, authorization: opaque })
      expect(error.message).toContain("swapped")
      expect(error.message).not.toContain("payload")
      // Not a substring test: a short token inside a real host name is no swap.
      const settings = yield* settingsOf({ workspaceApiDomain: "api.uiza.example", authorization: "api" })
      expect(settings.baseUrl).toBe("https://api.uiza.example")
    }))

  it.effect("accepts host names that merely start with uap-", () =>
    Effect.gen(function*() {
      const settings = yield* settingsOf({ workspaceApiDomain: "uap-video.uiza.example" })
      expect(settings.baseUrl).toBe("https://uap-video.uiza.example")
    }))

  it.effect("swapped environment variables are refused on the domain, without either value", () =>
    Effect.gen(function*() {
      const error = yield* Effect.scoped(Layer.build(UizaConfig.layerConfig())).pipe(
        Effect.flip,
        Effect.withConfigProvider(
          ConfigProvider.fromMap(
            new Map([["UIZA_WORKSPACE_API_DOMAIN", token], ["UIZA_AUTHORIZATION", "your-workspace.uiza.co"]])
          )
        )
      )
      expect(error.setting).toBe("workspaceApiDomain")
      expect(error.message).toContain("workspaceApiDomain (UIZA_WORKSPACE_API_DOMAIN) looks like a Uiza token")
      expect(error.message).not.toContain(secretPart)
      expect(error.message).not.toContain("your-workspace")
    }))
})

describe("UizaConfig: loopback for plain HTTP", () => {
  it.effect.each([
    "http://localhost.",
    "http://localhost.:8080",
    "http://LOCALHOST.",
    "http://127.0.0.1.",
    "http://127.0.0.1.:3000",
    "http://localhost.localdomain",
    "http://127.1",
    "http://0x7f.0.0.1",
    "http://[::ffff:127.0.0.1]",
    "http://[0:0:0:0:0:0:0:1]"
  ])(
    "refuses %s: only localhost, 127.0.0.0/8 literals and [::1] cannot leave the machine",
    (domain) =>
      Effect.gen(function*() {
        const error = yield* configErrorOf({ workspaceApiDomain: domain })
        expect(error.setting).toBe("workspaceApiDomain")
        expect(error.message).toContain("uses http://")
      })
  )

  it.effect("accepts a trailing dot over https, where TLS checks the host", () =>
    Effect.gen(function*() {
      expect((yield* settingsOf({ workspaceApiDomain: "https://localhost." })).baseUrl).toBe("https://localhost.")
    }))
})

describe("UizaConfig: values of the wrong type (from untyped JavaScript)", () => {
  const make = (options: unknown) => UizaConfig.make(options as UizaConfig.Options)
  const base = { workspaceApiDomain: "api.uiza.example", authorization: token }

  it.effect.each(
    [
      [{ ...base, workspaceApiDomain: 42 }, "workspaceApiDomain"],
      [{ ...base, workspaceApiDomain: { host: "api.uiza.example" } }, "workspaceApiDomain"],
      [{ ...base, workspaceApiDomain: null }, "workspaceApiDomain"],
      [{ ...base, workspaceApiDomain: undefined }, "workspaceApiDomain"],
      [{ ...base, authorization: 42 }, "authorization"],
      [{ ...base, authorization: { token } }, "authorization"],
      [{ ...base, authorization: null }, "authorization"],
      [{ ...base, authorization: Redacted.make(42) }, "authorization"],
      [{ ...base, timeout: { seconds: 3 } }, "timeout"],
      [{ ...base, maxRetries: "3" }, "maxRetries"],
      [{ ...base, maxRetries: { n: 3 } }, "maxRetries"],
      [{ ...base, deadline: [] }, "deadline"],
      [undefined, "options"],
      [null, "options"],
      ["api.uiza.example", "options"]
    ] as const
  )("fails with a UizaConfigError, never a throw: %j", ([options, setting]) =>
    Effect.gen(function*() {
      expect(() => make(options)).not.toThrow()
      expect(() => UizaConfig.layer(options as never)).not.toThrow()
      const error = yield* Effect.flip(make(options))
      expect(error).toBeInstanceOf(UizaError.UizaConfigError)
      expect(error.setting).toBe(setting)
      const fromLayer = yield* Effect.flip(Effect.scoped(Layer.build(UizaConfig.layer(options as never))))
      expect(fromLayer).toMatchObject({ _tag: "UizaConfigError", setting })
    }))
})

describe("UizaConfig: documented ranges", () => {
  it.effect("accepts the bounds", () =>
    Effect.gen(function*() {
      const settings = yield* settingsOf({ maxRetries: 10, timeout: "10 minutes", deadline: "1 hour" })
      expect(settings.maxRetries).toBe(UizaConfig.limits.maxRetries)
      expect(Duration.toMillis(settings.timeout)).toBe(600_000)
      expect(Option.map(settings.deadline, Duration.toMillis)).toEqual(Option.some(3_600_000))
    }))

  it.effect.each(
    [
      [{ maxRetries: 11 }, "maxRetries", "from 0 to 10"],
      [{ maxRetries: 1e6 }, "maxRetries", "from 0 to 10"],
      [{ maxRetries: Number.POSITIVE_INFINITY }, "maxRetries", "from 0 to 10"],
      [{ timeout: Number.POSITIVE_INFINITY }, "timeout", "at most 10m"],
      [{ timeout: "Infinity" as never }, "timeout", "is not a duration"],
      [{ timeout: "11 minutes" }, "timeout", "at most 10m"],
      [{ timeout: Number.NaN }, "timeout", "longer than zero"],
      [{ deadline: Number.POSITIVE_INFINITY }, "deadline", "at most 1h"],
      [{ deadline: "2 hours" }, "deadline", "at most 1h"]
    ] as const
  )("refuses %j", ([options, setting, problem]) =>
    Effect.gen(function*() {
      const error = yield* configErrorOf(options)
      expect(error.setting).toBe(setting)
      expect(error.message).toContain(problem)
    }))

  it.effect("refuses absurd per-call options with a UizaConfigError, sending nothing", () =>
    Effect.gen(function*() {
      const stub = stubHttpClient(reply(200, "{}"))
      const layer = Layer.merge(
        stub.layer,
        UizaConfig.layer({ workspaceApiDomain: "api.uiza.example", authorization: token })
      )
      for (
        const [options, setting] of [
          [{ maxRetries: 1e6 }, "maxRetries"],
          [{ maxRetries: -1 }, "maxRetries"],
          [{ timeout: Number.POSITIVE_INFINITY }, "timeout"],
          [{ timeout: "1 day" }, "timeout"],
          [{ deadline: "1 week" }, "deadline"],
          [{ deadline: 0 }, "deadline"]
        ] as const
      ) {
        const error = yield* Effect.flip(Effect.provide(User.logout(options), layer))
        expect(error).toMatchObject({ _tag: "UizaConfigError", setting, retryable: false, possiblyDelivered: false })
        expect(error.message).toContain(`Invalid option of Uiza.User.logout: ${setting}`)
      }
      expect(stub.requests).toHaveLength(0)
    }))
})

describe("UizaConfig.layerConfig: numbers and durations from the environment", () => {
  const build = (env: Record<string, string>) =>
    Effect.scoped(Layer.build(UizaConfig.layerConfig())).pipe(
      Effect.map((context) => context.unsafeMap.get(UizaConfig.UizaConfig.key) as UizaConfig.Settings),
      Effect.withConfigProvider(
        ConfigProvider.fromMap(
          new Map(Object.entries({ UIZA_WORKSPACE_API_DOMAIN: "api.uiza.example", UIZA_AUTHORIZATION: token, ...env }))
        )
      )
    )

  it.effect.each(["", "1e3", "0x10", " 3 ", "3 ", "-1", "+3", "3.0", "11", "99999999999999999999", token])(
    "refuses UIZA_MAX_RETRIES=%j, naming the variable and the setting",
    (value) =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(build({ UIZA_MAX_RETRIES: value }))
        expect(error.setting).toBe("maxRetries")
        expect(error.message).toContain("maxRetries (UIZA_MAX_RETRIES)")
        if (value.length > 0) expect(error.message).not.toContain(value.trim())
      })
  )

  it.effect.each([["0", 0], ["3", 3], ["10", 10]] as const)(
    "reads UIZA_MAX_RETRIES=%j as %d",
    ([value, retries]) =>
      Effect.gen(function*() {
        expect((yield* build({ UIZA_MAX_RETRIES: value })).maxRetries).toBe(retries)
      })
  )

  it.effect.each(
    [
      ["10", 10_000],
      ["2.5", 2_500],
      ["10 seconds", 10_000],
      ["500 millis", 500],
      ["2 minutes", 120_000]
    ] as const
  )(
    "reads UIZA_TIMEOUT=%j as %d ms, a plain number being seconds as on the command line",
    ([value, millis]) =>
      Effect.gen(function*() {
        expect(Duration.toMillis((yield* build({ UIZA_TIMEOUT: value })).timeout)).toBe(millis)
        const deadline = (yield* build({ UIZA_DEADLINE: value })).deadline
        expect(Option.map(deadline, Duration.toMillis)).toEqual(Option.some(millis))
      })
  )

  it.effect("an empty UIZA_TIMEOUT or UIZA_DEADLINE is unset", () =>
    Effect.gen(function*() {
      const settings = yield* build({ UIZA_TIMEOUT: "", UIZA_DEADLINE: "" })
      expect(Duration.toMillis(settings.timeout)).toBe(30_000)
      expect(Option.isNone(settings.deadline)).toBe(true)
    }))

  it.effect.each(
    [
      ["UIZA_TIMEOUT", "timeout", "soon", "is not a duration"],
      ["UIZA_TIMEOUT", "timeout", " 10", "is not a duration"],
      ["UIZA_TIMEOUT", "timeout", "1e3", "is not a duration"],
      ["UIZA_TIMEOUT", "timeout", "0", "must be longer than zero"],
      ["UIZA_TIMEOUT", "timeout", "601", "must be at most 10m"],
      ["UIZA_TIMEOUT", "timeout", token, "is not a duration"],
      ["UIZA_DEADLINE", "deadline", "later", "is not a duration"],
      ["UIZA_DEADLINE", "deadline", "2 hours", "must be at most 1h"]
    ] as const
  )("refuses %s=%j with setting %j", ([variable, setting, value, problem]) =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(build({ [variable]: value }))
      expect(error.setting).toBe(setting)
      expect(error.message).toContain(`${setting} (${variable}) ${problem}`)
      expect(error.message).not.toContain(token.split("-")[1])
    }))

  it.effect("a missing variable names its setting", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        Effect.scoped(Layer.build(UizaConfig.layerConfig())).pipe(
          Effect.withConfigProvider(
            ConfigProvider.fromMap(new Map([["UIZA_WORKSPACE_API_DOMAIN", "api.uiza.example"]]))
          )
        )
      )
      expect(error).toMatchObject({
        _tag: "UizaConfigError",
        setting: "authorization",
        message: "Invalid Uiza configuration: UIZA_AUTHORIZATION is not set."
      })
    }))
})

describe("a missing configuration in a ManagedRuntime", () => {
  it.effect("is caught by catchIf(UizaError.isUizaError), as in the getting-started sample", () =>
    Effect.gen(function*() {
      const stub = stubHttpClient(reply(200, "{}"))
      const runtime = ManagedRuntime.make(Layer.merge(stub.layer, UizaConfig.layerConfig()))
      const outcome = yield* Effect.promise(() =>
        Effect.runPromise(
          User.logout().pipe(
            Effect.map((result) => result.message),
            Effect.provide(runtime),
            Effect.catchIf(UizaError.isUizaError, (error) => Effect.succeed(`logout failed: ${error._tag}`)),
            Effect.withConfigProvider(ConfigProvider.fromMap(new Map()))
          )
        )
      )
      expect(outcome).toBe("logout failed: UizaConfigError")
      expect(stub.requests).toHaveLength(0)
      yield* Effect.promise(() => runtime.dispose())
    }))
})

describe("UizaConfig.layerWithHttpClient", () => {
  // A client layer that counts its builds and closes.
  const countedClient = () => {
    const counts = { built: 0, closed: 0 }
    const stub = stubHttpClient(reply(200, JSON.stringify({ data: { message: "Logout success" }, code: 200 })))
    const client = Context.get(Effect.runSync(Layer.build(stub.layer).pipe(Effect.scoped)), HttpClient.HttpClient)
    const layer = Layer.scoped(
      HttpClient.HttpClient,
      Effect.acquireRelease(Effect.sync(() => (counts.built++, client)), () => Effect.sync(() => counts.closed++))
    )
    return { counts, layer, requests: stub.requests }
  }
  const options = { workspaceApiDomain: "api.uiza.example", authorization: token }

  it.effect("a program without a client gets the Uiza client itself: built once, closed once", () =>
    Effect.gen(function*() {
      const { counts, layer } = countedClient()
      yield* Effect.scoped(
        Effect.gen(function*() {
          const context = yield* Layer.build(UizaConfig.layerWithHttpClient(UizaConfig.layer(options), layer))
          const settings = Context.get(context, UizaConfig.UizaConfig)
          expect(Context.get(context, HttpClient.HttpClient)).toBe(settings.httpClient)
          expect(counts).toStrictEqual({ built: 1, closed: 0 })
        })
      )
      expect(counts).toStrictEqual({ built: 1, closed: 1 })
    }))

  it.effect("a client layer made with Layer.suspend, flatMap or unwrapEffect is built once too", () =>
    Effect.gen(function*() {
      // Each makes the client's layer when it is built, as a layer written that way does.
      const wrappings: ReadonlyArray<
        (make: () => Layer.Layer<HttpClient.HttpClient>) => Layer.Layer<HttpClient.HttpClient>
      > = [
        (make) => Layer.suspend(make),
        (make) => Layer.flatMap(Layer.empty, make),
        (make) => Layer.unwrapEffect(Effect.sync(make)),
        (make) => Layer.provide(make(), Layer.empty)
      ]
      for (const wrap of wrappings) {
        const { counts, layer } = countedClient()
        const fresh = () =>
          Layer.scoped(HttpClient.HttpClient, Layer.build(layer).pipe(Effect.map(Context.get(HttpClient.HttpClient))))
        yield* Effect.scoped(
          Effect.gen(function*() {
            const context = yield* Layer.build(UizaConfig.layerWithHttpClient(UizaConfig.layer(options), wrap(fresh)))
            expect(Context.get(context, HttpClient.HttpClient)).toBe(
              Context.get(context, UizaConfig.UizaConfig).httpClient
            )
          })
        )
        expect(counts).toStrictEqual({ built: 1, closed: 1 })
      }
    }))

  it.effect("a program with a client of its own keeps it; Uiza calls use the Uiza client", () =>
    Effect.gen(function*() {
      const uiza = countedClient()
      const own = stubHttpClient(reply(500, "{}"))
      const result = yield* Effect.gen(function*() {
        const programClient = yield* HttpClient.HttpClient
        const message = (yield* User.logout()).message
        return { programClient, message }
      }).pipe(
        Effect.provide(UizaConfig.layerWithHttpClient(UizaConfig.layer(options), uiza.layer)),
        Effect.provide(own.layer)
      )
      expect(result.message).toBe("Logout success")
      expect(uiza.requests).toHaveLength(1)
      expect(own.requests).toHaveLength(0)
      expect(uiza.counts).toStrictEqual({ built: 1, closed: 1 })
      expect(result.programClient).toBe(yield* Effect.provide(HttpClient.HttpClient, own.layer))
    }))
})
