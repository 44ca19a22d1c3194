/**
 * A small Uiza v3 server for the logout endpoint, as a platform-agnostic
 * `HttpApp`: it knows a set of valid tokens, revokes a token when it logs
 * out, and answers with the documented envelopes. Serve it with
 * `NodeUizaServer`, or call it in memory with `HttpApp.toWebHandler`.
 *
 * @since 0.1.0
 */
import * as Headers from "@effect/platform/Headers"
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"

/**
 * The path of the logout endpoint.
 *
 * @example
 * ```ts
 * import { HttpApp } from "@effect/platform"
 * import { UizaServer } from "@uiza-effect/server"
 *
 * const server = UizaServer.make()
 * const response = HttpApp.toWebHandler(server.app)(
 *   new Request(`http://localhost${UizaServer.logoutPath}`, {
 *     method: "POST",
 *     headers: { authorization: server.tokens[0] ?? "" }
 *   })
 * )
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export const logoutPath = "/api/public/v3/admin/user/logout"

/**
 * Options of {@link make}.
 *
 * @example
 * ```ts
 * import { UizaServer } from "@uiza-effect/server"
 *
 * const options: UizaServer.Options = {
 *   tokens: ["uap-0123456789abcdef0123456789abcdef-01234567", UizaServer.randomToken()]
 * }
 *
 * const server = UizaServer.make(options)
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The tokens the server accepts; one random token when absent. */
  readonly tokens?: Iterable<string> | undefined
}

/**
 * A running emulation: its app and the state behind it.
 *
 * @example
 * ```ts
 * import { UizaServer } from "@uiza-effect/server"
 *
 * const server: UizaServer.UizaServer = UizaServer.make()
 * const extra = UizaServer.randomToken()
 * server.addToken(extra)
 * console.log(server.tokens.length) // 1: the tokens accepted at start
 * console.log(server.isValid(extra)) // true
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface UizaServer {
  /** The HTTP app to serve. */
  readonly app: HttpApp.Default
  /** The tokens accepted at start. */
  readonly tokens: ReadonlyArray<string>
  /** Whether a token is currently accepted (not revoked, known). */
  readonly isValid: (token: string) => boolean
  /** Adds a token that the server accepts from now on. */
  readonly addToken: (token: string) => void
}

const hex = (bytes: number): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, "0")).join("")

/**
 * A random token of the documented shape: `uap-` + 32 hex digits + `-` + 8 hex digits.
 *
 * @example
 * ```ts
 * import { UizaServer } from "@uiza-effect/server"
 *
 * const token = UizaServer.randomToken() // "uap-3f2a...-9c1d0e2b"
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const randomToken = (): string => `uap-${hex(16)}-${hex(4)}`

/**
 * The documented success envelope of a logout, with a fresh request id and time.
 *
 * @example
 * ```ts
 * import { UizaServer } from "@uiza-effect/server"
 *
 * const body = JSON.stringify(UizaServer.logoutSuccessEnvelope())
 * // {"data":{"message":"Logout success"},"version":3,...,"code":200,"type":"SUCCESS"}
 * ```
 *
 * @since 0.1.0
 * @category envelopes
 */
export const logoutSuccessEnvelope = () => ({
  data: { message: "Logout success" },
  version: 3,
  datetime: new Date().toISOString(),
  policy: "public",
  requestId: crypto.randomUUID(),
  serviceName: "api",
  message: "OK",
  code: 200,
  type: "SUCCESS"
})

/**
 * The error envelope the API answers with: `code` mirrors the status.
 *
 * @example
 * ```ts
 * import { UizaServer } from "@uiza-effect/server"
 *
 * const body = JSON.stringify(UizaServer.errorEnvelope(401, "Unauthorized"))
 * // {"code":401,"type":"ERROR","message":"Unauthorized","retryable":false,"data":null,...}
 * ```
 *
 * @since 0.1.0
 * @category envelopes
 */
export const errorEnvelope = (status: number, message: string, retryable = false) => ({
  code: status,
  type: "ERROR",
  message,
  retryable,
  data: null,
  version: 3,
  datetime: new Date().toISOString(),
  policy: "public",
  requestId: crypto.randomUUID(),
  serviceName: "api"
})

const errorReply = (status: number, message: string) =>
  HttpServerResponse.unsafeJson(errorEnvelope(status, message), { status })

/**
 * Builds the emulation.
 *
 * @example
 * ```ts
 * import { HttpApp } from "@effect/platform"
 * import { UizaServer } from "@uiza-effect/server"
 *
 * const token = "uap-0123456789abcdef0123456789abcdef-01234567"
 * const server = UizaServer.make({ tokens: [token] })
 * const handler = HttpApp.toWebHandler(server.app)
 * const response = await handler(
 *   new Request("http://localhost/api/public/v3/admin/user/logout", {
 *     method: "POST",
 *     headers: { authorization: token }
 *   })
 * )
 * console.log(response.status) // 200, and the token is now revoked
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): UizaServer => {
  const tokens = options.tokens === undefined ? [randomToken()] : Array.from(options.tokens)
  const valid = new Set(tokens)

  const logout = Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    if (request.method !== "POST") return errorReply(405, "Method Not Allowed")
    const token = Headers.get(request.headers, "authorization")
    const body = yield* Effect.orElseSucceed(request.text, () => undefined)
    if (body === undefined || (body.trim().length > 0 && !isJson(body))) {
      return errorReply(400, "Bad Request")
    }
    if (token._tag === "None" || !valid.delete(token.value)) {
      return errorReply(401, "Unauthorized")
    }
    return HttpServerResponse.unsafeJson(logoutSuccessEnvelope())
  })

  const app = HttpRouter.empty.pipe(
    HttpRouter.all(logoutPath, logout),
    Effect.catchTag("RouteNotFound", () => Effect.succeed(errorReply(404, "Not found"))),
    HttpMiddleware.cors({
      allowedOrigins: ["*"],
      allowedMethods: ["POST", "OPTIONS"],
      allowedHeaders: ["authorization", "content-type", "accept"],
      maxAge: 600
    })
  )

  return {
    app,
    tokens,
    isValid: (token) => valid.has(token),
    addToken: (token) => void valid.add(token)
  }
}

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
