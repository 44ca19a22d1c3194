/**
 * What a route is: a method, a path and a handler from a parsed request
 * (`Call`) to a `Success`, or a `Rejection` that becomes an error envelope.
 * Handlers know nothing of HTTP beyond this; `router.ts` does the rest.
 */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import type { ReplyShapes } from "../UizaServer.js"
import type { FieldError, Success } from "./envelopes.js"
import { validationMessage } from "./envelopes.js"
import type { Caller, Store } from "./store.js"

const prefix = "/api/public/v3/admin/user"

/** The paths of the User and Auth endpoints. */
export const paths = {
  user: prefix,
  changePassword: `${prefix}/changepassword`,
  logout: `${prefix}/logout`,
  auth: `${prefix}/auth`,
  checkToken: `${prefix}/auth/check-token`
} as const

/** A request, read: the query, the JSON body (`undefined` when empty) and the token. */
export interface Call {
  readonly query: URLSearchParams
  readonly json: unknown
  readonly token: string | undefined
}

/** The emulation's state and settings, shared by every route. */
export interface Emulation {
  readonly store: Store
  readonly shapes: { readonly [K in keyof ReplyShapes]-?: Exclude<ReplyShapes[K], undefined> }
  /** The workspace domain `createToken` requires; any non-empty one when undefined. */
  readonly domain: string | undefined
  readonly appId: string
}

export type Method = "GET" | "POST" | "PUT" | "DELETE"

export interface Route {
  readonly method: Method
  readonly path: string
  readonly handle: (call: Call, emulation: Emulation) => Effect.Effect<Success, Rejection>
}

/** A refusal: the status, the envelope's `message`, and the field errors of a 422. */
export class Rejection extends Data.TaggedError("Rejection")<{
  readonly status: number
  readonly message: string
  readonly fields?: ReadonlyArray<FieldError> | undefined
}> {}

export const badRequest = (message = "Bad Request") => new Rejection({ status: 400, message })
export const unauthorized = (message = "Unauthorized") => new Rejection({ status: 401, message })
export const forbidden = (message: string) => new Rejection({ status: 403, message: `Forbidden: ${message}` })
export const notFound = () => new Rejection({ status: 404, message: "Not found" })
export const invalid = (fields: ReadonlyArray<FieldError>) =>
  new Rejection({ status: 422, message: validationMessage, fields })

/** Fails with a 422 when any field error was collected. */
export const validated = (errors: ReadonlyArray<FieldError>): Effect.Effect<void, Rejection> =>
  errors.length === 0 ? Effect.void : Effect.fail(invalid(errors))

/** The caller behind the request's token; 401 when it is missing, unknown, revoked or expired. */
export const authenticate = (call: Call, emulation: Emulation): Effect.Effect<Caller, Rejection> =>
  Effect.suspend(() => {
    const caller = call.token === undefined ? undefined : emulation.store.authenticate(call.token)
    return caller === undefined ? Effect.fail(unauthorized()) : Effect.succeed(caller)
  })

export const requireAdmin = (caller: Caller, action: string): Effect.Effect<void, Rejection> =>
  caller.user.isAdmin === 1 ? Effect.void : Effect.fail(forbidden(`only an admin may ${action}`))

/** The body as a JSON object (`{}` when empty); 400 for an array, a string or another JSON value. */
export const objectBody = (call: Call): Effect.Effect<Readonly<Record<string, unknown>>, Rejection> =>
  call.json === undefined
    ? Effect.succeed({})
    : typeof call.json === "object" && call.json !== null && !Array.isArray(call.json)
    ? Effect.succeed(call.json as Record<string, unknown>)
    : Effect.fail(badRequest("Bad Request: the body must be a JSON object"))
