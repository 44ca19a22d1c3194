/**
 * The bundle-size entry: a browser program that logs out with the SDK's
 * browser preset and handles its errors by tag.
 */
import { BrowserUiza } from "@uiza-effect/browser"
import * as Effect from "effect/Effect"
import { logoutOn, token } from "./program.ts"

Effect.runFork(
  logoutOn(BrowserUiza.layer({ workspaceApiDomain: "your-workspace-api-domain.uiza.co", authorization: token }))
)
