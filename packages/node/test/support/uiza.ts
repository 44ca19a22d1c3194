/**
 * Shortcuts for the reliability tests: a logout through `NodeUiza.layer`
 * against a given origin, with the outcome as an `Either`.
 */
import { type UizaConfig, type UizaError, User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import * as Effect from "effect/Effect"
import type * as Either from "effect/Either"

export const TOKEN = "uap-0123456789abcdef0123456789abcdef-01234567"

export type ClientOptions = Omit<UizaConfig.Options, "workspaceApiDomain" | "authorization">

/** One logout through a fresh `NodeUiza.layer` (its pool closes when the call ends). */
export const logout = (
  url: string,
  client: ClientOptions = {},
  call?: User.LogoutOptions
): Effect.Effect<Either.Either<User.LogoutResult, UizaError.UizaError>> =>
  User.logout(call).pipe(
    Effect.either,
    Effect.provide(NodeUiza.layer({ ...client, authorization: TOKEN, workspaceApiDomain: url })),
    Effect.orDie
  )

/** The error of a logout that must fail. */
export const logoutError = (
  url: string,
  client: ClientOptions = {},
  call?: User.LogoutOptions
): Effect.Effect<UizaError.UizaError> =>
  Effect.flatMap(
    logout(url, client, call),
    (either) => either._tag === "Left" ? Effect.succeed(either.left) : Effect.dieMessage("expected the logout to fail")
  )
