import { NodeUizaServer } from "@uiza-effect/server"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Scope from "effect/Scope"
import type { TestProject } from "vitest/node"
import { startFetchServer } from "./fetchServer.js"

declare module "vitest" {
  export interface ProvidedContext {
    uizaServerUrl: string
    uizaTokens: ReadonlyArray<string>
    fetchServerUrl: string
    deadServerUrl: string
    noCorsServerUrl: string
  }
}

// The local Uiza server runs in Node beside the browser, on another origin
// than the test page, so every call the page makes is cross-origin.
export default async function setup(project: TestProject) {
  const scope = Effect.runSync(Scope.make())
  const tokens = Array.from({ length: 8 }, () => NodeUizaServer.randomToken())
  const server = await Effect.runPromise(Scope.extend(NodeUizaServer.start({ tokens }), scope))
  project.provide("uizaServerUrl", server.url)
  project.provide("uizaTokens", tokens)
  // A raw HTTP server for the fetch client's own tests, and a port where nothing listens.
  const fetchServer = await startFetchServer()
  project.provide("fetchServerUrl", fetchServer.url)
  project.provide("deadServerUrl", fetchServer.deadUrl)
  project.provide("noCorsServerUrl", fetchServer.noCorsUrl)
  return async () => {
    await fetchServer.close()
    await Effect.runPromise(Scope.close(scope, Exit.void))
  }
}
