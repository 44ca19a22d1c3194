/**
 * Every User and Auth operation as a row of a table for the socket tests:
 * whether a repeat is safe, a reply that makes it succeed, and a call that
 * runs it through `NodeUiza.layer` against a given origin.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import { Auth, type UizaConfig, type UizaError, User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import * as Effect from "effect/Effect"
import type * as Either from "effect/Either"
import * as FaultServer from "./faultServer.js"
import { type ClientOptions, TOKEN } from "./uiza.js"

export const USER_ID = "5e0c6a3e-8d2f-4b7a-9c41-2f6e8a1d3b57"

/** A password of the documented length, sent by the operations that take one. */
export const PASSWORD = "correct-horse-battery"

/** A user as the API sends it. */
export const userWire = (fields: Record<string, unknown> = {}) => ({
  id: USER_ID,
  username: "ada",
  email: "ada@example.com",
  fullName: "Ada Lovelace",
  status: 1,
  isAdmin: 0,
  createdAt: "2019-03-01T07:52:01.000Z",
  updatedAt: "2019-03-01T07:52:01.000Z",
  ...fields
})

/** The success envelope around `data`, with `metadata` when given. */
export const successEnvelope = (data: unknown, more: Record<string, unknown> = {}) => ({
  data,
  version: 3,
  datetime: "2019-03-01T08:02:24.213Z",
  policy: "public",
  requestId: "4c1f9e7a-2b6d-4e0a-9a51-7d3c2e8f1b90",
  serviceName: "api",
  message: "OK",
  code: 200,
  type: "SUCCESS",
  ...more
})

export interface Operation {
  readonly name: string
  /** Whether a failure that may have reached the server is sent again. */
  readonly idempotent: boolean
  /** Whether the operation sends a password. */
  readonly sendsPassword: boolean
  /** A reply that makes one attempt succeed. */
  readonly success: FaultServer.ReplyStep
  /** The call, with `password` wherever the operation takes one. */
  readonly call: (url: string, password: string) => Effect.Effect<
    unknown,
    UizaError.UizaError,
    HttpClient.HttpClient | UizaConfig.UizaConfig
  >
}

export const operations: ReadonlyArray<Operation> = [
  {
    name: "User.create",
    idempotent: false,
    sendsPassword: true,
    success: FaultServer.json(200, successEnvelope(userWire())),
    call: (_, password) => User.create({ username: "ada", email: "ada@example.com", password, status: "active" })
  },
  {
    name: "User.retrieve",
    idempotent: true,
    sendsPassword: false,
    success: FaultServer.json(200, successEnvelope(userWire())),
    call: () => User.retrieve(USER_ID)
  },
  {
    name: "User.list",
    idempotent: true,
    sendsPassword: false,
    success: FaultServer.json(
      200,
      successEnvelope([userWire()], { metadata: { total: 1, result: 1, page: 1, limit: 20 } })
    ),
    call: () => User.list({ page: 1, limit: 20 })
  },
  {
    name: "User.update",
    idempotent: true,
    sendsPassword: true,
    success: FaultServer.json(200, successEnvelope(userWire({ fullName: "Ada King" }))),
    call: (_, password) => User.update({ id: USER_ID, fullName: "Ada King", password })
  },
  {
    name: "User.delete",
    idempotent: true,
    sendsPassword: false,
    success: FaultServer.json(200, successEnvelope({ result: true })),
    call: () => User.delete(USER_ID)
  },
  {
    name: "User.changePassword",
    idempotent: false,
    sendsPassword: true,
    success: FaultServer.json(200, successEnvelope({ result: "ok" })),
    call: (_, password) => User.changePassword({ id: USER_ID, oldPassword: password, newPassword: `${password}-new` })
  },
  {
    name: "User.logout",
    idempotent: true,
    sendsPassword: false,
    success: FaultServer.logoutSuccess(),
    call: () => User.logout()
  },
  {
    name: "Auth.createToken",
    idempotent: false,
    sendsPassword: true,
    success: FaultServer.json(200, successEnvelope({ token: TOKEN, appId: "a204e9cdeca44948a33e0d012ef74e90" })),
    call: (url, password) =>
      Auth.createToken({ workspaceApiDomain: url, username: "ada@example.com", password, domain: "acme.uiza.co" })
  },
  {
    name: "Auth.checkToken",
    idempotent: true,
    sendsPassword: false,
    success: FaultServer.json(200, successEnvelope({ expired: "11/06/2030 04:29:22" })),
    call: () => Auth.checkToken()
  }
]

/** Runs `operation` once through a fresh `NodeUiza.layer` against `url`; the outcome as an `Either`. */
export const run = (
  operation: Operation,
  url: string,
  client: ClientOptions = {},
  password = PASSWORD
): Effect.Effect<Either.Either<unknown, UizaError.UizaError>> =>
  operation.call(url, password).pipe(
    Effect.either,
    Effect.provide(NodeUiza.layer({ ...client, authorization: TOKEN, workspaceApiDomain: url })),
    Effect.orDie
  )
