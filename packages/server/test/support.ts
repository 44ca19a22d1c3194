import * as HttpApp from "@effect/platform/HttpApp"
import { UizaServer } from "@uiza-effect/server"
import * as Redacted from "effect/Redacted"
import { readFileSync } from "node:fs"

/** A fixture of test/fixtures, parsed. */
export const fixture = (name: string): any =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"))

export interface Reply {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  readonly json: any
}

export interface CallOptions {
  readonly token?: string | undefined
  readonly body?: unknown
  /** Sent as is, instead of `body` as JSON. */
  readonly raw?: string | undefined
  readonly query?: Record<string, string> | undefined
}

export type Call = (method: string, path: string, options?: CallOptions) => Promise<Reply>

/** Calls `fetch`-style `handler` and keeps every reply's text, to search it for secrets. */
export const caller = (
  handler: (request: Request) => Promise<Response>,
  base = "http://uiza.test"
): Call & { readonly texts: Array<string> } => {
  const texts: Array<string> = []
  const call = async (method: string, path: string, options: CallOptions = {}) => {
    const headers: Record<string, string> = {}
    if (options.token !== undefined) headers.authorization = options.token
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
    if (body !== undefined) headers["content-type"] = "application/json"
    const query = options.query === undefined ? "" : `?${new URLSearchParams(options.query)}`
    const response = await handler(
      new Request(`${base}${path}${query}`, { method, headers, ...(body === undefined ? {} : { body }) })
    )
    const text = await response.text()
    texts.push(text)
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: text === "" ? undefined : JSON.parse(text)
    }
  }
  return Object.assign(call, { texts })
}

/** An in-memory emulation with a caller and its admin API key. */
export const emulation = (options: UizaServer.Options = {}) => {
  const server = UizaServer.make(options)
  const call = caller(HttpApp.toWebHandler(server.app))
  return { server, call, adminKey: server.tokens[0] ?? "" }
}

export const domain = "acme.uiza.co"

export const login = async (call: Call, username: string, password: string): Promise<string> => {
  const reply = await call("POST", UizaServer.paths.auth, { body: { username, password, domain } })
  if (reply.status !== 200) throw new Error(`login failed with ${reply.status}: ${reply.text}`)
  return reply.json.data.token
}

export const loginAsAdmin = (call: Call, server: UizaServer.UizaServer) =>
  login(call, server.admin.email, Redacted.value(server.admin.password))

let counter = 0

/** A valid create body, unique by a counter. */
export const newUser = (fields: Record<string, unknown> = {}) => {
  counter++
  return {
    status: 1,
    username: `user_${counter}`,
    email: `user_${counter}@example.com`,
    password: `pass-${counter}-word`,
    ...fields
  }
}

/** Creates a user with the admin key; returns its id and password. */
export const createUser = async (call: Call, adminKey: string, fields: Record<string, unknown> = {}) => {
  const body = newUser(fields)
  const reply = await call("POST", UizaServer.paths.user, { token: adminKey, body })
  if (reply.status !== 200) throw new Error(`create failed with ${reply.status}: ${reply.text}`)
  return { id: reply.json.data.id as string, username: body.username, email: body.email, password: body.password }
}

export const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
export const tokenShape = /^uap-[0-9a-f]{32}-[0-9a-f]{8}$/
