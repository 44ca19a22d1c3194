/**
 * The whole User and Auth flow through the SDK, over a real socket: the
 * `NodeUiza` preset against the local server on 127.0.0.1, once with the
 * server's default reply shapes, once with the docs' shapes, and once for
 * each disputed shape switched alone.
 */
import { describe, expect, it } from "@effect/vitest"
import { Auth, type UizaError, User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import { NodeUizaServer, UizaServer } from "@uiza-effect/server"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"

const domain = "acme.uiza.co"
const adminPassword = "admin-flow-secret-1"
const firstPassword = "first-flow-secret-1"
const newPassword = "second-flow-secret-2"

// The error of an effect that must fail, as its tag and status.
const failure = <A, R>(effect: Effect.Effect<A, UizaError.UizaError, R>) =>
  Effect.map(
    Effect.flip(effect),
    (error) => ({ _tag: error._tag, status: "status" in error ? error.status : undefined })
  )

const unauthorized = { _tag: "UnauthorizedError", status: 401 }

const flow = (replyShapes: UizaServer.ReplyShapes) =>
  Effect.gen(function*() {
    const server = yield* NodeUizaServer.start({ admin: { password: adminPassword }, replyShapes, domain })
    const login = (username: string, password: string | Redacted.Redacted<string>) =>
      Auth.createToken({ workspaceApiDomain: server.url, username, password, domain }, { maxRetries: 0 }).pipe(
        Effect.provide(NodeUiza.layerHttpClient)
      )
    const as = (token: Redacted.Redacted<string>) =>
      Effect.provide(NodeUiza.layer({ workspaceApiDomain: server.url, authorization: token, maxRetries: 0 }))

    // The seeded admin logs in.
    const admin = yield* login(server.admin.email, Redacted.make(adminPassword))
    expect(admin.appId).toBe(server.appId)
    expect(server.isValid(Redacted.value(admin.token))).toBe(true)
    const asAdmin = as(admin.token)

    const created = yield* asAdmin(User.create({
      username: "flow_user",
      email: "flow.user@example.com",
      password: firstPassword,
      status: "active",
      fullName: "Flow User",
      isAdmin: false
    }))
    // The whole user, whether the server answered with it or with its id only.
    expect(created).toBeInstanceOf(User.User)
    expect(created).toMatchObject({
      username: "flow_user",
      email: "flow.user@example.com",
      fullName: "Flow User",
      status: "active",
      isAdmin: false
    })
    expect(created.createdAt).toBeInstanceOf(Date)

    const page = yield* asAdmin(User.list({ page: 1, limit: 10 }))
    expect(page).toMatchObject({ total: 2, page: 1, limit: 10 })
    expect(page.items.map((user) => user.username).sort()).toEqual(["admin", "flow_user"])

    const retrieved = yield* asAdmin(User.retrieve(created.id))
    expect(retrieved).toEqual(created)

    const updated = yield* asAdmin(User.update({ id: created.id, fullName: "Flow User Renamed", gender: "female" }))
    expect(updated).toMatchObject({ id: created.id, username: "flow_user", fullName: "Flow User Renamed" })
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime())

    yield* asAdmin(User.changePassword({ id: created.id, oldPassword: firstPassword, newPassword }))

    // The user logs in with the new password; the old one is refused.
    expect(yield* failure(login("flow.user@example.com", firstPassword))).toEqual(unauthorized)
    const user = yield* login("flow_user", Redacted.make(newPassword))
    const asUser = as(user.token)
    const status = yield* asUser(Auth.checkToken())
    expect(status.expiresAt.getTime()).toBeGreaterThan(Date.now())
    // A user's token sees only that user.
    expect((yield* asUser(User.list())).items.map((u) => u.id)).toEqual([created.id])

    // The admin deletes the user: the user's token is revoked with it.
    yield* asAdmin(User.delete(created.id))
    expect(yield* failure(asUser(Auth.checkToken()))).toEqual(unauthorized)
    expect(yield* failure(asUser(User.retrieve(created.id)))).toEqual(unauthorized)
    expect(yield* failure(asAdmin(User.retrieve(created.id)))).toEqual({ _tag: "NotFoundError", status: 404 })

    // The admin logs out: the admin's token is revoked.
    const logout = yield* asAdmin(User.logout())
    expect(logout.message).toBe("Logout success")
    expect(yield* failure(asAdmin(Auth.checkToken()))).toEqual(unauthorized)
    expect(yield* failure(asAdmin(User.list()))).toEqual(unauthorized)
    expect(server.isValid(Redacted.value(admin.token))).toBe(false)
  })

const docsShapes: UizaServer.ReplyShapes = {
  create: "id",
  update: "id",
  retrieve: "array",
  delete: "id",
  changePassword: "id",
  logout: "flat"
}

// Each disputed shape switched away from the default, alone.
const alternative = {
  create: "id",
  update: "id",
  retrieve: "array",
  delete: "id",
  changePassword: "id",
  logout: "flat"
} as const satisfies Required<UizaServer.ReplyShapes>
const singleSwitches = (Object.keys(alternative) as Array<keyof typeof alternative>).map((key) => ({
  name: `${key}: ${alternative[key]} (default ${UizaServer.defaultReplyShapes[key]})`,
  shapes: { [key]: alternative[key] } as UizaServer.ReplyShapes
}))

describe("the User and Auth flow through NodeUiza against the local server on 127.0.0.1", () => {
  it("the alternative of each shape differs from the server's default", () => {
    for (const key of Object.keys(alternative) as Array<keyof typeof alternative>) {
      expect(alternative[key]).not.toBe(UizaServer.defaultReplyShapes[key])
    }
  })

  it.scopedLive("with the server's default reply shapes", () => flow({}), { timeout: 30_000 })

  it.scopedLive("with the docs' reply shapes", () => flow(docsShapes), { timeout: 30_000 })

  it.scopedLive.each(singleSwitches)("with $name", ({ shapes }) => flow(shapes), { timeout: 30_000 })
})
