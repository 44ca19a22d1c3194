import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { capture, spanTexts } from "../support/capture.js"
import * as FaultServer from "../support/faultServer.js"
import { logout, TOKEN } from "../support/uiza.js"

describe("observability", () => {
  it.scopedLive("one span per logout with attempts and request id; a debug line per attempt; never the token", () =>
    Effect.gen(function*() {
      const requestId = "3c1b8a44-1f5e-4a0e-9f7c-2a4d5e6f7a8b"
      const server = yield* FaultServer.make([FaultServer.errorEnvelope(503), FaultServer.logoutSuccess(requestId)])
      const { exit, logs, spans } = yield* capture(logout(server.url))
      expect(exit._tag).toBe("Success")

      const logoutSpans = spans.filter((span) => span.name === "Uiza.User.logout")
      expect(logoutSpans.length).toBe(1)
      const [span] = logoutSpans
      expect(span.kind).toBe("client")
      expect(span.attributes.get("uiza.attempts")).toBe(2)
      expect(span.attributes.get("uiza.request_id")).toBe(requestId)
      expect(span.status._tag).toBe("Ended")

      expect(span.attributes.get("http.request.method")).toBe("POST")
      expect(span.attributes.get("url.full")).toBe(`${server.url}/api/public/v3/admin/user/logout`)

      // The only span: the platform's per-request span is off, so it records no header.
      expect(spans).toEqual([span])

      const attemptLines = logs.filter((line) =>
        line.includes("Uiza.User.logout: attempt") && line.startsWith("timestamp")
      )
      expect(attemptLines.length).toBe(2)
      expect(attemptLines[0]).toContain("level=DEBUG")
      expect(attemptLines[0]).toContain("attempt 1")
      expect(attemptLines[1]).toContain("attempt 2")
      for (const line of attemptLines) {
        expect(line).toContain("http.method=POST")
        expect(line).toContain(`url.full=${server.url}/api/public/v3/admin/user/logout`)
      }

      for (const text of [...logs, ...spans.flatMap(spanTexts)]) {
        expect(text).not.toContain(TOKEN)
      }
    }))

  it.scopedLive("a failed logout: the span records the attempts, the error tag and the status", () =>
    Effect.gen(function*() {
      const server = yield* FaultServer.make([FaultServer.errorEnvelope(401)])
      const { exit, logs, spans } = yield* capture(logout(server.url))
      expect(exit._tag).toBe("Success") // `logout` of the helper returns an Either
      const span = spans.find((candidate) => candidate.name === "Uiza.User.logout")!
      expect(span.attributes.get("uiza.attempts")).toBe(1)
      expect(span.attributes.get("uiza.error")).toBe("UnauthorizedError")
      expect(span.attributes.get("http.response.status_code")).toBe(401)
      expect(span.attributes.get("uiza.request_id")).toBe("7d8a1f2e-0000-4000-8000-000000000000")
      for (const text of [...logs, ...spans.flatMap(spanTexts)]) {
        expect(text).not.toContain(TOKEN)
      }
    }))
})
