import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import type { FieldError } from "../UizaError.js"
import { oneLine } from "./serverText.js"

// The Uiza v3 reply envelope. Every field is optional and decoded on its own:
// a reply whose metadata is odd (a numeric `requestId`, a bad date) still
// yields the facts that did decode, because the call itself may have
// succeeded on the server (logout revokes the token) and must not be
// reported as failed over a metadata field.

// Each field's reader: its value when it has the field's type, else nothing. Plain checks,
// the same as the Schema each field was once decoded with (`Int`: a safe integer, `Date`: a
// string that makes a valid date), without a parser run per field on every reply.
const text = (raw: unknown): string | undefined =>
  // A string of any length would become a result field, a span attribute, a log line: one line, bounded.
  typeof raw === "string" ? oneLine(raw) : undefined

const fieldReaders = {
  code: (raw: unknown): number | undefined => Number.isSafeInteger(raw) ? raw as number : undefined,
  type: text,
  message: text,
  version: (raw: unknown): number | undefined => typeof raw === "number" ? raw : undefined,
  datetime: (raw: unknown): Date | undefined => {
    if (typeof raw !== "string") return undefined
    const date = new Date(raw)
    return Number.isNaN(date.getTime()) ? undefined : date
  },
  policy: text,
  requestId: text,
  serviceName: text,
  retryable: (raw: unknown): boolean | undefined => typeof raw === "boolean" ? raw : undefined
}

type FieldReaders = typeof fieldReaders

/**
 * The decoded facts of a reply body that was a JSON object.
 *
 * @internal
 */
export type Envelope =
  & { readonly [K in keyof FieldReaders]?: Exclude<ReturnType<FieldReaders[K]>, undefined> }
  & {
    readonly data: unknown
    /** A list reply's paging facts, as sent. */
    readonly metadata: unknown
    /** The entries of `data` with a field error's three texts, as sent. */
    readonly fieldErrors: ReadonlyArray<FieldFacts>
  }

/**
 * What a field error of a reply says, as sent: the texts of a `FieldError`.
 *
 * @internal
 */
export type FieldFacts = Pick<FieldError, "type" | "field" | "message">

const fieldNames = /* @__PURE__ */ Object.keys(fieldReaders) as ReadonlyArray<keyof FieldReaders>

/**
 * Server-sent lists are kept, but bounded: an error must stay small enough to log.
 *
 * @internal
 */
export const FIELD_ERRORS_MAX = 100

// An entry of `data` that `FieldError`'s schema would decode: an object whose `type`, `field`
// and `message` are strings (other keys dropped). Checked as the envelope's fields are.
const fieldFactsOf = (entry: unknown): FieldFacts | undefined =>
  Predicate.isRecord(entry) && typeof entry.type === "string" && typeof entry.field === "string" &&
    typeof entry.message === "string"
    ? { type: entry.type, field: entry.field, message: entry.message }
    : undefined

const fieldErrorsOf = (data: unknown): ReadonlyArray<FieldFacts> => {
  if (!Array.isArray(data)) return []
  const fieldErrors: Array<FieldFacts> = []
  for (const entry of data) {
    const fieldError = fieldFactsOf(entry)
    if (fieldError !== undefined && fieldErrors.push(fieldError) === FIELD_ERRORS_MAX) break
  }
  return fieldErrors
}

/**
 * Reads the envelope of a parsed JSON body; `None` when the body is not a JSON
 * object at all.
 *
 * @internal
 */
export const decodeEnvelope = (json: unknown): Option.Option<Envelope> => {
  if (!Predicate.isRecord(json)) return Option.none()
  const envelope: Record<string, unknown> = {
    data: json.data,
    metadata: json.metadata,
    fieldErrors: fieldErrorsOf(json.data)
  }
  for (const name of fieldNames) {
    const raw = json[name]
    // An absent field stays absent; only a present one is worth reading.
    if (raw === undefined) continue
    const value = fieldReaders[name](raw)
    if (value !== undefined) envelope[name] = value
  }
  return Option.some(envelope as Envelope)
}

/**
 * JSON nested deeper than this is not parsed: no Uiza reply comes near it,
 * and re-serialising or walking such a value could exhaust the stack.
 *
 * @internal
 */
export const MAX_JSON_DEPTH = 64

// Counts brackets outside strings, without parsing: a loop, never a recursion.
const nestedDeeperThan = (text: string, limit: number): boolean => {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (inString) {
      if (char === 92) i++ // a backslash escapes the next character
      else if (char === 34) inString = false
    } else if (char === 34) {
      inString = true
    } else if (char === 123 || char === 91) {
      if (++depth > limit) return true
    } else if (char === 125 || char === 93) {
      depth--
    }
  }
  return false
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * Parses a reply body as JSON; `None` when it is not JSON, or nested deeper
 * than {@link MAX_JSON_DEPTH}. `scrub` is applied to every string of the
 * result, keys included; the text must already be scrubbed.
 *
 * @internal
 */
export const parseJson = (text: string, scrub?: (text: string) => string): Option.Option<unknown> => {
  if (text.length > MAX_JSON_DEPTH && nestedDeeperThan(text, MAX_JSON_DEPTH)) return Option.none()
  try {
    return Option.some(
      // Without a backslash, every string of the result is a piece of the text as it is,
      // which the caller has already scrubbed: only escapes can spell a secret anew.
      scrub === undefined || !text.includes("\\")
        ? JSON.parse(text)
        : JSON.parse(text, (_, value: unknown) => {
          if (typeof value === "string") return scrub(value)
          if (!isPlainObject(value)) return value
          const keys = Object.keys(value)
          if (keys.every((key) => scrub(key) === key)) return value
          return Object.fromEntries(keys.map((key) => [scrub(key), value[key]]))
        })
    )
  } catch {
    return Option.none()
  }
}

/**
 * Whether the body reports an error, whatever the HTTP status said.
 *
 * @internal
 */
export const envelopeSaysError = (envelope: Envelope): boolean =>
  envelope.type === "ERROR" || (envelope.code !== undefined && envelope.code >= 400)
