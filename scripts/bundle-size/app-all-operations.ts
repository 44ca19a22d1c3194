/** The app plus every User and Auth operation through the browser preset. */
import { BrowserUiza } from "@uiza-effect/browser"
import * as Auth from "@uiza-effect/core/Auth"
import * as UizaConfig from "@uiza-effect/core/UizaConfig"
import * as User from "@uiza-effect/core/User"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { appProgram } from "./app.ts"
import { token } from "./program.ts"

const workspaceApiDomain = "your-workspace-api-domain.uiza.co"
const password = sessionStorage.getItem("uiza-password") ?? ""

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
  Effect.provide(BrowserUiza.layer({ workspaceApiDomain, authorization: token }))
)

const session = Auth.createToken({ workspaceApiDomain, username: "ada@example.com", password, domain: "example" }).pipe(
  Effect.flatMap((issued) => Console.log(issued.appId)),
  Effect.catchAll((error) => Console.error(error._tag)),
  Effect.provide(BrowserUiza.layerHttpClient)
)

const login = UizaConfig.layerLogin({ workspaceApiDomain, username: "ada@example.com", password, domain: "example" })

Effect.runFork(
  Effect.all([appProgram, everyOperation, session, Effect.provide(Effect.void, login)]).pipe(
    Effect.catchAll((error) => Console.error(error._tag)),
    Effect.provide(BrowserUiza.layerHttpClient)
  )
)
