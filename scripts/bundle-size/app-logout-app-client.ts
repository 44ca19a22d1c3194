/** The app plus a logout on the app's own `FetchHttpClient`, configured with `UizaConfig.layer`. */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as UizaConfig from "@uiza-effect/core/UizaConfig"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { appProgram } from "./app.ts"
import { logoutOn, token } from "./program.ts"

Effect.runFork(
  Effect.zip(
    appProgram,
    logoutOn(
      Layer.merge(
        UizaConfig.layer({ workspaceApiDomain: "your-workspace-api-domain.uiza.co", authorization: token }),
        FetchHttpClient.layer
      )
    )
  )
)
