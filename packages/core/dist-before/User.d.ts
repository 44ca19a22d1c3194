/**
 * The user operations of the Uiza v3 API (`/api/public/v3/admin/user`):
 * {@link create}, {@link retrieve}, {@link list} and {@link listAll},
 * {@link update}, {@link delete}, {@link changePassword} and {@link logout}.
 *
 * Each is an `Effect` that needs an `HttpClient` and a
 * {@link UizaConfig.UizaConfig} (the platform presets provide both) and
 * fails with a {@link UizaError.UizaError}; each takes per-call options
 * ({@link UizaConfig.CallOptions}) last.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient";
import * as Effect from "effect/Effect";
import type * as Redacted from "effect/Redacted";
import * as Schema from "effect/Schema";
import * as Stream from "effect/Stream";
import type { CallOptions, UizaConfig } from "./UizaConfig.js";
import type * as UizaError from "./UizaError.js";
declare const User_base: Schema.Class<User, {
    id: typeof Schema.String;
    username: typeof Schema.String;
    email: typeof Schema.String;
    fullName: Schema.optional<typeof Schema.String>;
    avatar: Schema.optional<typeof Schema.String>;
    status: Schema.Literal<["active", "inactive"]>;
    isAdmin: typeof Schema.Boolean;
    createdAt: typeof Schema.Date;
    updatedAt: typeof Schema.Date;
}, Schema.Struct.Encoded<{
    id: typeof Schema.String;
    username: typeof Schema.String;
    email: typeof Schema.String;
    fullName: Schema.optional<typeof Schema.String>;
    avatar: Schema.optional<typeof Schema.String>;
    status: Schema.Literal<["active", "inactive"]>;
    isAdmin: typeof Schema.Boolean;
    createdAt: typeof Schema.Date;
    updatedAt: typeof Schema.Date;
}>, never, {
    readonly status: "active" | "inactive";
} & {
    readonly id: string;
} & {
    readonly username: string;
} & {
    readonly email: string;
} & {
    readonly isAdmin: boolean;
} & {
    readonly createdAt: Date;
} & {
    readonly updatedAt: Date;
} & {
    readonly fullName?: string | undefined;
} & {
    readonly avatar?: string | undefined;
}, {}, {}>;
/**
 * A user of the workspace, as the API describes it. Unknown fields of a
 * reply are ignored; `fullName` and `avatar` are absent when the API sends
 * none (or `null`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const describe = (user: User.User): string =>
 *   `${user.username} <${user.email}>, ${user.status}${user.isAdmin ? ", admin" : ""}, since ${user.createdAt.toISOString()}`
 *
 * const program = Effect.map(User.retrieve("5e0c6a3e-8d2f-4b7a-9c41-2f6e8a1d3b57"), describe)
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export declare class User extends /* @__PURE__ */ User_base {
}
/**
 * One page of {@link list}: the users on it and the paging facts the reply
 * carried (`total` users in all; `page` is 1-based).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = Effect.map(User.list({ page: 2, limit: 50 }), (page: User.UserPage) =>
 *   `${page.items.length} of ${page.total} users (page ${page.page}, ${page.limit} a page)`)
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export interface UserPage {
    readonly items: ReadonlyArray<User>;
    readonly total: number;
    readonly page: number;
    readonly limit: number;
}
/**
 * The fields of a new user. `password` is 6 to 25 characters and may be
 * given `Redacted`; `dob` is sent as the `Date`'s UTC day (`MM/DD/YYYY`).
 * On the wire `status`, `gender` and `isAdmin` are numbers and `fullName`
 * is `fullname`: the SDK spells them.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import type { User } from "@uiza-effect/core"
 *
 * const input: User.CreateInput = {
 *   username: "ada",
 *   email: "ada@example.com",
 *   password: Redacted.make("correct-horse-battery"),
 *   status: "active",
 *   fullName: "Ada Lovelace",
 *   dob: new Date("1815-12-10"),
 *   gender: "female",
 *   isAdmin: false
 * }
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export interface CreateInput {
    readonly username: string;
    readonly email: string;
    readonly password: string | Redacted.Redacted<string>;
    readonly status: "active" | "inactive";
    readonly fullName?: string | undefined;
    readonly avatar?: string | undefined;
    readonly dob?: Date | undefined;
    readonly gender?: "male" | "female" | undefined;
    readonly isAdmin?: boolean | undefined;
}
/**
 * The fields of {@link update}: the user's `id` and the fields to change;
 * fields left out stay as they are.
 *
 * @example
 * ```ts
 * import type { User } from "@uiza-effect/core"
 *
 * const input: User.UpdateInput = { id: "5e0c6a3e-8d2f-4b7a-9c41-2f6e8a1d3b57", status: "inactive" }
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export interface UpdateInput {
    readonly id: string;
    readonly username?: string | undefined;
    readonly email?: string | undefined;
    readonly password?: string | Redacted.Redacted<string> | undefined;
    readonly status?: "active" | "inactive" | undefined;
    readonly fullName?: string | undefined;
    readonly avatar?: string | undefined;
    readonly dob?: Date | undefined;
    readonly gender?: "male" | "female" | undefined;
    readonly isAdmin?: boolean | undefined;
}
/**
 * The fields of {@link changePassword}. `id` may be left out with a token
 * of a normal user (the user changes their own password); both passwords
 * may be given `Redacted`, and `newPassword` is 6 to 25 characters.
 *
 * @example
 * ```ts
 * import { Redacted } from "effect"
 * import type { User } from "@uiza-effect/core"
 *
 * const input: User.ChangePasswordInput = {
 *   id: "5e0c6a3e-8d2f-4b7a-9c41-2f6e8a1d3b57",
 *   oldPassword: Redacted.make("correct-horse-battery"),
 *   newPassword: Redacted.make("staple-of-the-horse")
 * }
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export interface ChangePasswordInput {
    readonly id?: string | undefined;
    readonly oldPassword: string | Redacted.Redacted<string>;
    readonly newPassword: string | Redacted.Redacted<string>;
}
/**
 * Paging of {@link list}: the 1-based `page` (default 1) and `limit` users
 * a page (the API's default is 20).
 *
 * @example
 * ```ts
 * import type { User } from "@uiza-effect/core"
 *
 * const input: User.ListInput = { page: 3, limit: 100 }
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export interface ListInput {
    readonly page?: number | undefined;
    readonly limit?: number | undefined;
}
/**
 * The documentation of the logout endpoint, carried by its errors.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = User.logout().pipe(
 *   Effect.catchTag("ClientError", (error) =>
 *     Effect.logError(error.descriptionLink === User.logoutDescriptionLink ? "see the logout docs" : error.message))
 * )
 * ```
 *
 * @since 0.1.0
 * @category constants
 */
