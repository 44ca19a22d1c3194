// A small "user program", as an application using the SDK would write it:
// log out, and treat a token that is already revoked (401) as done. Every
// other failure stays a typed error for the caller.
import type { HttpClient } from "@effect/platform/HttpClient"
import { type UizaConfig, type UizaError, User } from "@uiza-effect/core"
import * as Effect from "effect/Effect"

export type SignOutOutcome =
  | { readonly _tag: "SignedOut"; readonly message: string; readonly requestId: string | undefined }
  | { readonly _tag: "AlreadySignedOut"; readonly requestId: string | undefined }

export const signOut = (
  options?: User.LogoutOptions
): Effect.Effect<
  SignOutOutcome,
  Exclude<UizaError.UizaError, UizaError.UnauthorizedError>,
  HttpClient | UizaConfig.UizaConfig
> =>
  User.logout(options).pipe(
    Effect.map((result): SignOutOutcome => ({
      _tag: "SignedOut",
      message: result.message,
      requestId: result.requestId
    })),
    Effect.catchTag("UnauthorizedError", (error) =>
      Effect.succeed<SignOutOutcome>({ _tag: "AlreadySignedOut", requestId: error.requestId }))
  )
