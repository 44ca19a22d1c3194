/**
 * A connector for undici that drops informational (1xx) response heads.
 *
 * HTTP lets a server send any number of 1xx heads before the final reply
 * (RFC 9110 §15.2): a `100 Continue` nobody asked for, a `102 Processing`, a
 * `103 Early Hints`. undici fails the request when it meets a `100` it did
 * not ask for (`UND_ERR_SOCKET: bad response`), although the reply that
 * follows is valid. The SDK never sends `Expect: 100-continue` and never reads
 * an informational head, so each socket this connector opens drops them all
 * (never a `101`, which would switch protocols) between the request it writes
 * and the final status line, and undici reads the reply that follows.
 *
 * @internal
 */
import { buildConnector } from "@effect/platform-node/Undici"
import type * as net from "node:net"

// Where a request head starts: undici writes it as one latin1 string, apart from any body.
const REQUEST_LINE = /^[A-Z]+ \S+ HTTP\/1\.1\r\n/
// A complete status line start of an informational response that is not a `101`.
const INFORMATIONAL = /^HTTP\/1\.1 1(?!01)\d\d[ \r]/
const STATUS_START_LENGTH = 13
// A head this long is left to undici, which refuses heads over 16 KiB.
const MAX_HEAD_BYTES = 16 * 1024
const END_OF_HEAD = Buffer.from("\r\n\r\n", "latin1")

// What fills the rest of a short start so that it is tested as if more had arrived.
const COMPLETION = "HTTP/1.1 100 "

/**
 * Whether `bytes` start with an informational status line, or may still turn
 * out to once more bytes arrive.
 */
const startsInformational = (bytes: Buffer): boolean => {
  const start = bytes.toString("latin1", 0, STATUS_START_LENGTH)
  return INFORMATIONAL.test(start + COMPLETION.slice(start.length))
}

/**
 * Filters what the socket hands to undici: between a request head written
 * and the final status line, complete informational heads are dropped.
 */
const dropInformationalHeads = (socket: net.Socket): void => {
  const push = socket.push.bind(socket)
  const write = socket.write.bind(socket) as (...args: Array<unknown>) => boolean
  let awaitingStatus = false
  let pending: Buffer | undefined

  socket.write = ((chunk: unknown, ...rest: Array<unknown>) => {
    if (typeof chunk === "string" && REQUEST_LINE.test(chunk)) awaitingStatus = true
    return write(chunk, ...rest)
  }) as typeof socket.write

  socket.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (!awaitingStatus || chunk === null || !Buffer.isBuffer(chunk)) {
      if (pending !== undefined) {
        push(pending)
        pending = undefined
        awaitingStatus = false
      }
      return push(chunk, encoding)
    }
    let bytes = pending === undefined ? chunk : Buffer.concat([pending, chunk])
    pending = undefined
    while (bytes.length > 0 && startsInformational(bytes)) {
      const end = bytes.indexOf(END_OF_HEAD)
      if (end === -1) {
        if (bytes.length > MAX_HEAD_BYTES) break
        pending = bytes // the head is not complete yet
        return true
      }
      bytes = bytes.subarray(end + END_OF_HEAD.length)
    }
    if (bytes.length === 0) return true
    // The final status line (or something undici is to judge): everything from here is its.
    awaitingStatus = false
    return push(bytes)
  }
}

/**
 * undici's own connector (same defaults as an `Agent` without options), each
 * socket of which drops informational heads before the final reply.
 *
 * @internal
 */
export const connector = (): buildConnector.connector => {
  const connect = buildConnector({})
  return (options, callback) =>
    connect(options, (error, socket) => {
      if (error === null) dropInformationalHeads(socket as net.Socket)
      callback(error, socket as never)
    })
}
