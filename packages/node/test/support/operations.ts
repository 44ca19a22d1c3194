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

/** The passwords an operation sends: `password` (the old one for changePassword), and the new one. */
export interface Passwords {
  readonly password: string
  readonly newPassword: string
}

/** Passwords of the documented length. */
export const PASSWORDS: Passwords = { password: "correct-horse-battery", newPassword: "staple-of-the-horse" }

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
  /** Which of the passwords the operation sends. */
  readonly sends: ReadonlyArray<keyof Passwords>
  /** A reply that makes one attempt succeed. */
  readonly success: FaultServer.ReplyStep
  /** The call, with the passwords wherever the operation takes them. */
  readonly call: (url: string, passwords: Passwords, options: UizaConfig.CallOptions) => Effect.Effect<
    unknown,
    UizaError.UizaError,
    HttpClient.HttpClient | UizaConfig.UizaConfig
  >
}

export const operations: ReadonlyArray<Operation> = [
  {
    name: "User.create",
    idempotent: false,
    sends: ["password"],
    success: FaultServer.json(200, successEnvelope(userWire())),
    call: (_, { password }, options) =>
      User.create({ username: "ada", email: "ada@example.com", password, status: "active" }, options)
  },
  {
    name: "User.retrieve",
    idempotent: true,
    sends: [],
    success: FaultServer.json(200, successEnvelope(userWire())),
    call: (_, __, options) => User.retrieve(USER_ID, options)
  },
  {
    name: "User.list",
    idempotent: true,
    sends: [],
    success: FaultServer.json(
      200,
      successEnvelope([userWire()], { metadata: { total: 1, result: 1, page: 1, limit: 20 } })
    ),
    call: (_, __, options) => User.list({ page: 1, limit: 20 }, options)
  },
  {
    name: "User.update",
    idempotent: true,
    sends: ["password"],
    success: FaultServer.json(200, successEnvelope(userWire({ fullName: "Ada King" }))),
    call: (_, { password }, options) => User.update({ id: USER_ID, fullName: "Ada King", password }, options)
  },
  {
    name: "User.delete",
    idempotent: true,
    sends: [],
    success: FaultServer.json(200, successEnvelope({ result: true })),
    call: (_, __, options) => User.delete(USER_ID, options)
  },
  {
    name: "User.changePassword",
    idempotent: false,
    sends: ["password", "newPassword"],
    success: FaultServer.json(200, successEnvelope({ result: "ok" })),
    call: (_, { newPassword, password }, options) =>
      User.changePassword({ id: USER_ID, oldPassword: password, newPassword }, options)
  },
  {
    name: "User.logout",
    idempotent: true,
    sends: [],
    success: FaultServer.logoutSuccess(),
    call: (_, __, options) => User.logout(options)
  },
  {
    name: "Auth.createToken",
    idempotent: false,
    sends: ["password"],
    success: FaultServer.json(200, successEnvelope({ token: TOKEN, appId: "a204e9cdeca44948a33e0d012ef74e90" })),
    call: (url, { password }, options) =>
      Auth.createToken(
        { workspaceApiDomain: url, username: "ada@example.com", password, domain: "acme.uiza.co" },
        options
      )
  },
  {
    name: "Auth.checkToken",
    idempotent: true,
    sends: [],
    success: FaultServer.json(200, successEnvelope({ expired: "11/06/2030 04:29:22" })),
    call: (_, __, options) => Auth.checkToken(options)
  }
]

/**
 * Runs `operation` once through a fresh `NodeUiza.layer` against `url`; the
 * outcome as an `Either`. The policy applies to the client and to the call
 * (`Auth.createToken` reads no client settings).
 */
export const run = (
  operation: Operation,
  url: string,
  policy: Pick<ClientOptions, "maxRetries" | "timeout"> = {},
  passwords = PASSWORDS
): Effect.Effect<Either.Either<unknown, UizaError.UizaError>> =>
  operation.call(url, passwords, policy).pipe(
    Effect.either,
    Effect.provide(NodeUiza.layer({ ...policy, authorization: TOKEN, workspaceApiDomain: url })),
    Effect.orDie
  )
