/** A naive logout without the SDK: FetchHttpClient, HttpClientRequest, response.json. */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"

const token = sessionStorage.getItem("uiza-token") ?? ""

const program = Effect.flatMap(HttpClient.HttpClient, (client) =>
  client.execute(
    HttpClientRequest.post("https://your-workspace-api-domain.uiza.co/api/public/v3/admin/user/logout").pipe(
      HttpClientRequest.setHeaders({ authorization: token, accept: "application/json" }),
      HttpClientRequest.bodyText("{}", "application/json")
    )
  )).pipe(
    Effect.flatMap((response) => response.json),
    Effect.flatMap(Console.log),
    Effect.catchAll((error) => Console.error(error._tag)),
    Effect.provide(FetchHttpClient.layer)
  )

Effect.runFork(program)
