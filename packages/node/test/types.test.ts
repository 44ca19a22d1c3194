import type * as HttpClient from "@effect/platform/HttpClient"
import { describe, expectTypeOf, it } from "@effect/vitest"
import { BrowserUiza } from "@uiza-effect/browser"
import type { UizaConfig, UizaError } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import type * as Layer from "effect/Layer"

// Checked by `tsc -b` (part of the test command); the runtime assertions are no-ops.
describe("preset types", () => {
  it("the presets provide both requirements and fail only with UizaConfigError", () => {
    type Preset = Layer.Layer<HttpClient.HttpClient | UizaConfig.UizaConfig, UizaError.UizaConfigError>
    expectTypeOf(NodeUiza.layer).returns.toEqualTypeOf<Preset>()
    expectTypeOf(NodeUiza.layerConfig).returns.toEqualTypeOf<Preset>()
    expectTypeOf(BrowserUiza.layer).returns.toEqualTypeOf<Preset>()
    expectTypeOf(NodeUiza.layerHttpClient).toEqualTypeOf<Layer.Layer<HttpClient.HttpClient>>()
    expectTypeOf(BrowserUiza.layerHttpClient).toEqualTypeOf<Layer.Layer<HttpClient.HttpClient>>()
  })
})
