import * as Chunk from "effect/Chunk";
import * as Effect from "effect/Effect";
import * as Either from "effect/Either";
import * as Option from "effect/Option";
import * as Schema from "effect/Schema";
import * as Stream from "effect/Stream";
import { callApi } from "./internal/apiCall.js";
import { dataOf, inputOf, lazy, successOf } from "./internal/endpoint.js";
import { oneLine } from "./internal/serverText.js";
import { DayFromMonthDayYear, Flag, Gender, NonEmpty, Password, PresentPassword, Status } from "./internal/wireFormats.js";
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
export class User extends /* @__PURE__ */ Schema.Class("@uiza-effect/core/User/User")({
    id: Schema.String,
    username: Schema.String,
    email: Schema.String,
    fullName: /* @__PURE__ */ Schema.optional(Schema.String),
    avatar: /* @__PURE__ */ Schema.optional(Schema.String),
    status: /* @__PURE__ */ Schema.Literal("active", "inactive"),
    isAdmin: Schema.Boolean,
    createdAt: Schema.Date,
    updatedAt: Schema.Date
}) {
}
// A user as the API spells it: `fullName` in replies (`fullname` only in requests), 1/0 flags.
const UserFromWire = /* @__PURE__ */ lazy(() => Schema.transform(Schema.Struct({
    id: NonEmpty,
    username: Schema.String,
    email: Schema.String,
    fullName: Schema.optionalWith(Schema.String, { nullable: true }),
    avatar: Schema.optionalWith(Schema.String, { nullable: true }),
    status: Status,
    isAdmin: Flag,
    createdAt: Schema.Date,
    updatedAt: Schema.Date
}), Schema.typeSchema(User), { strict: true, decode: (fields) => new User(fields, { disableValidation: true }), encode: (user) => user }));
const Paging = /* @__PURE__ */ lazy(() => Schema.Struct({
    total: Schema.NonNegativeInt,
    page: Schema.optional(Schema.Int.pipe(Schema.greaterThanOrEqualTo(1))),
    limit: Schema.optional(Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)))
}));
const UserPageFromWire = /* @__PURE__ */ lazy(() => Schema.transform(Schema.Struct({ data: Schema.Array(UserFromWire), metadata: Paging }), Schema.Struct({
    items: Schema.Array(Schema.typeSchema(User)),
    total: Schema.Number,
    page: Schema.optional(Schema.Number),
    limit: Schema.optional(Schema.Number)
}), {
    strict: true,
    decode: ({ data, metadata }) => ({ items: data, ...metadata }),
    encode: ({ items, ...metadata }) => ({ data: items, metadata })
}));
// `data` is an object in every recorded reply and an array of one user in the docs' example.
const OneUser = /* @__PURE__ */ lazy(() => Schema.Union(UserFromWire, Schema.transform(Schema.Tuple(UserFromWire), Schema.typeSchema(User), {
    strict: true,
    decode: ([user]) => user,
    encode: (user) => [user]
})).annotations({ description: "a user, or an array of one user" }));
// What `create` and `update` answer: the user (recorded replies) or only its id (the docs).
const WrittenUser = /* @__PURE__ */ lazy(() => Schema.Union(Schema.transform(UserFromWire, Schema.Struct({ user: Schema.typeSchema(User) }), {
    strict: true,
    decode: (user) => ({ user }),
    encode: ({ user }) => user
}), Schema.Struct({ id: NonEmpty })).annotations({ description: "a user, or an object with its id" }));
// An acknowledgement: `{id}` in the docs, `{result: ...}` in recorded replies. Its content says nothing more.
const acknowledgement = (result) => dataOf(lazy(() => Schema.Union(Schema.Struct({ id: NonEmpty }), Schema.Struct({ result })).annotations({
    description: "an acknowledgement: an object with an id, or with a result"
})));
const optionalFields = () => ({
    fullName: Schema.optional(Schema.String).pipe(Schema.fromKey("fullname")),
    avatar: Schema.optional(Schema.String),
    dob: Schema.optional(DayFromMonthDayYear),
    gender: Schema.optional(Gender),
    isAdmin: Schema.optional(Flag)
});
const CreateWire = /* @__PURE__ */ lazy(() => Schema.Struct({
    username: NonEmpty,
    email: NonEmpty,
    password: Password,
    status: Status,
    ...optionalFields()
}));
const UpdateWire = /* @__PURE__ */ lazy(() => Schema.Struct({
    id: NonEmpty,
    username: Schema.optional(NonEmpty),
    email: Schema.optional(NonEmpty),
    password: Schema.optional(Password),
    status: Schema.optional(Status),
    ...optionalFields()
}));
const PositiveInt = /* @__PURE__ */ Schema.greaterThanOrEqualTo(1, {
    description: "a whole number, 1 or more"
})(Schema.Int);
const ListWire = /* @__PURE__ */ lazy(() => Schema.Struct({ page: Schema.optional(PositiveInt), limit: Schema.optional(PositiveInt) }));
const IdWire = /* @__PURE__ */ lazy(() => Schema.Struct({ id: NonEmpty }));
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
export const logoutDescriptionLink = "https://docs.uiza.io/#log-out";
const createEndpoint = {
    name: "User.create",
    method: "POST",
    path: "/admin/user",
    input: /* @__PURE__ */ inputOf(CreateWire),
    secretFields: ["password"],
    success: /* @__PURE__ */ dataOf(WrittenUser),
    // A 5xx after a create may have created the user: never sent twice.
    idempotent: false,
    descriptionLink: "https://docs.uiza.io/#create-an-user"
};
const retrieveEndpoint = {
    name: "User.retrieve",
    method: "GET",
    path: "/admin/user",
    input: /* @__PURE__ */ inputOf(IdWire),
    success: /* @__PURE__ */ dataOf(OneUser),
    idempotent: true,
    descriptionLink: "https://docs.uiza.io/#retrieve-an-user"
};
const listEndpoint = {
    name: "User.list",
    method: "GET",
    path: "/admin/user",
    input: /* @__PURE__ */ inputOf(ListWire),
    success: /* @__PURE__ */ successOf(UserPageFromWire),
    idempotent: true,
    descriptionLink: "https://docs.uiza.io/#list-all-users"
};
const updateEndpoint = {
    name: "User.update",
    method: "PUT",
    path: "/admin/user",
    input: /* @__PURE__ */ inputOf(UpdateWire),
    secretFields: ["password"],
    success: /* @__PURE__ */ dataOf(WrittenUser),
    idempotent: true,
    descriptionLink: "https://docs.uiza.io/#update-an-user"
};
const deleteEndpoint = {
    name: "User.delete",
    method: "DELETE",
    path: "/admin/user",
    input: /* @__PURE__ */ inputOf(IdWire),
    success: /* @__PURE__ */ acknowledgement(/* @__PURE__ */ Schema.Literal(true)),
    idempotent: true,
    descriptionLink: "https://docs.uiza.io/#delete-an-user"
};
const changePasswordEndpoint = {
    name: "User.changePassword",
    method: "PUT",
    path: "/admin/user/changepassword",
    input: /* @__PURE__ */ inputOf(/* @__PURE__ */ lazy(() => Schema.Struct({
        id: Schema.optional(NonEmpty),
        // The old password was set under the rules of its day: only its presence is checked.
        oldPassword: PresentPassword,
        newPassword: Password
    }))),
    secretFields: ["oldPassword", "newPassword"],
    success: /* @__PURE__ */ acknowledgement(/* @__PURE__ */ Schema.Literal("ok")),
    // A password changed once cannot be changed again from the same old one.
    idempotent: false,
    descriptionLink: "https://docs.uiza.io/#update-password"
};
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
export class LogoutResult extends /* @__PURE__ */ Schema.Class("@uiza-effect/core/User/LogoutResult")({
    /** `"Logout success"` from the API. */
    message: Schema.String,
    requestId: /* @__PURE__ */ Schema.optional(Schema.String),
    datetime: /* @__PURE__ */ Schema.optional(Schema.DateFromSelf),
    version: /* @__PURE__ */ Schema.optional(Schema.Number),
    serviceName: /* @__PURE__ */ Schema.optional(Schema.String),
    policy: /* @__PURE__ */ Schema.optional(Schema.String),
    code: /* @__PURE__ */ Schema.optional(Schema.Int),
    type: /* @__PURE__ */ Schema.optional(Schema.String)
}) {
}
const messageOf = (envelope) => {
    const data = envelope.data;
    if (typeof data === "object" && data !== null && "message" in data && typeof data.message === "string") {
        return Option.some(oneLine(data.message));
    }
    return Option.fromNullable(envelope.message);
};
// Every field of the result was decoded with the envelope already: checking them again would
// cost every call. Written out rather than as a schema, so a logout-only bundle carries no
// schema decoding of its own (the envelope's fields are decoded one by one).
const decodedAlready = { disableValidation: true };
// The envelope's facts a logout result carries, each only when the reply had it.
const logoutFacts = ["requestId", "datetime", "version", "serviceName", "policy", "code", "type"];
const logoutResultOf = (envelope) => Option.match(messageOf(envelope), {
    onNone: () => Either.left("the reply lacks a logout message (data.message or message)"),
    onSome: (message) => {
        const fields = { message };
        for (const fact of logoutFacts) {
            if (envelope[fact] !== undefined)
                Object.assign(fields, { [fact]: envelope[fact] });
        }
        return Either.right(LogoutResult.make(fields, decodedAlready));
    }
});
const logoutEndpoint = {
    name: "User.logout",
    method: "POST",
    path: "/admin/user/logout",
    success: logoutResultOf,
    // A 5xx means the token was not revoked; a reply that may have been lost is never repeated
    // (the transport rules see to that), since a repeat would meet 401.
    idempotent: true,
    descriptionLink: logoutDescriptionLink
};
// The retrieve that follows a write answered with only an id: it sends only the id, and scrubs
// the write's password from its reply like the write itself did.
const refetchEndpoint = {
    name: "User.retrieve",
    method: "GET",
    path: "/admin/user",
    input: /* @__PURE__ */ inputOf(IdWire),
    secretFields: ["password"],
    success: /* @__PURE__ */ dataOf(OneUser),
    idempotent: true,
    descriptionLink: "https://docs.uiza.io/#retrieve-an-user"
};
// A write answered with the user is done; one answered with only its id fetches the user.
const wholeUser = (written, password, options) => "user" in written
    ? Effect.succeed(written.user)
    : callApi(refetchEndpoint, password === undefined ? { id: written.id } : { id: written.id, password }, options);
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
export const create = (input, options) => Effect.flatMap(callApi(createEndpoint, input, options), (written) => wholeUser(written, input.password, options));
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
export const retrieve = (id, options) => callApi(retrieveEndpoint, { id }, options);
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
export const list = (input = {}, options) => Effect.map(callApi(listEndpoint, input, options), (page) => ({
    items: page.items,
    total: page.total,
    page: page.page ?? input.page ?? 1,
    limit: page.limit ?? input.limit ?? page.items.length
}));
// An input that is not an object (from untyped code) goes to `list` as it is, to fail there as invalid.
const pageInput = (input, page) => typeof input === "object" && input !== null ? { page, limit: input.limit } : input;
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
export const listAll = (input = {}, options) => Stream.paginateChunkEffect({ page: 1, seen: 0 }, ({ page, seen }) => Effect.map(list(pageInput(input, page), options), (result) => {
    const count = seen + result.items.length;
    const more = result.items.length > 0 && count < result.total;
    return [
        Chunk.unsafeFromArray(result.items.slice()),
        more ? Option.some({ page: page + 1, seen: count }) : Option.none()
    ];
}));
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
export const update = (input, options) => Effect.flatMap(callApi(updateEndpoint, input, options), (written) => wholeUser(written, input.password, options));
const deleteUser = (id, options) => Effect.asVoid(callApi(deleteEndpoint, { id }, options));
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
export const changePassword = (input, options) => Effect.asVoid(callApi(changePasswordEndpoint, input, options));
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
export const logout = (options) => callApi(logoutEndpoint, undefined, options);
//# sourceMappingURL=User.js.map