import { describe, expect, it } from "@effect/vitest"
import { User } from "@uiza-effect/core"
import { NodeUiza } from "@uiza-effect/node"
import * as Effect from "effect/Effect"
import { LOGOUT_BODY, rawServer } from "../support/rawServer.js"
import { TOKEN } from "../support/uiza.js"

const FINAL_REPLY = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: keep-alive\r\n" +
  `content-length: ${Buffer.byteLength(LOGOUT_BODY)}\r\n\r\n${LOGOUT_BODY}`

// For every request head it reads, the server writes `parts` one TCP write at a time, a few milliseconds apart.
const partsServer = (parts: ReadonlyArray<string>) =>
  rawServer((socket) => ({
    onRequest: async () => {
      for (const part of parts) {
        socket.write(part)
        await new Promise((done) => setTimeout(done, 5))
      }
    }
  }))

// Two logouts over one pool: the second reuses the socket (once the pool has taken it back),
// so the filter must be armed again.
const twoLogouts = (url: string) =>
  Effect.all([User.logout(), Effect.zipRight(Effect.sleep("20 millis"), User.logout())]).pipe(
    Effect.provide(NodeUiza.layer({ workspaceApiDomain: url, authorization: TOKEN, maxRetries: 0 }))
  )

describe("informational responses before the reply, on a real socket", () => {
  const cases: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
    ["an unsolicited 100 Continue", ["HTTP/1.1 100 Continue\r\n\r\n" + FINAL_REPLY]],
    ["two informational heads", ["HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n", FINAL_REPLY]],
    ["a 100 split across TCP writes", ["HTTP/1.1 10", "0 Contin", "ue\r\n", "\r\n", FINAL_REPLY]],
    ["a 103 with headers, then a 100", [
      "HTTP/1.1 103 Early Hints\r\nlink: </style.css>; rel=preload\r\nlink: </app.js>; rel=preload\r\n\r\n",
      "HTTP/1.1 100 Continue\r\n\r\n" + FINAL_REPLY
    ]],
    ["a 100 with no reason phrase", ["HTTP/1.1 100\r\n\r\n", FINAL_REPLY]]
  ]
  for (const [name, parts] of cases) {
    it.scopedLive(`${name}: the reply that follows is read, on a fresh and on a reused socket`, () =>
      Effect.gen(function*() {
        const server = yield* partsServer(parts)
        const [first, second] = yield* twoLogouts(server.url)
        expect(first.message).toBe("Logout success")
        expect(second.message).toBe("Logout success")
        expect(server.requests()).toBe(2)
        expect(server.connections()).toBe(1)
      }))
  }

  it.scopedLive("after a 100, a body that looks like a 100 head is the body, not dropped", () =>
    Effect.gen(function*() {
      const body = "HTTP/1.1 100 Continue\r\n\r\n"
      const server = yield* partsServer([
        "HTTP/1.1 100 Continue\r\n\r\n",
        `HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain\r\ncontent-length: ${body.length}\r\n\r\n`,
        body
      ])
      const error = yield* User.logout().pipe(
        Effect.flip,
        Effect.provide(NodeUiza.layer({ workspaceApiDomain: server.url, authorization: TOKEN, maxRetries: 0 }))
      )
      expect(error._tag).toBe("ServerError")
      expect("bodyExcerpt" in error && error.bodyExcerpt).toBe(body)
    }))
})
