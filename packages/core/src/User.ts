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
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { callApi } from "./internal/apiCall.js"
import {
  dataOf,
  type Endpoint,
  inputOf,
  inputSecretsOf,
  lazy,
  successOf,
  type SuccessReader
} from "./internal/endpoint.js"
import type { Envelope } from "./internal/envelope.js"
import { oneLine } from "./internal/serverText.js"
import {
  DayFromMonthDayYear,
  Flag,
  Gender,
  NonEmpty,
  Password,
  PresentPassword,
  Status
} from "./internal/wireFormats.js"
import type { CallOptions, UizaConfig } from "./UizaConfig.js"
import type * as UizaError from "./UizaError.js"

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
export class User extends /* @__PURE__ */ Schema.Class<User>("@uiza-effect/core/User/User")({
  id: Schema.String,
  username: Schema.String,
  email: Schema.String,
  fullName: /* @__PURE__ */ Schema.optional(Schema.String),
  avatar: /* @__PURE__ */ Schema.optional(Schema.String),
  status: /* @__PURE__ */ Schema.Literal("active", "inactive"),
  isAdmin: Schema.Boolean,
  createdAt: Schema.Date,
  updatedAt: Schema.Date
}) {}

// A user as the API spells it: `fullName` in replies (`fullname` only in requests), 1/0 flags.
const UserFromWire: Schema.Schema<User, unknown> = /* @__PURE__ */ lazy(() =>
  Schema.transform(
    Schema.Struct({
      id: NonEmpty,
      username: Schema.String,
      email: Schema.String,
      fullName: Schema.optionalWith(Schema.String, { nullable: true }),
      avatar: Schema.optionalWith(Schema.String, { nullable: true }),
      status: Status,
      isAdmin: Flag,
      createdAt: Schema.Date,
      updatedAt: Schema.Date
    }),
    Schema.typeSchema(User),
    { strict: true, decode: (fields) => new User(fields, { disableValidation: true }), encode: (user) => user }
  ) as unknown as Schema.Schema<User, unknown>
)

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
  readonly items: ReadonlyArray<User>
  readonly total: number
  readonly page: number
  readonly limit: number
}

const Paging = /* @__PURE__ */ lazy(() =>
  Schema.Struct({
    total: Schema.NonNegativeInt,
    page: Schema.optional(Schema.Int.pipe(Schema.greaterThanOrEqualTo(1))),
    limit: Schema.optional(Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)))
  })
)

const UserPageFromWire: Schema.Schema<UserPage, Envelope> = /* @__PURE__ */ lazy(() =>
  Schema.transform(
    Schema.Struct({ data: Schema.Array(UserFromWire), metadata: Paging }),
    Schema.Struct({
      items: Schema.Array(Schema.typeSchema(User)),
      total: Schema.Number,
      page: Schema.optional(Schema.Number),
      limit: Schema.optional(Schema.Number)
    }),
    {
      strict: true,
      decode: ({ data, metadata }) => ({ items: data, ...metadata }),
      encode: ({ items, ...metadata }) => ({ data: items, metadata })
    }
  ) as unknown as Schema.Schema<UserPage, Envelope>
)

// `data` is an object in every recorded reply and an array of one user in the docs' example.
const OneUser = /* @__PURE__ */ lazy(() =>
  Schema.Union(
    UserFromWire,
    Schema.transform(Schema.Tuple(UserFromWire), Schema.typeSchema(User), {
      strict: true,
      decode: ([user]) => user,
      encode: (user) => [user] as const
    })
  ).annotations({ description: "a user, or an array of one user" })
)

// What `create` and `update` answer: the user (recorded replies) or only its id (the docs).
const WrittenUser = /* @__PURE__ */ lazy(() =>
  Schema.Union(
    Schema.transform(UserFromWire, Schema.Struct({ user: Schema.typeSchema(User) }), {
      strict: true,
      decode: (user) => ({ user }),
      encode: ({ user }) => user
    }),
    Schema.Struct({ id: NonEmpty })
  ).annotations({ description: "a user, or an object with its id" })
)

