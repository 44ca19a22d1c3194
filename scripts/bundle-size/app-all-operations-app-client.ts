/** The app plus every User and Auth operation on the app's own `FetchHttpClient`. */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as UizaConfig from "@uiza-effect/core/UizaConfig"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { appProgram } from "./app.ts"
import { everyOperationOn, token, workspaceApiDomain } from "./operations.ts"

Effect.runFork(
  Effect.zip(
    appProgram,
    everyOperationOn(
      Layer.merge(UizaConfig.layer({ workspaceApiDomain, authorization: token }), FetchHttpClient.layer),
      FetchHttpClient.layer
    )
  )
)
