/**
 * The User endpoints (U1 to U7): create, retrieve, list, update, delete,
 * change password, log out.
 *
 * Roles: an admin token may do everything. A user token sees only its own
 * user (list answers it alone, retrieve of another id is a 404), may update
 * itself (but not its `status` or `isAdmin`) and change its own password,
 * and may not create or delete (403).
 *
 * The order of checks: a body that is not JSON (400), the token (401), the
 * role (403), the fields (422), then the user named by `id` (404).
 */
import * as Effect from "effect/Effect"
import { logoutMessage } from "./envelopes.js"
import * as Password from "./password.js"
import type { Call, Emulation, Route } from "./route.js"
import {
  authenticate,
  forbidden,
  invalid,
  notFound,
  objectBody,
  paths,
  requireAdmin,
  unauthorized,
  validated
} from "./route.js"
import type { Store, UserRecord } from "./store.js"
import { checkBody, fieldError, queryInteger } from "./validation.js"
import * as Wire from "./wire.js"

/** The bounds of `limit` on list; the default is the documented example's. */
export const listLimit = { default: 20, max: 100 } as const

// A change commits only if no other user took the username or email while the password was hashed.
const commit = (store: Store, record: UserRecord) =>
  Effect.suspend(() => {
    const taken = store.taken(record, record.id)
    if (taken.length > 0) return Effect.fail(invalid(taken.map(fieldError.unique)))
    store.put(record)
    return Effect.succeed(record)
  })

const create = (call: Call, emulation: Emulation) =>
  Effect.gen(function*() {
    const body = yield* objectBody(call)
    const caller = yield* authenticate(call, emulation)
    yield* requireAdmin(caller, "create users")
    const check = checkBody(body)
    const status = check.flag("status", true)
    const username = check.string("username", { required: true })
    const email = check.string("email", { required: true, email: true })
    const password = check.password("password")
    const fullName = check.string("fullname")
    const avatar = check.string("avatar")
    const dob = check.string("dob", { dob: true })
    const gender = check.flag("gender")
    const isAdmin = check.flag("isAdmin")
    check.errors.push(...emulation.store.taken({ username, email }).map(fieldError.unique))
    yield* validated(check.errors)
    const hash = yield* Password.hash(password!)
    const now = emulation.store.now()
    const record = yield* commit(emulation.store, {
      id: crypto.randomUUID(),
      username: username!,
      email: email!,
      fullName,
      avatar,
      dob,
      gender,
      status: status!,
      isAdmin: isAdmin ?? 0,
      createdAt: now,
      updatedAt: now,
      password: hash
    })
    return { data: emulation.shapes.create === "id" ? { id: record.id } : Wire.user(record) }
  })

const retrieve = (call: Call, emulation: Emulation) =>
  Effect.gen(function*() {
    const caller = yield* authenticate(call, emulation)
    const id = call.query.get("id") ?? ""
    if (id === "") return yield* Effect.fail(invalid([fieldError.required("id")]))
    // A user token sees no other user, as in its list.
    const record = caller.user.isAdmin === 1 || id === caller.user.id ? emulation.store.user(id) : undefined
    if (record === undefined) return yield* Effect.fail(notFound())
    const user = Wire.user(record)
    return { data: emulation.shapes.retrieve === "array" ? [user] : user }
  })

const list = (call: Call, emulation: Emulation) =>
  Effect.gen(function*() {
    const caller = yield* authenticate(call, emulation)
    const errors: Array<ReturnType<typeof fieldError.required>> = []
    const page = queryInteger(call.query, "page", { min: 1, max: Number.MAX_SAFE_INTEGER, default: 1 }, errors)
    const limit = queryInteger(call.query, "limit", { min: 1, max: listLimit.max, default: listLimit.default }, errors)
    yield* validated(errors)
    // Newest first, as the docs say; the store keeps creation order.
    const visible = caller.user.isAdmin === 1 ? [...emulation.store.users()].reverse() : [caller.user]
    const items = visible.slice((page - 1) * limit, page * limit).map(Wire.user)
    return { data: items, metadata: { total: visible.length, result: items.length, page, limit } }
  })