// An acknowledgement: `{id}` in the docs, `{result: ...}` in recorded replies. Its content says nothing more.
const acknowledgement = <R>(result: Schema.Schema<R>): SuccessReader<Acknowledgement<R>> =>
  dataOf(lazy(() =>
    Schema.Union(Schema.Struct({ id: NonEmpty }), Schema.Struct({ result })).annotations({
      description: "an acknowledgement: an object with an id, or with a result"
    })
  ))

type Acknowledgement<R> = { readonly id: string } | { readonly result: R }

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
  readonly username: string
  readonly email: string
  readonly password: string | Redacted.Redacted<string>
  readonly status: "active" | "inactive"
  readonly fullName?: string | undefined
  readonly avatar?: string | undefined
  readonly dob?: Date | undefined
  readonly gender?: "male" | "female" | undefined
  readonly isAdmin?: boolean | undefined
}

const optionalFields = () => ({
  fullName: Schema.optional(Schema.String).pipe(Schema.fromKey("fullname")),
  avatar: Schema.optional(Schema.String),
  dob: Schema.optional(DayFromMonthDayYear),
  gender: Schema.optional(Gender),
  isAdmin: Schema.optional(Flag)
})

const CreateWire = /* @__PURE__ */ lazy(() =>
  Schema.Struct({
    username: NonEmpty,
    email: NonEmpty,
    password: Password,
    status: Status,
    ...optionalFields()
  })
)

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
  readonly id: string
  readonly username?: string | undefined
  readonly email?: string | undefined
  readonly password?: string | Redacted.Redacted<string> | undefined
  readonly status?: "active" | "inactive" | undefined
  readonly fullName?: string | undefined
  readonly avatar?: string | undefined
  readonly dob?: Date | undefined
  readonly gender?: "male" | "female" | undefined
  readonly isAdmin?: boolean | undefined
}

const UpdateWire = /* @__PURE__ */ lazy(() =>
  Schema.Struct({
    id: NonEmpty,
    username: Schema.optional(NonEmpty),
    email: Schema.optional(NonEmpty),
    password: Schema.optional(Password),
    status: Schema.optional(Status),
    ...optionalFields()
  })
)

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
  readonly id?: string | undefined
  readonly oldPassword: string | Redacted.Redacted<string>
  readonly newPassword: string | Redacted.Redacted<string>
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
  readonly page?: number | undefined
  readonly limit?: number | undefined
}

const PositiveInt: Schema.Schema<number> = /* @__PURE__ */ Schema.greaterThanOrEqualTo<typeof Schema.Int>(1, {
  description: "a whole number, 1 or more"
})(
  Schema.Int
)

const ListWire = /* @__PURE__ */ lazy(() =>
  Schema.Struct({ page: Schema.optional(PositiveInt), limit: Schema.optional(PositiveInt) })
)

const IdWire = /* @__PURE__ */ lazy(() => Schema.Struct({ id: NonEmpty }))

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
export const logoutDescriptionLink = "https://docs.uiza.io/#log-out"

const createEndpoint: Endpoint<CreateInput, { readonly user: User } | { readonly id: string }> = {
  name: "User.create",
  method: "POST",
  path: "/admin/user",
  input: /* @__PURE__ */ inputOf(CreateWire),
  inputSecrets: /* @__PURE__ */ inputSecretsOf(["password"]),
  success: /* @__PURE__ */ dataOf(WrittenUser),
  // A 5xx after a create may have created the user: never sent twice.
  idempotent: false,
  descriptionLink: "https://docs.uiza.io/#create-an-user"
}

const retrieveEndpoint: Endpoint<{ readonly id: string }, User> = {
  name: "User.retrieve",
  method: "GET",
  path: "/admin/user",
  input: /* @__PURE__ */ inputOf(IdWire),
  success: /* @__PURE__ */ dataOf(OneUser),
  idempotent: true,
  descriptionLink: "https://docs.uiza.io/#retrieve-an-user"
}

const listEndpoint: Endpoint<ListInput, UserPage> = {
  name: "User.list",
  method: "GET",
  path: "/admin/user",
  input: /* @__PURE__ */ inputOf(ListWire),
  success: /* @__PURE__ */ successOf(UserPageFromWire),
  idempotent: true,
  descriptionLink: "https://docs.uiza.io/#list-all-users"
}

