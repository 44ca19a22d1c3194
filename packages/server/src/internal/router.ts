/**
 * Turns a route table into an `HttpApp`: dispatch by path then method (405
 * with `Allow` for a known path and another method, the 404 envelope for an
 * unknown path), read the request into a `Call` (400 for a body that is not
 * JSON), wrap a route's `Success` or `Rejection` in its envelope, and allow
 * cross-origin calls from browser pages.
 */
import * as Headers from "@effect/platform/Headers"
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Envelopes from "./envelopes.js"
import type { Call, Emulation, Route } from "./route.js"
import { badRequest, Rejection } from "./route.js"

const errorReply = (rejection: Rejection, now: Date, headers?: Headers.Input) =>
  HttpServerResponse.unsafeJson(
    rejection.fields === undefined
      ? Envelopes.error(rejection.status, rejection.message, false, now)
      : Envelopes.validationError(rejection.fields, now),
    { status: rejection.status, ...(headers === undefined ? {} : { headers }) }
  )

const parseJson = (text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false } => {
  if (text.trim().length === 0) return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

const readCall = (request: HttpServerRequest.HttpServerRequest): Effect.Effect<Call, Rejection> =>
  Effect.gen(function*() {
    const token = Headers.get(request.headers, "authorization")
    const query = new URL(request.url, "http://localhost").searchParams
    // GET carries its parameters in the query; a body there is ignored.
    const text = request.method === "GET" ? "" : yield* Effect.orElseSucceed(request.text, () => undefined)
    const json = text === undefined ? { ok: false as const } : parseJson(text)
    if (!json.ok) return yield* Effect.fail(badRequest())
    return {
      query,
      json: json.value,
      token: token._tag === "Some" && token.value.length > 0 ? token.value : undefined
    }
  })

const dispatch = (routes: ReadonlyArray<Route>, emulation: Emulation) => {
  const allow = routes.map((route) => route.method).join(", ")
  return Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => {
    const route = routes.find((candidate) => candidate.method === request.method)
    if (route === undefined) {
      const rejection = new Rejection({ status: 405, message: "Method Not Allowed" })
      return Effect.succeed(errorReply(rejection, emulation.store.now(), { allow }))
    }
    return readCall(request).pipe(
      Effect.flatMap((call) => route.handle(call, emulation)),
      Effect.map((success) => HttpServerResponse.unsafeJson(Envelopes.success(success, emulation.store.now()))),
      Effect.catchTag("Rejection", (rejection) => Effect.succeed(errorReply(rejection, emulation.store.now())))
    )
  })
}

/** Methods and headers a browser page may use across origins. */
const corsMethods = ["GET", "POST", "PUT", "DELETE", "OPTIONS"]
const corsHeaders = ["authorization", "content-type", "accept"]

export const toApp = (routes: ReadonlyArray<Route>, emulation: Emulation): HttpApp.Default => {
  const byPath = new Map<string, Array<Route>>()
  for (const route of routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route])
  let router: HttpRouter.HttpRouter = HttpRouter.empty
  for (const [path, sameRoutes] of byPath) {
    router = HttpRouter.all(router, path as HttpRouter.PathInput, dispatch(sameRoutes, emulation))
  }
  return router.pipe(
    Effect.catchTag(
      "RouteNotFound",
      () => Effect.succeed(errorReply(new Rejection({ status: 404, message: "Not found" }), emulation.store.now()))
    ),
    HttpMiddleware.cors({
      allowedOrigins: ["*"],
      allowedMethods: corsMethods,
      allowedHeaders: corsHeaders,
      maxAge: 600
    })
  )
}
