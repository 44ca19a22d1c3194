/**
 * The clients the benchmarks compare. Each variant is built once (a pool, a
 * runtime) and then called many times; `call` performs one request (a
 * logout, a user retrieve or a page of the user list) and resolves when the
 * reply has been read and checked. The hand-written baselines send what the
 * docs' curl sends: the `Authorization` and `Content-Type` headers, and no
 * body.
 *
 * The SDK is imported from the built workspace packages next to this script
 * (`pnpm build` first), so a copy of the repository benchmarks its own code
 * as a Node user runs it: plain JavaScript, no loader, the core's Node copy
 * (dist/node, which the node package also resolves to).
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { request as undiciRequest } from "undici"
import { UizaConfig, User } from "../../packages/core/dist/node/index.js"
import { NodeUiza } from "../../packages/node/dist/index.js"

export interface Client {
  readonly call: () => Promise<unknown>
  readonly close: () => Promise<void>
}

/** The request a variant makes. */
export type Request = "logout" | "User.retrieve" | "User.list"

export interface Variant {
  readonly name: string
  readonly description: string
  /** `logout` when absent. */
  readonly request?: Request
  readonly make: (origin: string, token: string) => Promise<Client>
}

/** The request of a variant. */
export const requestOf = (variant: Variant): Request => variant.request ?? "logout"

/** The hand-written `fetch` variant of the same request, the baseline of its ratios. */
export const baselineOf = (variant: Variant): string =>
  requestOf(variant) === "logout" ? "raw fetch" : `raw fetch: ${requestOf(variant)}`

const logoutPath = "/api/public/v3/admin/user/logout"
const userPath = "/api/public/v3/admin/user"
const userId = "5e0c6a3e-8d2f-4b7a-9c41-2f6e8a1d3b57"
const listQuery = { page: 1, limit: 20 } as const

// The envelope checks a careful hand-written client makes: status, JSON, not an error envelope.
const checkEnvelope = (status: number, text: string): Record<string, unknown> => {
  if (status < 200 || status > 299) throw new Error(`HTTP ${status}`)
  const json = JSON.parse(text) as Record<string, unknown>
  if (typeof json !== "object" || json === null) throw new Error("not an envelope")
  if (json.type === "ERROR" || (typeof json.code === "number" && json.code >= 400)) throw new Error("error envelope")
  return json
}

// The checks a careful hand-written logout makes: the envelope's, then the message.
const checkReply = (status: number, text: string): string => {
  const json = checkEnvelope(status, text)
  const data = json.data as Record<string, unknown> | null | undefined
  const message = typeof data === "object" && data !== null && typeof data.message === "string"
    ? data.message
    : json.message
  if (typeof message !== "string") throw new Error("no message")
  return message
}

const date = (value: unknown): Date => {
  const parsed = typeof value === "string" ? new Date(value) : new Date(Number.NaN)
  if (Number.isNaN(parsed.getTime())) throw new Error("not a date")
  return parsed
}

const string = (value: unknown): string => {
  if (typeof value !== "string") throw new Error("not a string")
  return value
}

// A user from the wire, checked and converted as the SDK's model has it.
const toUser = (wire: unknown) => {
  if (typeof wire !== "object" || wire === null) throw new Error("not a user")
  const user = wire as Record<string, unknown>
  if (user.status !== 0 && user.status !== 1) throw new Error("bad status")
  if (user.isAdmin !== 0 && user.isAdmin !== 1) throw new Error("bad isAdmin")
  return {
    id: string(user.id),
    username: string(user.username),
    email: string(user.email),
    fullName: user.fullName == null ? undefined : string(user.fullName),
    avatar: user.avatar == null ? undefined : string(user.avatar),
    status: user.status === 1 ? "active" : "inactive",
    isAdmin: user.isAdmin === 1,
    createdAt: date(user.createdAt),
    updatedAt: date(user.updatedAt)
  }
}

const checkRetrieve = (status: number, text: string) => {
  const data = checkEnvelope(status, text).data
  // The docs' example has the user in an array of one.
  return toUser(Array.isArray(data) && data.length === 1 ? data[0] : data)
}