const updateEndpoint: Endpoint<UpdateInput, { readonly user: User } | { readonly id: string }> = {
  name: "User.update",
  method: "PUT",
  path: "/admin/user",
  input: /* @__PURE__ */ inputOf(UpdateWire),
  inputSecrets: /* @__PURE__ */ inputSecretsOf(["password"]),
  success: /* @__PURE__ */ dataOf(WrittenUser),
  idempotent: true,
  descriptionLink: "https://docs.uiza.io/#update-an-user"
}

const deleteEndpoint: Endpoint<{ readonly id: string }, Acknowledgement<true>> = {
  name: "User.delete",
  method: "DELETE",
  path: "/admin/user",
  input: /* @__PURE__ */ inputOf(IdWire),
  success: /* @__PURE__ */ acknowledgement(/* @__PURE__ */ Schema.Literal(true)),
  idempotent: true,
  descriptionLink: "https://docs.uiza.io/#delete-an-user"
}

const changePasswordEndpoint: Endpoint<ChangePasswordInput, Acknowledgement<"ok">> = {
  name: "User.changePassword",
  method: "PUT",
  path: "/admin/user/changepassword",
  input: /* @__PURE__ */ inputOf(/* @__PURE__ */ lazy(() =>
    Schema.Struct({
      id: Schema.optional(NonEmpty),
      // The old password was set under the rules of its day: only its presence is checked.
      oldPassword: PresentPassword,
      newPassword: Password
    })
  )),
  inputSecrets: /* @__PURE__ */ inputSecretsOf(["oldPassword", "newPassword"]),
  success: /* @__PURE__ */ acknowledgement(/* @__PURE__ */ Schema.Literal("ok")),
  // A password changed once cannot be changed again from the same old one.
  idempotent: false,
  descriptionLink: "https://docs.uiza.io/#update-password"
}

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
export class LogoutResult extends /* @__PURE__ */ Schema.Class<LogoutResult>("@uiza-effect/core/User/LogoutResult")({
  /** `"Logout success"` from the API. */
  message: Schema.String,
  requestId: /* @__PURE__ */ Schema.optional(Schema.String),
  datetime: /* @__PURE__ */ Schema.optional(Schema.DateFromSelf),
  version: /* @__PURE__ */ Schema.optional(Schema.Number),
  serviceName: /* @__PURE__ */ Schema.optional(Schema.String),
  policy: /* @__PURE__ */ Schema.optional(Schema.String),
  code: /* @__PURE__ */ Schema.optional(Schema.Int),
  type: /* @__PURE__ */ Schema.optional(Schema.String)
}) {}

const messageOf = (envelope: Envelope): Option.Option<string> => {
  const data = envelope.data
  if (typeof data === "object" && data !== null && "message" in data && typeof data.message === "string") {
    return Option.some(oneLine(data.message))
  }
  return Option.fromNullable(envelope.message)
}

// Every field of the result was decoded with the envelope already: checking them again would
// cost every call. Written out rather than as a schema, so a logout-only bundle carries no
// schema decoding of its own (the envelope's fields are decoded one by one).
const decodedAlready = { disableValidation: true }

// The envelope's facts a logout result carries, each only when the reply had it.
const logoutFacts = ["requestId", "datetime", "version", "serviceName", "policy", "code", "type"] as const

const logoutResultOf: SuccessReader<LogoutResult> = (envelope) =>
  Option.match(messageOf(envelope), {
    onNone: () => Either.left("the reply lacks a logout message (data.message or message)"),
    onSome: (message) => {
      const fields: { -readonly [K in keyof LogoutResult]: LogoutResult[K] } = { message }
      for (const fact of logoutFacts) {
        if (envelope[fact] !== undefined) Object.assign(fields, { [fact]: envelope[fact] })
      }
      return Either.right(LogoutResult.make(fields, decodedAlready))
    }
  })

