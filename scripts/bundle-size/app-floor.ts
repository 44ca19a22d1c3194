/** The app alone, without the SDK. */
import * as Effect from "effect/Effect"
import { appProgram } from "./app.ts"

Effect.runFork(appProgram)
