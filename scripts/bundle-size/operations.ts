/**
 * Every User and Auth operation, run on the layers an entry gives: the
 * `UizaConfig` layer maker and the `HttpClient` layer to build it on.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type { UizaError } from "@uiza-effect/core"
import * as Auth from "@uiza-effect/core/Auth"
import * as UizaConfig from "@uiza-effect/core/UizaConfig"
import * as User from "@uiza-effect/core/User"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { token } from "./program.ts"

const workspaceApiDomain = "your-workspace-api-domain.uiza.co"
const password = sessionStorage.getItem("uiza-password") ?? ""

export const everyOperationOn = (
  uiza: Layer.Layer<HttpClient.HttpClient | UizaConfig.UizaConfig, UizaError.UizaConfigError>,
  httpClient: Layer.Layer<HttpClient.HttpClient>
) => {
  const everyOperation = Effect.gen(function*() {
    const user = yield* User.create({ username: "ada", email: "ada@example.com", password, status: "active" })
    yield* User.retrieve(user.id)
    yield* User.list({ limit: 20 })
    yield* Stream.runCollect(User.listAll())
    yield* User.update({ id: user.id, fullName: "Ada Lovelace" })
    yield* User.changePassword({ id: user.id, oldPassword: password, newPassword: `${password}!` })
    yield* User.delete(user.id)
    yield* Auth.checkToken()
    yield* User.logout()
  }).pipe(
    Effect.catchAll((error) => Console.error(error._tag)),
    Effect.provide(uiza)
  )
  const session = Auth.createToken({ workspaceApiDomain, username: "ada@example.com", password, domain: "example" })
    .pipe(
      Effect.flatMap((issued) => Console.log(issued.appId)),
      Effect.catchAll((error) => Console.error(error._tag)),
      Effect.provide(httpClient)
    )
  const login = UizaConfig.layerLogin({ workspaceApiDomain, username: "ada@example.com", password, domain: "example" })
  return Effect.all([everyOperation, session, Effect.provide(Effect.void, login)]).pipe(
    Effect.catchAll((error) => Console.error(error._tag)),
    Effect.provide(httpClient)
  )
}

export { token, workspaceApiDomain }
