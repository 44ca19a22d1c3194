import type * as Duration from "effect/Duration"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as UizaError from "../UizaError.js"
import type { ReplyScrubber } from "./endpoint.js"
import { decodeEnvelope, type Envelope, envelopeSaysError, parseJson } from "./envelope.js"
import { oneLine } from "./serverText.js"
import { isRetryableStatus, statusClassOf, unclassifiedError } from "./statusClass.js"

/**
 * Everything one attempt learnt from the server, as plain facts.
 *
 * @internal
 */
export interface Reply {
  readonly status: number
  /** `None` when the connection broke while the body was being read. */
  readonly body: Option.Option<string>
  readonly retryAfter: Option.Option<Duration.Duration>
  readonly attempts: number
}

/**
 * What an operation contributes to reading its replies.
 *
 * @internal
 */
export interface ReplyReader<A> {
  readonly descriptionLink: string
  /** The operation's result from a success envelope, or what is wrong with the envelope. */
  readonly decodeSuccess: (envelope: Envelope) => Either.Either<A, string>
  /** Removes the secret from any text the server sent back. */
  readonly scrub: (text: string) => string
  /** Adds the secrets a reply itself carries (a token it issues) to the scrubber of an error quoting it. */
  readonly secretsIn?: ReplyScrubber | undefined
}

// A reader that also scrubs the secrets a reply carries; most replies carry none.
const withCarriedSecrets = <A>(reader: ReplyReader<A>, json: Option.Option<unknown>): ReplyReader<A> =>
  reader.secretsIn === undefined || Option.isNone(json)
    ? reader
    : { ...reader, scrub: reader.secretsIn(json.value, reader.scrub) }

const EXCERPT_BYTES = 2048

const encoder = new TextEncoder()
const decoder = new TextDecoder()