const logoutEndpoint: Endpoint<void, LogoutResult> = {
  name: "User.logout",
  method: "POST",
  path: "/admin/user/logout",
  success: logoutResultOf,
  // A 5xx means the token was not revoked; a reply that may have been lost is never repeated
  // (the transport rules see to that), since a repeat would meet 401.
  idempotent: true,
  descriptionLink: logoutDescriptionLink
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
export type LogoutOptions = CallOptions

type Requirements = HttpClient.HttpClient | UizaConfig

// The retrieve that follows a write answered with only an id: it sends only the id, and scrubs
// the write's password from its reply like the write itself did.
const refetchEndpoint: Endpoint<
  { readonly id: string; readonly password?: string | Redacted.Redacted<string> | undefined },
  User
> = {
  name: "User.retrieve",
  method: "GET",
  path: "/admin/user",
  input: /* @__PURE__ */ inputOf(IdWire),
  inputSecrets: /* @__PURE__ */ inputSecretsOf(["password"]),
  success: /* @__PURE__ */ dataOf(OneUser),
  idempotent: true,
  descriptionLink: "https://docs.uiza.io/#retrieve-an-user"
}

// A write answered with the user is done; one answered with only its id fetches the user.
const wholeUser = (
  written: { readonly user: User } | { readonly id: string },
  password: string | Redacted.Redacted<string> | undefined,
  options: CallOptions | undefined
): Effect.Effect<User, UizaError.UizaError, Requirements> =>
  "user" in written
    ? Effect.succeed(written.user)
    : callApi(refetchEndpoint, password === undefined ? { id: written.id } : { id: written.id, password }, options)

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
export const create = (
  input: CreateInput,
  options?: CallOptions
): Effect.Effect<User, UizaError.UizaError, Requirements> =>
  Effect.flatMap(callApi(createEndpoint, input, options), (written) => wholeUser(written, input.password, options))

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
export const retrieve = (id: string, options?: CallOptions): Effect.Effect<User, UizaError.UizaError, Requirements> =>
  callApi(retrieveEndpoint, { id }, options)

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
export const list = (
  input: ListInput = {},
  options?: CallOptions
): Effect.Effect<UserPage, UizaError.UizaError, Requirements> =>
  Effect.map(callApi(listEndpoint, input, options), (page) => ({
    items: page.items,
    total: page.total,
    page: page.page ?? input.page ?? 1,
    limit: page.limit ?? input.limit ?? page.items.length
  }))

// An input that is not an object (from untyped code) goes to `list` as it is, to fail there as invalid.
const pageInput = (input: { readonly limit?: number | undefined }, page: number): ListInput =>
  typeof input === "object" && input !== null ? { page, limit: input.limit } : input

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
export const listAll = (
  input: { readonly limit?: number | undefined } = {},
  options?: CallOptions
): Stream.Stream<User, UizaError.UizaError, Requirements> =>
  Stream.paginateChunkEffect(
    { page: 1, seen: 0 },
    ({ page, seen }) =>
      Effect.map(list(pageInput(input, page), options), (result) => {
        const count = seen + result.items.length
        const more = result.items.length > 0 && count < result.total
        return [
          Chunk.unsafeFromArray(result.items.slice()),
          more ? Option.some({ page: page + 1, seen: count }) : Option.none()
        ] as const
      })
  )

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
export const update = (
  input: UpdateInput,
  options?: CallOptions
): Effect.Effect<User, UizaError.UizaError, Requirements> =>
  Effect.flatMap(callApi(updateEndpoint, input, options), (written) => wholeUser(written, input.password, options))

const deleteUser = (id: string, options?: CallOptions): Effect.Effect<void, UizaError.UizaError, Requirements> =>
  Effect.asVoid(callApi(deleteEndpoint, { id }, options))

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
  deleteUser as delete
}

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
export const changePassword = (
  input: ChangePasswordInput,
  options?: CallOptions
): Effect.Effect<void, UizaError.UizaError, Requirements> =>
  Effect.asVoid(callApi(changePasswordEndpoint, input, options))

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
export const logout = (options?: LogoutOptions): Effect.Effect<LogoutResult, UizaError.UizaError, Requirements> =>
  callApi(logoutEndpoint, undefined, options)
