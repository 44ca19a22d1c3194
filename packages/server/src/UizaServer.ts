/**
 * A local Uiza v3 server for the User and Auth endpoints, as a
 * platform-agnostic `HttpApp` with state: a seeded admin, users created,
 * updated and deleted, tokens issued by create-token (bound to their user,
 * expiring after 30 days), revoked by logout and by deleting their user,
 * admin and user roles, and the documented envelopes, field errors and
 * statuses. Serve it with `NodeUizaServer`, or call it in memory with
 * `HttpApp.toWebHandler`; it runs wherever Effect runs (Node, browsers,
 * workers).
 *
 * @since 0.1.0
 */
import type * as HttpApp from "@effect/platform/HttpApp"
import * as Duration from "effect/Duration"
import * as Redacted from "effect/Redacted"
import { authRoutes } from "./internal/authRoutes.js"
import * as Envelopes from "./internal/envelopes.js"
import * as Ids from "./internal/ids.js"
import * as Password from "./internal/password.js"
import type { Route } from "./internal/route.js"
import { paths as routePaths } from "./internal/route.js"
import { toApp } from "./internal/router.js"
import * as Store from "./internal/store.js"
import { listLimit as userListLimit, userRoutes } from "./internal/userRoutes.js"

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
export const logoutPath: string = routePaths.logout

/**
 * The paths of the nine endpoints, all under `/api/public/v3`:
 *
 * | path | method | endpoint |
 * |---|---|---|
 * | `user` (`/admin/user`) | `POST` | create a user |
 * | `user` | `GET` with `?id=` | retrieve a user |
 * | `user` | `GET` with `?page=&limit=` (or none) | list users |
 * | `user` | `PUT` | update a user |
 * | `user` | `DELETE` with a JSON body `{id}` | delete a user |
 * | `changePassword` | `PUT` (or `POST`) | change a password |
 * | `logout` | `POST` | revoke the request's token |
 * | `auth` | `POST`, no `Authorization` | create a token |
 * | `checkToken` | `POST` | the request token's expiry |
 *
 * Another method on one of these paths answers 405 (with `Allow`), another
 * path the 404 envelope.
 *
 * @example
 * ```ts
 * import { HttpApp } from "@effect/platform"
 * import { UizaServer } from "@uiza-effect/server"
 *
 * const server = UizaServer.make()
 * const response = await HttpApp.toWebHandler(server.app)(
 *   new Request(`http://localhost${UizaServer.paths.user}?page=1&limit=10`, {
 *     headers: { authorization: server.tokens[0] ?? "" }
 *   })
 * )
 * const body = await response.json() // { data: [the admin], metadata: { total: 1, result: 1, page: 1, limit: 10 }, ... }
 * ```
 *
 * @since 0.2.0
 * @category constants
 */
export const paths: {
  readonly user: string
  readonly changePassword: string
  readonly logout: string
  readonly auth: string
  readonly checkToken: string
} = routePaths

/**
 * The `limit` of a list when the query has none (20), and the largest one
 * accepted (100; a larger one is a 422 field error).
 *
 * @example
 * ```ts
 * import { UizaServer } from "@uiza-effect/server"
 *
 * const pages = (total: number) => Math.ceil(total / UizaServer.listLimit.max)
 * ```
 *
 * @since 0.2.0
 * @category constants
 */
export const listLimit: { readonly default: number; readonly max: number } = userListLimit

