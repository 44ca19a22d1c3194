/**
 * The bundle-size entry: a browser program that logs out with the SDK's
 * browser preset and handles its errors by tag.
 */
import { BrowserUiza } from "@uiza-effect/browser"
import { User } from "@uiza-effect/core"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"

const token = sessionStorage.getItem("uiza-token") ?? ""

const program = User.logout({ timeout: "10 seconds" }).pipe(
  Effect.map((result) => `logged out: ${result.message}`),
  Effect.catchTag("UnauthorizedError", () => Effect.succeed("already logged out")),
  Effect.catchTags({
    ConnectionError: (error) => Effect.succeed(`offline: ${error.message}`),
    TimeoutError: (error) => Effect.succeed(`timed out: ${error.message}`)
  }),
  Effect.catchAll((error) => Effect.succeed(`failed: ${error._tag}`)),
  Effect.flatMap(Console.log),
  Effect.provide(BrowserUiza.layer({ workspaceApiDomain: "your-workspace-api-domain.uiza.co", authorization: token }))
)

Effect.runFork(program)
