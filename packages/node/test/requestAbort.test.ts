/**
 * The request's abort signal in undici's `EventEmitter` form: the first abort
 * wins, every listener runs once, removed listeners never run, and undici's
 * `request()` takes it and aborts a request in flight with its reason.
 */
import { Agent, errors } from "@effect/platform-node/Undici"
import { describe, expect, it } from "@effect/vitest"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import { RequestAbort } from "../src/internal/requestAbort.js"

describe("RequestAbort", () => {
  it("runs each listener once, on the first abort, with its reason kept", () => {
    const abort = new RequestAbort()
    const calls: Array<string> = []
    const removed = () => calls.push("removed")
    abort.on("abort", () => calls.push("first"))
    abort.once("abort", () => calls.push("second"))
    abort.on("abort", removed)
    abort.removeListener("abort", removed)
    expect(abort.aborted).toBe(false)
    abort.abort("why")
    abort.abort("again")
    expect(calls).toEqual(["first", "second"])
    expect(abort.aborted).toBe(true)
    expect(abort.reason).toBe("why")
    // Too late to listen: the abort has happened.
    abort.on("abort", () => calls.push("late"))
    abort.abort("once more")
    expect(calls).toEqual(["first", "second"])
  })

  it("aborts an undici request that waits for its response, with the reason given", async () => {
    let arrived!: () => void
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve))
    const server = http.createServer(() => arrived()) // never answers
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const agent = new Agent()
    try {
      const abort = new RequestAbort()
      const reason = new Error("cancelled at the time limit")
      const pending = agent.request({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        path: "/",
        method: "GET",
        signal: abort
      })
      await requestArrived
      abort.abort(reason)
      await expect(pending).rejects.toBe(reason)
      // Without a reason, undici's own error.
      const second = new RequestAbort()
      second.abort(undefined)
      await expect(
        agent.request({
          origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
          path: "/",
          method: "GET",
          signal: second
        })
      ).rejects.toBeInstanceOf(errors.RequestAbortedError)
    } finally {
      await agent.close()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