export declare const logoutDescriptionLink = "https://docs.uiza.io/#log-out";
declare const LogoutResult_base: Schema.Class<LogoutResult, {
    /** `"Logout success"` from the API. */
    message: typeof Schema.String;
    requestId: Schema.optional<typeof Schema.String>;
    datetime: Schema.optional<typeof Schema.DateFromSelf>;
    version: Schema.optional<typeof Schema.Number>;
    serviceName: Schema.optional<typeof Schema.String>;
    policy: Schema.optional<typeof Schema.String>;
    code: Schema.optional<typeof Schema.Int>;
    type: Schema.optional<typeof Schema.String>;
}, Schema.Struct.Encoded<{
    /** `"Logout success"` from the API. */
    message: typeof Schema.String;
    requestId: Schema.optional<typeof Schema.String>;
    datetime: Schema.optional<typeof Schema.DateFromSelf>;
    version: Schema.optional<typeof Schema.Number>;
    serviceName: Schema.optional<typeof Schema.String>;
    policy: Schema.optional<typeof Schema.String>;
    code: Schema.optional<typeof Schema.Int>;
    type: Schema.optional<typeof Schema.String>;
}>, never, {
    readonly type?: string | undefined;
} & {
    readonly message: string;
} & {
    readonly code?: number | undefined;
} & {
    readonly requestId?: string | undefined;
} & {
    readonly version?: number | undefined;
} & {
    readonly datetime?: Date | undefined;
} & {
    readonly policy?: string | undefined;
} & {
    readonly serviceName?: string | undefined;
}, {}, {}>;
/**
 * The result of a logout: the server's message and the reply's metadata,
 * when the reply carried it.
 *
 * The message is `data.message` when present, else the top-level `message`;
 * both reply shapes of the API decode.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = Effect.gen(function*() {
 *   const result = yield* User.logout()
 *   yield* Effect.log(`${result.message} (request ${result.requestId ?? "unknown"})`)
 * })
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export declare class LogoutResult extends /* @__PURE__ */ LogoutResult_base {
}
/**
 * Per-call settings of {@link logout}; the same as every operation's
 * {@link UizaConfig.CallOptions}.
 *
 * @example
 * ```ts
 * import { User } from "@uiza-effect/core"
 *
 * // A quick call: a short timeout, no retries, and at most 15 seconds in all.
 * const options: User.LogoutOptions = { timeout: "5 seconds", maxRetries: 0, deadline: "15 seconds" }
 *
 * const program = User.logout(options)
 * ```
 *
 * @since 0.1.0
 * @category models
 */
export type LogoutOptions = CallOptions;
type Requirements = HttpClient.HttpClient | UizaConfig;
/**
 * Creates a user: `POST /admin/user`. Returns the whole user: when the API
 * answers only the new id (as its docs say), the user is fetched with
 * {@link retrieve}. Input is checked before anything is sent (an
 * `InvalidInputError` names the field). A create is never sent twice once
 * it may have reached the server: only failures that never left the
 * machine are retried.
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = User.create({
 *   username: "ada",
 *   email: "ada@example.com",
 *   password: Redacted.make("correct-horse-battery"),
 *   status: "active"
 * }).pipe(
 *   Effect.tap((user) => Effect.log(`created ${user.id}`)),
 *   Effect.catchTag("UnprocessableError", (error) => Effect.logError(error.fieldErrors))
 * )
 * ```
 *
 * @since 0.2.0
 * @category operations
 */
