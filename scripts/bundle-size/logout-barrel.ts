/** A logout as in logout-browser.ts, with \`User\` imported through the core's barrel. */
import { BrowserUiza } from "@uiza-effect/browser"
import { User } from "@uiza-effect/core"
import * as Effect from "effect/Effect"
import { token } from "./program.ts"

Effect.runFork(
  User.logout().pipe(
    Effect.catchAll((error) => Effect.succeed(error._tag)),
    Effect.provide(BrowserUiza.layer({ workspaceApiDomain: "your-workspace-api-domain.uiza.co", authorization: token }))
  )
)