/**
 * Which of the disputed reply shapes the server answers with. The docs and
 * the recorded replies disagree on these; a client that must accept both
 * is tested against each.
 *
 * | endpoint | `data` with the default | the other shape |
 * |---|---|---|
 * | `create` | `"object"`: the full user (recorded) | `"id"`: `{id}` (docs) |
 * | `update` | `"object"`: the full user (docs example) | `"id"`: `{id}` (docs table) |
 * | `retrieve` | `"object"`: the user (recorded) | `"array"`: `[user]` (docs example) |
 * | `delete` | `"result"`: `{result: true}` (recorded) | `"id"`: `{id}` (docs) |
 * | `changePassword` | `"result"`: `{result: "ok"}` (recorded) | `"id"`: `{id}` (docs) |
 * | `logout` | `"data"`: `data: {message: "Logout success"}` (docs) | `"flat"`: no `data`, `message: "Logout success"` (recorded) |
 *
 * @example
 * ```ts
 * import { UizaServer } from "@uiza-effect/server"
 *
 * const asDocumented: UizaServer.ReplyShapes = {
 *   create: "id",
 *   update: "id",
 *   retrieve: "array",
 *   delete: "id",
 *   changePassword: "id",
 *   logout: "data"
 * }
 *
 * const server = UizaServer.make({ replyShapes: asDocumented })
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export interface ReplyShapes {
  readonly create?: "object" | "id" | undefined
  readonly update?: "object" | "id" | undefined
  readonly retrieve?: "object" | "array" | undefined
  readonly delete?: "result" | "id" | undefined
  readonly changePassword?: "result" | "id" | undefined
  readonly logout?: "data" | "flat" | undefined
}

/**
 * The reply shapes used when {@link Options} names none.
 *
 * @example
 * ```ts
 * import { UizaServer } from "@uiza-effect/server"
 *
 * console.log(UizaServer.defaultReplyShapes.delete) // "result"
 * ```
 *
 * @since 0.2.0
 * @category constants
 */
export const defaultReplyShapes: {
  readonly create: "object" | "id"
  readonly update: "object" | "id"
  readonly retrieve: "object" | "array"
  readonly delete: "result" | "id"
  readonly changePassword: "result" | "id"
  readonly logout: "data" | "flat"
} = {
  create: "object",
  update: "object",
  retrieve: "object",
  delete: "result",
  changePassword: "result",
  logout: "data"
}

/**
 * The seeded admin's account, as {@link Options} may set it.
 *
 * @example
 * ```ts
 * import { UizaServer } from "@uiza-effect/server"
 *
 * const admin: UizaServer.AdminOptions = {
 *   username: "root",
 *   email: "root@example.com",
 *   password: "a password of 6 to 25"
 * }
 *
 * const server = UizaServer.make({ admin })
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export interface AdminOptions {
  /** `admin` by default. */
  readonly username?: string | undefined
  /** `admin@example.com` by default. */
  readonly email?: string | undefined
  /** 6 to 25 characters (create-token refuses others); a random one of 20 by default. */
  readonly password?: string | Redacted.Redacted<string> | undefined
  /** Absent by default. */
  readonly fullName?: string | undefined
}

/**
 * The username and email of the seeded admin when {@link AdminOptions}
 * names none (its password is random).
 *
 * @example
 * ```ts
 * import { UizaServer } from "@uiza-effect/server"
 *
 * const server = UizaServer.make()
 * console.log(server.admin.email === UizaServer.defaultAdmin.email) // true
 * ```
 *
 * @since 0.2.0
 * @category constants
 */
export const defaultAdmin: { readonly username: string; readonly email: string } = {
  username: "admin",
  email: "admin@example.com"
}

/**
 * The seeded admin of a server: who to log in as. The password is
 * `Redacted`, so printing the server object does not show it; read it
 * with `Redacted.value`.
 *
 * @example
 * ```ts
 * import { HttpApp } from "@effect/platform"
 * import { Redacted } from "effect"
 * import { UizaServer } from "@uiza-effect/server"
 *
 * const server = UizaServer.make()
 * const admin: UizaServer.SeededAdmin = server.admin
 * const response = await HttpApp.toWebHandler(server.app)(
 *   new Request(`http://localhost${UizaServer.paths.auth}`, {
 *     method: "POST",
 *     headers: { "content-type": "application/json" },
 *     body: JSON.stringify({
 *       username: admin.email,
 *       password: Redacted.value(admin.password),
 *       domain: "your-workspace.uiza.co"
 *     })
 *   })
 * )
 * const { data } = await response.json() // { token: "uap-...", appId: "..." }
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export interface SeededAdmin {
  readonly id: string
  readonly username: string
  readonly email: string
  readonly password: Redacted.Redacted<string>
}

/**
 * How long a token is accepted after it is issued when {@link Options}
 * names no `tokenLifetime`: 30 days, as documented.
 *
 * @example
 * ```ts
 * import { Duration } from "effect"
 * import { UizaServer } from "@uiza-effect/server"
 *
 * console.log(Duration.toHours(UizaServer.defaultTokenLifetime)) // 720
 * ```
 *
 * @since 0.2.0
 * @category constants
 */
