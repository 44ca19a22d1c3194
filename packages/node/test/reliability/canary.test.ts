import { describe, expect, it } from "@effect/vitest"
import { UizaConfig, User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as FastCheck from "effect/FastCheck"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as util from "node:util"
import { echoBodies, escapedJson, expectNoCanary, outcomeTexts } from "../support/canary.js"
import { capture, renderings, spanTexts } from "../support/capture.js"
import * as FaultServer from "../support/faultServer.js"

// A token of visible ASCII, sometimes with the characters JSON must escape.
const canaryArbitrary = FastCheck.tuple(
  FastCheck.stringMatching(/^[0-9a-f]{16}$/),
  FastCheck.constantFrom("", "\"", "\\", "<>&'", "%41")
).map(([hex, odd]) => `uap-canary${odd}${hex}-x`)

type Mode =
  | { readonly _tag: "Reply"; readonly status: number; readonly body: number; readonly echoHeader: boolean }
  | { readonly _tag: "HalfBody"; readonly status: number; readonly body: number }
  | { readonly _tag: "StallBody" }
  | { readonly _tag: "StallBeforeHeaders" }
  | { readonly _tag: "ResetBeforeRead" }
  | { readonly _tag: "ResetAfterRead" }
  | { readonly _tag: "Redirect"; readonly status: number }
  | { readonly _tag: "Refused" }

const modeArbitrary: FastCheck.Arbitrary<Mode> = FastCheck.oneof(
  FastCheck.record({
    _tag: FastCheck.constant("Reply" as const),
    status: FastCheck.oneof(
      FastCheck.constantFrom(200, 400, 401, 404, 422, 500, 502, 503),
      FastCheck.integer({ min: 200, max: 599 })
    ),
    body: FastCheck.nat(8),
    echoHeader: FastCheck.boolean()
  }),
  FastCheck.record({
    _tag: FastCheck.constant("HalfBody" as const),
    status: FastCheck.constantFrom(200, 401, 503),
    body: FastCheck.nat(8)
  }),
  FastCheck.constant({ _tag: "StallBody" as const }),
  FastCheck.constant({ _tag: "StallBeforeHeaders" as const }),
  FastCheck.constant({ _tag: "ResetBeforeRead" as const }),
  FastCheck.constant({ _tag: "ResetAfterRead" as const }),
  FastCheck.record({
    _tag: FastCheck.constant("Redirect" as const),
    status: FastCheck.constantFrom(301, 302, 307, 308)
  }),
  FastCheck.constant({ _tag: "Refused" as const })
)

const stepOf = (mode: Mode, token: string): FaultServer.Step => {
  switch (mode._tag) {
    case "Reply":
      return {
        _tag: "Reply",
        status: mode.status,
        headers: {
          "content-type": "application/json",
          ...(mode.echoHeader ? { "x-echo": token, "www-authenticate": token, "retry-after": token } : {})
        },
        body: echoBodies(token)[mode.body]
      }
    case "HalfBody":
      return { _tag: "HalfBody", status: mode.status, body: echoBodies(token)[mode.body] || token }
    case "StallBody":
      return { _tag: "StallBody", status: 200, headers: { "x-echo": token }, firstChunk: `{"message":"${token}` }
    case "Redirect":
      return { _tag: "Reply", status: mode.status, headers: { location: `http://127.0.0.1:9/${token}` } }
    case "StallBeforeHeaders":
    case "ResetBeforeRead":
    case "ResetAfterRead":
      return mode
    case "Refused":
      return { _tag: "StallBeforeHeaders" }
  }
}

describe("the canary token never leaks", () => {
  it.live("through any failure mode on a real socket", () =>
    Effect.promise(() =>
      FastCheck.assert(
        FastCheck.asyncProperty(canaryArbitrary, modeArbitrary, async (token, mode) => {
          const program = Effect.gen(function*() {
            const server = yield* FaultServer.make([stepOf(mode, token)])
            const url = mode._tag === "Refused" ? yield* FaultServer.closedPort : server.url
            const layer = NodeUiza.layer({
              workspaceApiDomain: url,
              authorization: token,
              timeout: "200 millis",
              maxRetries: 0
            })
            const { exit, logs, spans } = yield* capture(User.logout().pipe(Effect.provide(layer)))
            expectNoCanary(token, [...outcomeTexts(exit), ...logs, ...spans.flatMap(spanTexts)])
          })
          await Effect.runPromise(Effect.scoped(program))
        }),
        { numRuns: 100 }
      )
    ), { timeout: 120_000 })

  it.live(
    "through invalid configuration, and never in the config service or the layers",
    () =>
      Effect.promise(() =>
        FastCheck.assert(
          FastCheck.asyncProperty(canaryArbitrary, async (token) => {
            const invalid: Array<UizaConfig.Options> = [
              { workspaceApiDomain: `${token}@evil.example`, authorization: token },
              { workspaceApiDomain: `https://good.uiza.co/${token}`, authorization: token },
              { workspaceApiDomain: `good.uiza.co?${token}`, authorization: token },
              { workspaceApiDomain: `ftp://${token}`, authorization: token },
              { workspaceApiDomain: "good.uiza.co", authorization: `${token}\r\nx-evil: 1` },
              { workspaceApiDomain: "good.uiza.co", authorization: ` ${token}` },
              { workspaceApiDomain: "good.uiza.co", authorization: `${token}é` },
              { workspaceApiDomain: "good.uiza.co", authorization: token, timeout: token as never },
              { workspaceApiDomain: "good.uiza.co", authorization: token, maxRetries: Number.NaN }
            ]
            for (const options of invalid) {
              const { exit, logs, spans } = await Effect.runPromise(
                capture(Effect.provide(UizaConfig.UizaConfig, UizaConfig.layer(options)))
              )
              expect(exit._tag).toBe("Failure")
              expectNoCanary(token, [...outcomeTexts(exit), ...logs, ...spans.flatMap(spanTexts)])
            }

            // Values read from a ConfigProvider, the token among them in the wrong places.
            const fromEnvironment = (map: Record<string, string>) =>
              Effect.runPromise(
                capture(
                  Effect.provide(
                    UizaConfig.UizaConfig,
                    UizaConfig.layerConfig().pipe(
                      Layer.provide(Layer.setConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(map)))))
                    )
                  )
                )
              )
            for (
              const map of [
                { UIZA_WORKSPACE_API_DOMAIN: "good.uiza.co", UIZA_AUTHORIZATION: token, UIZA_TIMEOUT: token },
                { UIZA_WORKSPACE_API_DOMAIN: "good.uiza.co", UIZA_AUTHORIZATION: token, UIZA_MAX_RETRIES: token },
                { UIZA_WORKSPACE_API_DOMAIN: "good.uiza.co", UIZA_AUTHORIZATION: token, UIZA_DEADLINE: token },
                { UIZA_WORKSPACE_API_DOMAIN: `${token}@evil.example`, UIZA_AUTHORIZATION: token }
              ]
            ) {
              const { exit, logs } = await fromEnvironment(map)
              expect(exit._tag).toBe("Failure")
              expectNoCanary(token, [...outcomeTexts(exit), ...logs])
            }

            // A valid configuration: the service and the layers show <redacted>.
            const options = { workspaceApiDomain: "good.uiza.co", authorization: token }
            const settings = await Effect.runPromise(UizaConfig.make(options))
            const redactedSettings = await Effect.runPromise(
              UizaConfig.make({ ...options, authorization: Redacted.make(token) })
            )
            const texts = [
              ...renderings(settings),
              ...renderings(redactedSettings),
              `${settings.authorization}`,
              String(settings.authorization),
              util.inspect(UizaConfig.layer(options), { depth: Infinity, showHidden: true }),
              util.inspect(NodeUiza.layer(options), { depth: Infinity, showHidden: true }),
              JSON.stringify(settings)
            ]
            expectNoCanary(token, texts)
            const fromLayer = await Effect.runPromise(
              Effect.provide(UizaConfig.UizaConfig, NodeUiza.layer(options))
            )
            expectNoCanary(token, renderings(fromLayer))
          }),
          { numRuns: 20 }
        )
      ),
    { timeout: 60_000 }
  )

  it.scopedLive("an echo spelled with JSON escapes is scrubbed from results, errors and spans", () =>
    Effect.gen(function*() {
      const token = "uap-canary\\\"0123456789abcdef-x"
      for (
        const [status, body] of [
          [200, escapedJson({ data: { message: "Logout success" }, requestId: token, code: 200, type: "SUCCESS" })],
          [302, escapedJson({ message: token, requestId: token })],
          [200, escapedJson({ requestId: token })],
          [401, escapedJson({ code: 401, type: "ERROR", message: token, requestId: token })]
        ] as const
      ) {
        const server = yield* FaultServer.make([{ _tag: "Reply", status, body }])
        const layer = NodeUiza.layer({ workspaceApiDomain: server.url, authorization: token, maxRetries: 0 })
        const { exit, logs, spans } = yield* capture(User.logout().pipe(Effect.provide(layer)))
        expect(server.requests[0].headers.authorization).toBe(token)
        expectNoCanary(token, [...outcomeTexts(exit), ...logs, ...spans.flatMap(spanTexts)])
      }
    }))
})
