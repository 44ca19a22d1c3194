import type * as HttpClient from "@effect/platform/HttpClient"
import { describe, expectTypeOf, it } from "@effect/vitest"
import { type UizaConfig, UizaError, User } from "@uiza-effect/core"
import type * as Effect from "effect/Effect"

// Checked by `tsc -b` (part of the test command); the runtime assertions are no-ops.
describe("public types", () => {
  it("User.logout needs exactly HttpClient and UizaConfig, and fails only with UizaError (an invalid option included)", () => {
    expectTypeOf(User.logout()).toEqualTypeOf<
      Effect.Effect<User.LogoutResult, UizaError.UizaError, HttpClient.HttpClient | UizaConfig.UizaConfig>
    >()
    expectTypeOf<Effect.Effect.Error<ReturnType<typeof User.logout>>>().toEqualTypeOf<
      | UizaError.BadRequestError
      | UizaError.UnauthorizedError
      | UizaError.NotFoundError
      | UizaError.UnprocessableError
      | UizaError.InternalServerError
      | UizaError.ServiceUnavailableError
      | UizaError.ClientError
      | UizaError.ServerError
      | UizaError.ConnectionError
      | UizaError.TimeoutError
      | UizaError.ResponseDecodeError
      | UizaError.ResponseTooLargeError
      | UizaError.InvalidInputError
      | UizaError.UizaConfigError
    >()
  })

  it("isUizaError keeps the type it narrows", () => {
    const narrow = (error: UizaError.TimeoutError | { readonly _tag: "AppError" }) =>
      UizaError.isUizaError(error) ? error : undefined
    expectTypeOf(narrow).returns.toEqualTypeOf<UizaError.TimeoutError | undefined>()
  })

  it("a provided logout has no requirements left", () => {
    type Provided = Effect.Effect.Context<
      ReturnType<typeof User.logout> extends Effect.Effect<infer A, infer E, infer R>
        ? Effect.Effect<A, E, Exclude<R, HttpClient.HttpClient | UizaConfig.UizaConfig>>
        : never
    >
    expectTypeOf<Provided>().toEqualTypeOf<never>()
  })
})