export declare const create: (input: CreateInput, options?: CallOptions) => Effect.Effect<User, UizaError.UizaError, Requirements>;
/**
 * Retrieves a user by id: `GET /admin/user?id=`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = User.retrieve("5e0c6a3e-8d2f-4b7a-9c41-2f6e8a1d3b57").pipe(
 *   Effect.map((user) => user.email),
 *   Effect.catchTag("NotFoundError", () => Effect.succeed("no such user"))
 * )
 * ```
 *
 * @since 0.2.0
 * @category operations
 */
export declare const retrieve: (id: string, options?: CallOptions) => Effect.Effect<User, UizaError.UizaError, Requirements>;
/**
 * One page of users, newest first: `GET /admin/user?page=&limit=`. With a
 * normal user's token the API lists only that user.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = Effect.gen(function*() {
 *   const page = yield* User.list({ page: 1, limit: 20 })
 *   yield* Effect.log(`${page.total} users; first page: ${page.items.map((user) => user.username).join(", ")}`)
 * })
 * ```
 *
 * @since 0.2.0
 * @category operations
 */
export declare const list: (input?: ListInput, options?: CallOptions) => Effect.Effect<UserPage, UizaError.UizaError, Requirements>;
/**
 * Every user, as a `Stream` that fetches pages lazily with {@link list}:
 * the next page only when the stream is pulled that far. It ends at the
 * `total` the replies report, or at the first empty page.
 *
 * @example
 * ```ts
 * import { Effect, Stream } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const admins = User.listAll({ limit: 100 }).pipe(
 *   Stream.filter((user) => user.isAdmin),
 *   Stream.runCollect
 * )
 *
 * const firstTen = User.listAll().pipe(Stream.take(10), Stream.runCollect, Effect.map((users) => users.length))
 * ```
 *
 * @since 0.2.0
 * @category operations
 */
export declare const listAll: (input?: {
    readonly limit?: number | undefined;
}, options?: CallOptions) => Stream.Stream<User, UizaError.UizaError, Requirements>;
/**
 * Updates a user: `PUT /admin/user` with the `id` and the fields to change.
 * Returns the whole user (fetched with {@link retrieve} when the API answers
 * only the id).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const deactivate = (id: string) => User.update({ id, status: "inactive" }).pipe(Effect.map((user) => user.status))
 * ```
 *
 * @since 0.2.0
 * @category operations
 */
export declare const update: (input: UpdateInput, options?: CallOptions) => Effect.Effect<User, UizaError.UizaError, Requirements>;
declare const deleteUser: (id: string, options?: CallOptions) => Effect.Effect<void, UizaError.UizaError, Requirements>;
export { 
/**
 * Deletes a user: `DELETE /admin/user` with the body `{id}`. The API
 * revokes the user's tokens with it. Succeeds on both acknowledgements the
 * API sends (`{id}` and `{result: true}`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = User.delete("5e0c6a3e-8d2f-4b7a-9c41-2f6e8a1d3b57").pipe(
 *   Effect.catchTag("NotFoundError", () => Effect.log("already gone"))
 * )
 * ```
 *
 * @since 0.2.0
 * @category operations
 */
deleteUser as delete };
/**
 * Changes a password: `PUT /admin/user/changepassword` (the docs' method;
 * some official SDKs sent POST). Succeeds on both acknowledgements the API
 * sends (`{id}` and `{result: "ok"}`). Never sent twice once it may have
 * reached the server.
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { User } from "@uiza-effect/core"
 *
 * const program = User.changePassword({
 *   oldPassword: Redacted.make("correct-horse-battery"),
 *   newPassword: Redacted.make("staple-of-the-horse")
 * }).pipe(Effect.catchTag("UnauthorizedError", () => Effect.log("the old password did not match")))
 * ```
 *
 * @since 0.2.0
 * @category operations
 */
export declare const changePassword: (input: ChangePasswordInput, options?: CallOptions) => Effect.Effect<void, UizaError.UizaError, Requirements>;
/**
 * Logs out: `POST /admin/user/logout` with the configured token, which the
 * server then revokes (later calls with it get `UnauthorizedError`). The
 * request has no body, as documented.
 *
 * Safe failures (refused connections, 500/502/503/504, 408/429) are retried
 * with backoff; a call whose outcome is unknown (a timeout or a reset after
 * the request was sent) is not, because the token may already be revoked.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FetchHttpClient } from "@effect/platform"
 * import { UizaConfig, User } from "@uiza-effect/core"
 *
 * const program = User.logout({ timeout: "10 seconds" }).pipe(
 *   Effect.tap((result) => Effect.log(result.message)),
 *   Effect.catchTag("UnauthorizedError", () => Effect.log("already logged out"))
 * )
 *
 * program.pipe(
 *   Effect.provide(UizaConfig.layerConfig()),
 *   Effect.provide(FetchHttpClient.layer),
 *   Effect.runPromise
 * )
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export declare const logout: (options?: LogoutOptions) => Effect.Effect<LogoutResult, UizaError.UizaError, Requirements>;
//# sourceMappingURL=User.d.ts.map