const update = (call: Call, emulation: Emulation) =>
  Effect.gen(function*() {
    const body = yield* objectBody(call)
    const caller = yield* authenticate(call, emulation)
    const check = checkBody(body)
    const id = check.string("id", { required: true })
    yield* validated(check.errors)
    const isAdmin = caller.user.isAdmin === 1
    if (!isAdmin && id !== caller.user.id) return yield* Effect.fail(forbidden("only an admin may update other users"))
    const current = emulation.store.user(id!)
    if (current === undefined) return yield* Effect.fail(notFound())
    const username = check.string("username", { nonEmpty: true })
    const email = check.string("email", { nonEmpty: true, email: true })
    const password = check.password("password", false)
    const status = check.flag("status")
    const fullName = check.string("fullname")
    const avatar = check.string("avatar")
    const dob = check.string("dob", { dob: true })
    const gender = check.flag("gender")
    const admin = check.flag("isAdmin")
    if (!isAdmin && ((status ?? current.status) !== current.status || (admin ?? current.isAdmin) !== current.isAdmin)) {
      return yield* Effect.fail(forbidden("only an admin may change status or isAdmin"))
    }
    check.errors.push(...emulation.store.taken({ username, email }, current.id).map(fieldError.unique))
    yield* validated(check.errors)
    const hash = password === undefined ? undefined : yield* Password.hash(password)
    // Read again: the user may have changed or gone while the password was hashed.
    const latest = emulation.store.user(current.id)
    if (latest === undefined) return yield* Effect.fail(notFound())
    const record = yield* commit(emulation.store, {
      ...latest,
      username: username ?? latest.username,
      email: email ?? latest.email,
      fullName: fullName ?? latest.fullName,
      avatar: avatar ?? latest.avatar,
      dob: dob ?? latest.dob,
      gender: gender ?? latest.gender,
      status: status ?? latest.status,
      isAdmin: admin ?? latest.isAdmin,
      updatedAt: emulation.store.now(),
      password: hash ?? latest.password
    })
    return { data: emulation.shapes.update === "id" ? { id: record.id } : Wire.user(record) }
  })

const remove = (call: Call, emulation: Emulation) =>
  Effect.gen(function*() {
    const body = yield* objectBody(call)
    const caller = yield* authenticate(call, emulation)
    yield* requireAdmin(caller, "delete users")
    const check = checkBody(body)
    const id = check.string("id", { required: true })
    yield* validated(check.errors)
    // Deleting a user revokes every token bound to it.
    if (!emulation.store.remove(id!)) return yield* Effect.fail(notFound())
    return { data: emulation.shapes.delete === "id" ? { id } : { result: true } }
  })

const changePassword = (call: Call, emulation: Emulation) =>
  Effect.gen(function*() {
    const body = yield* objectBody(call)
    const caller = yield* authenticate(call, emulation)
    const check = checkBody(body)
    const id = check.string("id", { nonEmpty: true }) ?? caller.user.id
    if (caller.user.isAdmin !== 1 && id !== caller.user.id) {
      return yield* Effect.fail(forbidden("only an admin may change another user's password"))
    }
    const oldPassword = check.string("oldPassword", { required: true })
    const newPassword = check.password("newPassword")
    yield* validated(check.errors)
    const target = emulation.store.user(id)
    if (target === undefined) return yield* Effect.fail(notFound())
    if (!(yield* target.password.verify(oldPassword!))) {
      return yield* Effect.fail(invalid([fieldError.mismatch("oldPassword")]))
    }
    const hash = yield* Password.hash(newPassword!)
    const latest = emulation.store.user(id)
    if (latest === undefined) return yield* Effect.fail(notFound())
    emulation.store.put({ ...latest, password: hash, updatedAt: emulation.store.now() })
    return { data: emulation.shapes.changePassword === "id" ? { id } : { result: "ok" } }
  })

const logout = (call: Call, emulation: Emulation) =>
  Effect.suspend(() => {
    // Checked and revoked in one synchronous step: of concurrent logouts with one token, one succeeds.
    const caller = call.token === undefined ? undefined : emulation.store.authenticate(call.token)
    if (caller === undefined || !emulation.store.revoke(caller.token)) return Effect.fail(unauthorized())
    return Effect.succeed(
      emulation.shapes.logout === "flat" ? { message: logoutMessage } : { data: { message: logoutMessage } }
    )
  })

/** The User endpoints, as a table. */
export const userRoutes: ReadonlyArray<Route> = [
  { method: "POST", path: paths.user, handle: create },
  {
    method: "GET",
    path: paths.user,
    handle: (call, emulation) => call.query.has("id") ? retrieve(call, emulation) : list(call, emulation)
  },
  { method: "PUT", path: paths.user, handle: update },
  { method: "DELETE", path: paths.user, handle: remove },
  { method: "PUT", path: paths.changePassword, handle: changePassword },
  // Three official SDKs send POST; the docs say PUT.
  { method: "POST", path: paths.changePassword, handle: changePassword },
  { method: "POST", path: paths.logout, handle: logout }
]