const excerptOf = (text: string): string => {
  if (text.length * 3 <= EXCERPT_BYTES) return text // fits, whatever its characters
  // More characters than bytes allowed cannot fit: encode only the head of a long body.
  const bytes = encoder.encode(text.slice(0, EXCERPT_BYTES))
  if (text.length <= EXCERPT_BYTES && bytes.length <= EXCERPT_BYTES) return text
  // Cut before a character that straddles the limit, so the excerpt stays within it.
  let end = Math.min(EXCERPT_BYTES, bytes.length)
  while (end > 0 && end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--
  return decoder.decode(bytes.subarray(0, end))
}

// The fields with a value: an optional field of an error is absent, never `undefined`.
const withoutAbsent = <F extends object>(fields: F): { [K in keyof F]: Exclude<F[K], undefined> } => {
  for (const key in fields) if (fields[key] === undefined) delete fields[key]
  return fields as { [K in keyof F]: Exclude<F[K], undefined> }
}

const statusError = <A>(
  reader: ReplyReader<A>,
  reply: Reply,
  errorStatus: number | undefined,
  envelope: Option.Option<Envelope>,
  bodyExcerpt: Option.Option<string>
): UizaError.StatusError => {
  // An error body without an error code is a server-side error of no known class.
  const statusClass = errorStatus === undefined ? unclassifiedError : statusClassOf(errorStatus)
  const facts = Option.getOrUndefined(envelope)
  const serverText = <T extends string | undefined>(text: T): T =>
    (text === undefined ? text : oneLine(reader.scrub(text))) as T
  return statusClass.make(withoutAbsent({
    status: reply.status,
    code: facts?.code,
    // A message the server left empty is none.
    message: serverText(facts?.message) || statusClass.defaultMessage,
    type: serverText(facts?.type),
    requestId: serverText(facts?.requestId),
    retryable: errorStatus !== undefined && isRetryableStatus(errorStatus) && facts?.retryable !== false,
    retryAfter: Option.getOrUndefined(reply.retryAfter),
    fieldErrors: (facts?.fieldErrors ?? []).map((fieldError) =>
      UizaError.FieldError.make({
        type: serverText(fieldError.type),
        field: serverText(fieldError.field),
        message: serverText(fieldError.message)
      })
    ),
    descriptionLink: reader.descriptionLink,
    attempts: reply.attempts,
    bodyExcerpt: Option.getOrUndefined(bodyExcerpt)
  }))
}

const decodeError = (reply: Reply, message: string, envelope: Option.Option<Envelope>, excerpt: string) => {
  const requestId = Option.getOrUndefined(envelope)?.requestId
  return new UizaError.ResponseDecodeError(withoutAbsent({
    message,
    status: reply.status,
    requestId: requestId === undefined ? requestId : oneLine(requestId),
    bodyExcerpt: excerpt,
    attempts: reply.attempts
  }))
}

/**
 * Turns a reply into the operation's result or one of the SDK's errors.
 * A reply is an error when its status is not 2xx or its body says so
 * (`type: "ERROR"` or a `code` of 400 or more); it is classified by the HTTP
 * status when that is an error status, else by the body's code.
 *
 * @internal
 */
export const readReply = <A>(callReader: ReplyReader<A>, reply: Reply): Either.Either<A, UizaError.UizaError> => {
  const text = Option.map(reply.body, callReader.scrub)
  // Parsing scrubs again: JSON escapes (`\u0075ap-...`) can spell the token without containing it.
  const json = Option.flatMap(text, (body) => parseJson(body, callReader.scrub))
  const reader = withCarriedSecrets(callReader, json)
  const envelope = Option.flatMap(json, decodeEnvelope)
  // So the excerpt of a JSON body is written from the scrubbed value (its depth is bounded, see
  // `parseJson`), not the raw text, and scrubbed once more: re-escaping must not spell the token.
  // Only errors quote the body: a success never pays for it.
  const excerpt = () =>
    excerptOf(Option.isSome(json) ? reader.scrub(JSON.stringify(json.value)) : Option.getOrElse(text, () => ""))

  if (reply.status >= 400 && reply.status <= 599) {
    // Only a body that is not an envelope is worth quoting; an envelope's facts are in the fields.
    const unreadableExcerpt = Option.isSome(envelope) ? Option.none() : Option.some(excerpt())
    return Either.left(statusError(reader, reply, reply.status, envelope, unreadableExcerpt))
  }
  if (reply.status < 200 || reply.status > 299) {
    // A browser's fetch reports a redirect it did not follow as status 0 ("opaqueredirect").
    const isRedirect = reply.status === 0 || (reply.status >= 300 && reply.status < 400)
    return Either.left(decodeError(
      reply,
      isRedirect
        ? `The server answered with a redirect (HTTP ${reply.status}), which is never followed with the token; the call may have taken effect.`
        : `Unexpected HTTP status ${reply.status}.`,
      envelope,
      excerpt()
    ))
  }
  if (Option.isNone(reply.body)) {
    return Either.left(decodeError(
      reply,
      `The reply (HTTP ${reply.status}) was cut off before its body was complete; the call may have taken effect.`,
      envelope,
      excerpt()
    ))
  }
  if (Option.isNone(envelope)) {
    return Either.left(decodeError(
      reply,
      reply.body.value.length === 0
        ? `The reply (HTTP ${reply.status}) has no body; the call may have taken effect.`
        : `The reply (HTTP ${reply.status}) is not a Uiza JSON envelope; the call may have taken effect.`,
      envelope,
      excerpt()
    ))
  }
  const facts = envelope.value
  if (envelopeSaysError(facts)) {
    const bodyStatus = facts.code !== undefined && facts.code >= 400 ? facts.code : undefined
    return Either.left(statusError(reader, reply, bodyStatus, envelope, Option.none()))
  }
  return Either.mapLeft(
    reader.decodeSuccess(facts),
    (problem) => decodeError(reply, `The reply (HTTP ${reply.status}) ${problem}.`, envelope, excerpt())
  )
}