const checkList = (status: number, text: string) => {
  const json = checkEnvelope(status, text)
  if (!Array.isArray(json.data)) throw new Error("no list")
  const metadata = json.metadata as Record<string, unknown> | undefined
  if (typeof metadata?.total !== "number") throw new Error("no total")
  return { items: json.data.map(toUser), total: metadata.total, page: metadata.page, limit: metadata.limit }
}

// The headers of the docs' curl.
const headersOf = (token: string) => ({
  authorization: token,
  "content-type": "application/json"
})

const rawFetch: Variant = {
  name: "raw fetch",
  description: "global fetch POST, the docs' two headers, no body + text() + JSON.parse + manual checks",
  make: async (origin, token) => {
    const url = `${origin}${logoutPath}`
    const headers = headersOf(token)
    return {
      call: async () => {
        const response = await fetch(url, { method: "POST", headers, redirect: "manual" })
        return checkReply(response.status, await response.text())
      },
      close: async () => {}
    }
  }
}

const rawUndici: Variant = {
  name: "raw undici",
  description: "undici.request (global Agent) + body.text() + JSON.parse + manual checks",
  make: async (origin, token) => {
    const url = `${origin}${logoutPath}`
    const headers = headersOf(token)
    return {
      call: async () => {
        const response = await undiciRequest(url, { method: "POST", headers })
        return checkReply(response.statusCode, await response.body.text())
      },
      close: async () => {}
    }
  }
}

const runtimeClient = <E>(layer: Layer.Layer<any, E>, effect: Effect.Effect<unknown, unknown, any>) => {
  const runtime = ManagedRuntime.make(layer)
  return runtime.runtime().then((): Client => ({
    call: () => runtime.runPromise(effect),
    close: () => runtime.dispose()
  }))
}

const sdkNode: Variant = {
  name: "NodeUiza",
  description: "User.logout() on NodeUiza.layer (undici), default config: 2 retries, 30 s timeout, spans on",
  make: (origin, token) =>
    runtimeClient(NodeUiza.layer({ workspaceApiDomain: origin, authorization: token }), User.logout())
}

// The SDK with the default configuration on an HttpClient of @effect/platform.
const sdkOn = (name: string, clientLayer: Layer.Layer<HttpClient.HttpClient>): Variant => ({
  name: `SDK on ${name}`,
  description: `User.logout() on UizaConfig.layer + ${name}, default config`,
  make: (origin, token) =>
    runtimeClient(
      Layer.merge(UizaConfig.layer({ workspaceApiDomain: origin, authorization: token }), clientLayer),
      User.logout()
    )
})

const sdkFetch = sdkOn("FetchHttpClient", FetchHttpClient.layer)
const sdkNodeHttpClient = sdkOn("NodeHttpClient", NodeHttpClient.layerUndici)

// The least any Effect program pays per call: one undici.request promise run through the same
// kind of runtime, with the same checks. No SDK can be faster than this on Effect.
const effectFloor: Variant = {
  name: "Effect floor",
  description: "ManagedRuntime.runPromise(Effect.promise(undici.request + body.text() + same checks))",
  make: async (origin, token) => {
    const url = `${origin}${logoutPath}`
    const headers = headersOf(token)
    const call = Effect.promise(async () => {
      const response = await undiciRequest(url, { method: "POST", headers })
      return checkReply(response.statusCode, await response.body.text())
    })
    return runtimeClient(Layer.empty, call)
  }
}

// The same GET, hand-written: what `User.retrieve` and `User.list` are compared with.
const rawFetchGet = (request: Request, query: string, check: (status: number, text: string) => unknown): Variant => ({
  name: `raw fetch: ${request}`,
  description:
    `global fetch GET ${userPath}?${query}, the docs' two headers + text() + JSON.parse + checks and conversion`,
  request,
  make: async (origin, token) => {
    const url = `${origin}${userPath}?${query}`
    const headers = headersOf(token)
    return {
      call: async () => {
        const response = await fetch(url, { method: "GET", headers, redirect: "manual" })
        return check(response.status, await response.text())
      },
      close: async () => {}
    }
  }
})

