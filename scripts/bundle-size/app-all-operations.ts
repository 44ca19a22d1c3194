/** The app plus every User and Auth operation through the browser preset. */
import { BrowserUiza } from "@uiza-effect/browser"
import * as Effect from "effect/Effect"
import { appProgram } from "./app.ts"
import { everyOperationOn, token, workspaceApiDomain } from "./operations.ts"

Effect.runFork(
  Effect.zip(
    appProgram,
    everyOperationOn(BrowserUiza.layer({ workspaceApiDomain, authorization: token }), BrowserUiza.layerHttpClient)
  )
)
