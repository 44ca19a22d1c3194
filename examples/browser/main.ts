/**
 * Logs out from a browser page with BrowserUiza, against the workspace API
 * domain and token typed into the form of index.html.
 *
 * Bundle it, then open index.html through the dev server:
 *
 *   pnpm --filter @uiza-effect/examples build:browser   # writes browser/dist/main.js
 *   pnpm --filter @uiza-effect/examples serve:browser   # http://127.0.0.1:8000
 *
 * and, for a local API to try it against, in another terminal:
 *
 *   pnpm --filter @uiza-effect/examples local-api
 */
import { BrowserUiza } from "@uiza-effect/browser"
import { User } from "@uiza-effect/core"
import { Effect, Redacted } from "effect"

const form = document.querySelector<HTMLFormElement>("#logout")
const output = document.querySelector<HTMLPreElement>("#output")

const show = (text: string) => {
  if (output) output.textContent = text
}

// The token is wrapped in Redacted as soon as it is read from the form: it is
// unwrapped only when the SDK writes the Authorization header.
const logout = (workspaceApiDomain: string, token: Redacted.Redacted<string>) =>
  User.logout().pipe(
    Effect.map((result) => `${result.message} (request ${result.requestId ?? "without id"})`),
    // Building the layer validates the domain and the token: a bad form fails with UizaConfigError.
    Effect.provide(BrowserUiza.layer({ workspaceApiDomain, authorization: token })),
    Effect.catchTags({
      UnauthorizedError: (error) => Effect.succeed(`The token is not valid (already logged out?): ${error.message}`),
      UizaConfigError: (error) => Effect.succeed(`Check the form: ${error.message}`),
      ConnectionError: (error) => Effect.succeed(`Could not reach the API: ${error.message}`)
    }),
    Effect.catchAll((error) => Effect.succeed(`${error._tag}: ${error.message}`))
  )

form?.addEventListener("submit", (event) => {
  event.preventDefault()
  const data = new FormData(form)
  const domain = String(data.get("domain") ?? "").trim()
  const token = Redacted.make(String(data.get("token") ?? "").trim())
  show("Logging out…")
  Effect.runPromise(logout(domain, token)).then(show, (defect) => show(`Unexpected failure: ${String(defect)}`))
})