export const defaultTokenLifetime: Duration.Duration = Duration.days(30)

/**
 * Options of {@link make}. Every one is optional.
 *
 * @example
 * ```ts
 * import { UizaServer } from "@uiza-effect/server"
 *
 * let now = new Date("2019-03-01T08:00:00.000Z")
 *
 * const options: UizaServer.Options = {
 *   tokens: ["uap-0123456789abcdef0123456789abcdef-01234567", UizaServer.randomToken()],
 *   admin: { email: "owner@example.com", password: "correct horse" },
 *   replyShapes: { create: "id", logout: "flat" },
 *   now: () => now, // a clock the test moves
 *   tokenLifetime: "1 hour",
 *   domain: "acme.uiza.co"
 * }
 *
 * const server = UizaServer.make(options)
 * now = new Date("2019-03-01T09:00:00.000Z") // every token issued before is now expired
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * API keys accepted from the start, acting as the seeded admin; one random
   * key when absent. They are issued when the server is made and expire
   * like any token.
   */
  readonly tokens?: Iterable<string> | undefined
  /** The seeded admin's account. @since 0.2.0 */
  readonly admin?: AdminOptions | undefined
  /** The disputed reply shapes; {@link defaultReplyShapes} for those not named. @since 0.2.0 */
  readonly replyShapes?: ReplyShapes | undefined
  /**
   * The clock that dates users, envelopes and token expiry; the system
   * clock by default. Move it to expire tokens in a test. @since 0.2.0
   */
  readonly now?: (() => Date) | undefined
  /** How long a token is accepted after it is issued; {@link defaultTokenLifetime} by default. @since 0.2.0 */
  readonly tokenLifetime?: Duration.DurationInput | undefined
  /**
   * The workspace domain create-token requires (compared in any case); when
   * absent, any non-empty `domain` is accepted. @since 0.2.0
   */
  readonly domain?: string | undefined
  /** The `appId` create-token answers with; 32 random hex digits by default. @since 0.2.0 */
  readonly appId?: string | undefined
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
 * console.log(server.admin.username) // "admin"
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export interface UizaServer {
  /** The HTTP app to serve. */
  readonly app: HttpApp.Default
  /** The API keys accepted at start (bound to the seeded admin). */
  readonly tokens: ReadonlyArray<string>
  /** Whether a token is currently accepted: known, not revoked, not expired, and its user exists. */
  readonly isValid: (token: string) => boolean
  /** Adds an API key, bound to the seeded admin, that the server accepts from now on. */
  readonly addToken: (token: string) => void
  /** The seeded admin. @since 0.2.0 */
  readonly admin: SeededAdmin
  /** The `appId` that create-token answers with. @since 0.2.0 */
  readonly appId: string
  /** The reply shapes in use. @since 0.2.0 */
  readonly replyShapes: typeof defaultReplyShapes
}

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
export const randomToken: () => string = Ids.randomToken

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
  data: { message: Envelopes.logoutMessage },
  ...Envelopes.meta(new Date()),
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
export const errorEnvelope = (status: number, message: string, retryable = false) =>
  Envelopes.error(status, message, retryable)

/**
 * The success envelope around any `data`, with `metadata` for a list; a
 * reply without `data` (the recorded logout) when `data` is absent.
 *
 * @example
 * ```ts
 * import { UizaServer } from "@uiza-effect/server"
 *
 * const page = UizaServer.successEnvelope({
 *   data: [],
 *   metadata: { total: 0, result: 0, page: 1, limit: 20 }
 * })
 * // {"data":[],"metadata":{...},"version":3,...,"message":"OK","code":200,"type":"SUCCESS"}
 * ```
 *
 * @since 0.2.0
 * @category envelopes
 */
