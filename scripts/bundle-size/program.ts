/**
 * The program the bundle-size entries measure: log out, handle the errors by
 * tag, print the outcome. Each entry gives it the layer to run on.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type { UizaConfig, UizaError } from "@uiza-effect/core"
// The subpath entry: esbuild does not tree-shake the members of a namespace re-exported by a
// barrel (`export * as User`), so `import { User } from "@uiza-effect/core"` brings every
// operation of the module along (the row "through the barrel" measures it).
import * as User from "@uiza-effect/core/User"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"

export const token = sessionStorage.getItem("uiza-token") ?? ""

export const logoutOn = (
  layer: Layer.Layer<HttpClient.HttpClient | UizaConfig.UizaConfig, UizaError.UizaConfigError>
) =>
  User.logout({ timeout: "10 seconds" }).pipe(
    Effect.map((result) => `logged out: ${result.message}`),
    Effect.catchTag("UnauthorizedError", () => Effect.succeed("already logged out")),
    Effect.catchTags({
      ConnectionError: (error) => Effect.succeed(`offline: ${error.message}`),
      TimeoutError: (error) => Effect.succeed(`timed out: ${error.message}`)
    }),
    Effect.catchAll((error) => Effect.succeed(`failed: ${error._tag}`)),
    Effect.flatMap(Console.log),
    Effect.provide(layer)
  )
