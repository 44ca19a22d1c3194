import { describe, expect, it } from "@effect/vitest"
import { UizaServer } from "@uiza-effect/server"
import { createUser, emulation, fixture, login, newUser } from "./support.js"

const { user: userPath, changePassword: changePasswordPath } = UizaServer.paths

const keysOf = (value: object) => Object.keys(value).sort()

// Every optional field set, so the full user has every recorded key.
const complete = { fullname: "User Test", avatar: "https://exemple.com/avatar.jpeg" }

describe("reply shapes", () => {
  it("defaults to the recorded shapes, and logout as documented", () => {
    expect(UizaServer.make().replyShapes).toEqual({
      create: "object",
      update: "object",
      retrieve: "object",
      delete: "result",
      changePassword: "result",
      logout: "data"
    })
    expect(UizaServer.make({ replyShapes: { delete: "id", logout: undefined } }).replyShapes).toMatchObject({
      delete: "id",
      logout: "data"
    })
  })

  it("create: the full user, or {id} as documented", async () => {
    const asObject = emulation({ replyShapes: { create: "object" } })
    const object = await asObject.call("POST", userPath, { token: asObject.adminKey, body: newUser(complete) })
    expect(keysOf(object.json.data)).toEqual(keysOf(fixture("user-create-full").data))

    const asId = emulation({ replyShapes: { create: "id" } })
    const id = await asId.call("POST", userPath, { token: asId.adminKey, body: newUser() })
    expect(keysOf(id.json.data)).toEqual(keysOf(fixture("user-create-id").data))
    const created = await asId.call("GET", userPath, { token: asId.adminKey, query: { id: id.json.data.id } })
    expect(created.status).toBe(200)
  })

  it("update: the full user, or {id}", async () => {
    for (const [shape, expected] of [["object", fixture("user-create-full").data], ["id", { id: "" }]] as const) {
      const { call, adminKey } = emulation({ replyShapes: { update: shape } })
      const user = await createUser(call, adminKey, complete)
      const reply = await call("PUT", userPath, { token: adminKey, body: { id: user.id, fullname: "New" } })
      expect(keysOf(reply.json.data)).toEqual(keysOf(expected))
      expect(reply.json.data.id).toBe(user.id)
    }
  })

  it("retrieve: the user as an object, or as an array of one", async () => {
    const asObject = emulation({ replyShapes: { retrieve: "object" } })
    const object = await asObject.call("GET", userPath, {
      token: asObject.adminKey,
      query: { id: asObject.server.admin.id }
    })
    expect(Array.isArray(object.json.data)).toBe(false)
    expect(keysOf(object.json.data).length).toBeGreaterThan(0)

    const asArray = emulation({ replyShapes: { retrieve: "array" } })
    const array = await asArray.call("GET", userPath, {
      token: asArray.adminKey,
      query: { id: asArray.server.admin.id }
    })
    expect(Array.isArray(fixture("user-retrieve-as-array").data)).toBe(true)
    expect(array.json.data).toHaveLength(1)
    expect(array.json.data[0].id).toBe(asArray.server.admin.id)
    // The list is unchanged by this switch.
    expect((await asArray.call("GET", userPath, { token: asArray.adminKey })).json.metadata.total).toBe(1)
  })

  it("delete: {result: true}, or {id}", async () => {
    const asResult = emulation({ replyShapes: { delete: "result" } })
    const first = await createUser(asResult.call, asResult.adminKey)
    const result = await asResult.call("DELETE", userPath, { token: asResult.adminKey, body: { id: first.id } })
    expect(result.json.data).toEqual(fixture("user-delete-result").data)

    const asId = emulation({ replyShapes: { delete: "id" } })
    const second = await createUser(asId.call, asId.adminKey)
    const id = await asId.call("DELETE", userPath, { token: asId.adminKey, body: { id: second.id } })
    expect(keysOf(id.json.data)).toEqual(keysOf(fixture("user-delete-id").data))
    expect(id.json.data).toEqual({ id: second.id })
  })

  it("change password: {result: \"ok\"}, or {id}", async () => {
    for (const shape of ["result", "id"] as const) {
      const { call, adminKey } = emulation({ replyShapes: { changePassword: shape } })
      const user = await createUser(call, adminKey)
      const token = await login(call, user.email, user.password)
      const reply = await call("PUT", changePasswordPath, {
        token,
        body: { oldPassword: user.password, newPassword: "another-one" }
      })
      expect(reply.json.data).toEqual(shape === "result" ? fixture("user-changepassword-result").data : { id: user.id })
    }
  })

  it("logout: with data.message as documented, or without data as recorded", async () => {
    const documented = emulation({ replyShapes: { logout: "data" } })
    const withData = await documented.call("POST", UizaServer.logoutPath, { token: documented.adminKey })
    expect(keysOf(withData.json)).toEqual(keysOf(fixture("logout-200-documented")))
    expect(withData.json).toMatchObject({ data: { message: "Logout success" }, message: "OK" })

    const flat = emulation({ replyShapes: { logout: "flat" } })
    const withoutData = await flat.call("POST", UizaServer.logoutPath, { token: flat.adminKey })
    expect(withoutData.status).toBe(200)
    expect(withoutData.json).not.toHaveProperty("data")
    expect(withoutData.json).toMatchObject(fixture("logout-200-flat"))
    expect(flat.server.isValid(flat.adminKey)).toBe(false)
  })
})
