/** The app plus a logout through the browser preset. */
import { BrowserUiza } from "@uiza-effect/browser"
import * as Effect from "effect/Effect"
import { appProgram } from "./app.ts"
import { logoutOn, token } from "./program.ts"

Effect.runFork(
  Effect.zip(
    appProgram,
    logoutOn(BrowserUiza.layer({ workspaceApiDomain: "your-workspace-api-domain.uiza.co", authorization: token }))
  )
)