export const successEnvelope = (reply: {
  readonly data?: unknown
  readonly metadata?: { readonly total: number; readonly result: number; readonly page: number; readonly limit: number }
  readonly message?: string
}) => Envelopes.success(reply)

/**
 * The route table: every endpoint's method, path and handler.
 */
const routes: ReadonlyArray<Route> = [...userRoutes, ...authRoutes]

/**
 * Builds the emulation: a fresh state with the seeded admin and the API
 * keys of `options.tokens`.
 *
 * Roles: an admin token may do everything; a user token lists and retrieves
 * only its own user, may update itself (not its `status` or `isAdmin`) and
 * change its own password, and gets 403 for the rest. A missing, unknown,
 * revoked or expired token gets 401; an unknown id 404; a missing or wrong
 * field 422 with `data: [{type, field, message}]`; a body that is not JSON
 * 400. Passwords are stored as salted PBKDF2 hashes and are in no reply.
 *
 * @example
 * ```ts
 * import { HttpApp } from "@effect/platform"
 * import { UizaServer } from "@uiza-effect/server"
 *
 * const token = "uap-0123456789abcdef0123456789abcdef-01234567"
 * const server = UizaServer.make({ tokens: [token] })
 * const handler = HttpApp.toWebHandler(server.app)
 * const created = await handler(
 *   new Request(`http://localhost${UizaServer.paths.user}`, {
 *     method: "POST",
 *     headers: { authorization: server.tokens[0] ?? "", "content-type": "application/json" },
 *     body: JSON.stringify({ username: "ann", email: "ann@example.com", password: "secret-123", status: 1 })
 *   })
 * )
 * console.log(created.status) // 200: data is the new user, without its password
 * const response = await handler(
 *   new Request(`http://localhost${UizaServer.logoutPath}`, {
 *     method: "POST",
 *     headers: { authorization: server.tokens[0] ?? "" }
 *   })
 * )
 * console.log(response.status) // 200, and the token is now revoked
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): UizaServer => {
  const now = options.now ?? (() => new Date())
  const store = Store.make({
    now,
    tokenLifetimeMillis: Duration.toMillis(Duration.decode(options.tokenLifetime ?? defaultTokenLifetime))
  })
  const password = options.admin?.password ?? Ids.randomPassword()
  const admin: SeededAdmin = {
    id: crypto.randomUUID(),
    username: options.admin?.username ?? defaultAdmin.username,
    email: options.admin?.email ?? defaultAdmin.email,
    password: Redacted.isRedacted(password) ? password : Redacted.make(password)
  }
  const createdAt = now()
  store.put({
    id: admin.id,
    username: admin.username,
    email: admin.email,
    fullName: options.admin?.fullName,
    avatar: undefined,
    dob: undefined,
    gender: undefined,
    status: 1,
    isAdmin: 1,
    createdAt,
    updatedAt: createdAt,
    password: Password.hashLazily(Redacted.value(admin.password))
  })
  const tokens = options.tokens === undefined ? [randomToken()] : Array.from(options.tokens)
  for (const token of tokens) store.issue(token, admin.id)
  const shapes = options.replyShapes ?? {}
  const replyShapes = {
    create: shapes.create ?? defaultReplyShapes.create,
    update: shapes.update ?? defaultReplyShapes.update,
    retrieve: shapes.retrieve ?? defaultReplyShapes.retrieve,
    delete: shapes.delete ?? defaultReplyShapes.delete,
    changePassword: shapes.changePassword ?? defaultReplyShapes.changePassword,
    logout: shapes.logout ?? defaultReplyShapes.logout
  }
  const appId = options.appId ?? Ids.randomAppId()

  return {
    app: toApp(routes, { store, shapes: replyShapes, domain: options.domain, appId }),
    tokens,
    isValid: (token) => store.authenticate(token) !== undefined,
    addToken: (token) => void store.issue(token, admin.id),
    admin,
    appId,
    replyShapes
  }
}