const rawFetchRetrieve = rawFetchGet("User.retrieve", `id=${userId}`, checkRetrieve)
const rawFetchList = rawFetchGet("User.list", `page=${listQuery.page}&limit=${listQuery.limit}`, checkList)

const sdkNodeRetrieve: Variant = {
  name: "NodeUiza: User.retrieve",
  description: "User.retrieve(id) on NodeUiza.layer, default config",
  request: "User.retrieve",
  make: (origin, token) =>
    runtimeClient(NodeUiza.layer({ workspaceApiDomain: origin, authorization: token }), User.retrieve(userId))
}

const sdkNodeList: Variant = {
  name: "NodeUiza: User.list",
  description: `User.list({ page: ${listQuery.page}, limit: ${listQuery.limit} }) on NodeUiza.layer, default config`,
  request: "User.list",
  make: (origin, token) =>
    runtimeClient(NodeUiza.layer({ workspaceApiDomain: origin, authorization: token }), User.list(listQuery))
}

// ---- variants used to find where the time goes (not in the headline table) ----

const naiveEffect = (origin: string, token: string) =>
  Effect.flatMap(HttpClient.HttpClient, (client) =>
    client.execute(
      HttpClientRequest.post(`${origin}${logoutPath}`).pipe(HttpClientRequest.setHeaders(headersOf(token)))
    ).pipe(
      Effect.flatMap((response) => Effect.map(response.text, (text) => checkReply(response.status, text)))
    ))

const naiveUndici: Variant = {
  name: "naive Effect (undici)",
  description: "HttpClient.execute + text + same checks on NodeHttpClient.layerUndici (HttpClient span on)",
  make: (origin, token) => runtimeClient(NodeHttpClient.layerUndici, naiveEffect(origin, token))
}

const naiveUndiciNoSpan: Variant = {
  name: "naive Effect (undici, no span)",
  description: "as above with Effect.withTracerEnabled(false)",
  make: (origin, token) =>
    runtimeClient(NodeHttpClient.layerUndici, Effect.withTracerEnabled(naiveEffect(origin, token), false))
}

const sdkNodeNoSpans: Variant = {
  name: "NodeUiza, no spans",
  description: "NodeUiza with Effect.withTracerEnabled(false): neither our span nor the HttpClient's",
  make: (origin, token) =>
    runtimeClient(
      NodeUiza.layer({ workspaceApiDomain: origin, authorization: token }),
      Effect.withTracerEnabled(User.logout(), false)
    )
}

const naiveLean: Variant = {
  name: "naive Effect (NodeUiza client)",
  description: "HttpClient.execute + text + same checks on NodeUiza.layerHttpClient",
  make: (origin, token) => runtimeClient(NodeUiza.layerHttpClient, naiveEffect(origin, token))
}

const sdkNodeNoRetry: Variant = {
  name: "NodeUiza, maxRetries 0",
  description: "NodeUiza with maxRetries: 0",
  make: (origin, token) =>
    runtimeClient(
      NodeUiza.layer({ workspaceApiDomain: origin, authorization: token, maxRetries: 0 }),
      User.logout()
    )
}

export const headline: ReadonlyArray<Variant> = [
  rawFetch,
  rawUndici,
  effectFloor,
  sdkNode,
  sdkNodeHttpClient,
  sdkFetch,
  rawFetchRetrieve,
  sdkNodeRetrieve,
  rawFetchList,
  sdkNodeList
]
export const breakdown: ReadonlyArray<Variant> = [
  naiveUndici,
  naiveUndiciNoSpan,
  naiveLean,
  sdkNodeNoSpans,
  sdkNodeNoRetry
]
export const all: ReadonlyArray<Variant> = [...headline, ...breakdown]

export const byName = (name: string): Variant => {
  const found = all.find((v) => v.name === name || slug(v.name) === name)
  if (found === undefined) throw new Error(`unknown variant ${name}; known: ${all.map((v) => slug(v.name)).join(", ")}`)
  return found
}

export const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")
