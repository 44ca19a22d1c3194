/**
 * An Effect app that already uses Schema and the platform's HttpClient for a
 * backend of its own, the way apps do: a base URL and retries on its client,
 * its own tagged error, a layer, a setting read with `Config`. What the SDK
 * adds is measured on top of it.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"

class Order extends Schema.Class<Order>("Order")({
  id: Schema.String,
  placedAt: Schema.Date,
  status: Schema.Literal("open", "shipped"),
  total: Schema.Number,
  note: Schema.optional(Schema.NullOr(Schema.String)),
  lines: Schema.Array(Schema.Struct({ sku: Schema.String, quantity: Schema.Int }))
}) {}

class BackendError extends Schema.TaggedError<BackendError>()("BackendError", { reason: Schema.String }) {}

class Backend extends Context.Tag("app/Backend")<Backend, {
  readonly orders: Effect.Effect<ReadonlyArray<Order>, BackendError>
}>() {}

const BackendLive = Layer.effect(
  Backend,
  Effect.gen(function*() {
    const baseUrl = yield* Config.string("BACKEND_URL").pipe(Config.withDefault("https://backend.example"))
    const client = (yield* HttpClient.HttpClient).pipe(
      HttpClient.mapRequest(HttpClientRequest.prependUrl(baseUrl)),
      HttpClient.filterStatusOk,
      HttpClient.retryTransient({ schedule: Schedule.exponential("100 millis"), times: 3 })
    )
    return {
      orders: client.get("/orders").pipe(
        Effect.flatMap(HttpClientResponse.schemaBodyJson(Schema.Array(Order))),
        Effect.scoped,
        Effect.mapError((error) => new BackendError({ reason: error._tag }))
      )
    }
  })
).pipe(Layer.provide(FetchHttpClient.layer))

export const appProgram = Effect.flatMap(Backend, (backend) => backend.orders).pipe(
  Effect.flatMap((orders) => Console.log(`${orders.length} orders`)),
  Effect.catchTag("BackendError", (error) => Console.error(error.reason)),
  Effect.provide(BackendLive)
)
