import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Either from "effect/Either"
import type * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { InvalidInputError } from "../UizaError.js"
import type { Envelope } from "./envelope.js"
import { scrubberOfAll } from "./scrub.js"

/**
 * Validates an input and writes it into the request: the query parameters of
 * a GET, the JSON body of any other method. Built with {@link inputOf}.
 *
 * @internal
 */
export type InputWriter<I> = (
  input: I,
  request: HttpClientRequest.HttpClientRequest,
  operation: string
) => Either.Either<HttpClientRequest.HttpClientRequest, InvalidInputError>

/**
 * Reads an operation's result from a success envelope, or says what the
 * reply lacks (`"data.id is required"`). Built with {@link successOf} or
 * {@link dataOf}, or written by hand.
 *
 * @internal
 */
export type SuccessReader<A> = (envelope: Envelope) => Either.Either<A, string>

/**
 * One endpoint of the Uiza v3 API, described as data: the engine
 * (`apiCall.ts`) validates and encodes the input, sends the request under
 * the call policy, reads and decodes the reply, and maps every failure.
 *
 * The input and the result are functions an endpoint's literal builds
 * (`/* @__PURE__ *\/ inputOf(schema)`): the engine itself refers to no
 * schema code, so a bundle of an endpoint without input (a logout) carries
 * none of the encoding.
 *
 * @internal
 */
export interface Endpoint<I, A> {
  /** The operation, such as `User.retrieve`; its span is `Uiza.User.retrieve`. */
  readonly name: string
  readonly method: "GET" | "POST" | "PUT" | "DELETE"
  /** The path under `/api/public/v3`, such as `/admin/user`. */
  readonly path: string
  /** The input, written into the request; absent when the endpoint takes none. */
  readonly input?: InputWriter<I> | undefined
  /**
   * The secrets of an input (a password): scrubbed from replies like the token, never rendered.
   * Built with {@link inputSecretsOf}, so an endpoint without them brings no code to read them.
   */
  readonly inputSecrets?: ((input: unknown) => Array<string>) | undefined
  /**
   * The scrubber of a parsed reply that also removes the secrets the reply carries (an issued
   * token), never quoted in an error: see {@link replySecretsOf}.
   */
  readonly replySecrets?: ReplyScrubber | undefined
  /** The result, read from the reply's envelope. */
  readonly success: SuccessReader<A>
  /**
   * Whether sending the request again is safe. Only then is a failure that reached the
   * server (a 5xx, a 429) retried; otherwise only failures that never left the machine are.
   */
  readonly idempotent: boolean
  /** The endpoint's documentation, carried by its errors. */
  readonly descriptionLink: string
  /** Whether the request carries the configured token (every endpoint but creating one). */
  readonly authorized?: boolean | undefined
}

/**
 * The API's path prefix.
 *
 * @internal
 */
export const basePath = "/api/public/v3"

/**
 * A schema built at its first use, not at import: written as
 * `/* @__PURE__ *\/ lazy(() => ...)`, a schema nobody uses is dropped by a
 * bundler, so a program that calls one operation carries no other's schemas.
 *
 * @internal
 */
export const lazy = <A, I>(make: () => Schema.Schema<A, I>): Schema.Schema<A, I> => Schema.suspend(make)

/**
 * A success schema that reads the envelope's `data` with `data`.
 *
 * @internal
 */
export const envelopeData = <A, I>(data: Schema.Schema<A, I>): Schema.Schema<A, { readonly data: I }> =>
  Schema.transform(Schema.Struct({ data }), Schema.typeSchema(data), {
    strict: true,
    decode: (envelope) => envelope.data,
    encode: (value) => ({ data: value })
  })

// Says what is wrong with an input without quoting it: an input may hold a password.
/**
 * The field at fault in a parse issue and what it must be, without the value.
 *
 * @internal
 */
export const problemOf = (
  issue: ParseResult.ParseIssue
): { readonly path: ReadonlyArray<PropertyKey>; readonly problem: string } => {
  switch (issue._tag) {
    case "Pointer": {
      const inner = problemOf(issue.issue)
      return {
        path: [...(Array.isArray(issue.path) ? issue.path : [issue.path]), ...inner.path],
        problem: inner.problem
      }
    }
    case "Missing":
      return { path: [], problem: "is required" }
    case "Unexpected":
      return { path: [], problem: "is not expected" }
    case "Refinement":
      return issue.kind === "From"
        ? problemOf(issue.issue)
        : { path: [], problem: `must be ${describe(issue.ast)}` }
    case "Transformation":
      return problemOf(issue.issue)
    case "Composite": {
      const issues: ReadonlyArray<ParseResult.ParseIssue> = Array.isArray(issue.issues)
        ? issue.issues
        : [issue.issues as ParseResult.ParseIssue]
      if (!AST.isUnion(issue.ast)) return problemOf(issues[0])
      // A union names every form it takes, unless exactly one form fit the value's shape and
      // failed inside it (a user with a wrong field): that form's problem names the field.
      const inside = issues.map(problemOf).filter((problem) => problem.path.length > 0)
      return inside.length === 1 ? inside[0] : { path: [], problem: `must be ${describe(issue.ast)}` }
    }
    case "Type":
      return { path: [], problem: issue.message ?? `must be ${describe(issue.ast)}` }
    case "Forbidden":
      return { path: [], problem: "is invalid" }
  }
}

const describe = (ast: AST.AST): string => {
  const description = AST.getDescriptionAnnotation(ast)
  if (description._tag === "Some") return description.value
  // An optional field's `undefined` says nothing about what a wrong value should have been.
  if (AST.isUnion(ast)) return ast.types.filter((member) => !AST.isUndefinedKeyword(member)).map(describe).join(" or ")
  if (AST.isTypeLiteral(ast)) return "an object"
  return String(ast)
}

/**
 * The {@link InputWriter} of an input schema: an input that does not fit
 * fails with an `InvalidInputError` naming the field at fault and what it
 * must be (never the value), and nothing is sent. The encoder is made at
 * the first call.
 *
 * @internal
 */
export const inputOf = <I>(schema: Schema.Schema<I, any>): InputWriter<I> => {
  let encode: ((input: unknown) => Either.Either<unknown, ParseResult.ParseError>) | undefined
  return (input, request, operation) => {
    const invalid = (field: string, problem: string) =>
      Either.left(
        new InvalidInputError({
          message: `Invalid input of ${operation}: ${field === "" ? "the input" : field} ${problem}; nothing was sent.`,
          operation,
          field,
          attempts: 0
        })
      )
    let params: Either.Either<unknown, ParseResult.ParseError>
    try {
      params = (encode ??= Schema.encodeUnknownEither(schema))(input)
    } catch {
      // An object whose getters throw, say: nothing is sent.
      return invalid("", "could not be read")
    }
    if (Either.isLeft(params)) {
      const { path, problem } = problemOf(params.left.issue)
      return invalid(path.map(String).join("."), problem)
    }
    return Either.right(
      request.method === "GET"
        ? HttpClientRequest.setUrlParams(request, params.right as Record<string, string>)
        : HttpClientRequest.bodyText(request, JSON.stringify(params.right), "application/json")
    )
  }
}

const readerOf = <A>(schema: () => Schema.Schema<A, any>): SuccessReader<A> => {
  let decode: ((envelope: Envelope) => Either.Either<A, ParseResult.ParseError>) | undefined
  return (envelope) =>
    Either.mapLeft((decode ??= Schema.decodeUnknownEither(schema()))(envelope), (error) => {
      const { path, problem } = problemOf(error.issue)
      return `${path.length === 0 ? "the reply" : path.join(".")} ${problem}`
    })
}

/**
 * The {@link SuccessReader} of a schema of the whole envelope; the decoder
 * is compiled at the first reply.
 *
 * @internal
 */
export const successOf = <A>(schema: Schema.Schema<A, any>): SuccessReader<A> => readerOf(() => schema)

/**
 * The {@link SuccessReader} of a schema of the envelope's `data`; the
 * decoder is built at the first reply.
 *
 * @internal
 */
export const dataOf = <A, I>(data: Schema.Schema<A, I>): SuccessReader<A> => readerOf(() => envelopeData(data))

/**
 * The secrets an input carries in `fields`, raw, for scrubbing replies.
 *
 * @internal
 */
export const inputSecretsOf = (fields: ReadonlyArray<string>) => (input: unknown): Array<string> => {
  if (typeof input !== "object" || input === null) return []
  const secrets: Array<string> = []
  for (const field of fields) {
    const value = (input as Record<string, unknown>)[field]
    const raw = Redacted.isRedacted(value) ? Redacted.value(value) : value
    if (typeof raw === "string" && raw.length > 0) secrets.push(raw)
  }
  return secrets
}

/**
 * Extends the scrubber of a parsed reply with the secrets the reply itself
 * carries.
 *
 * @internal
 */
export type ReplyScrubber = (json: unknown, scrub: (text: string) => string) => (text: string) => string

/**
 * The {@link ReplyScrubber} of the secrets a parsed reply carries in its
 * `data` `fields`: each removed, in every spelling, from what an error quotes.
 *
 * @internal
 */
export const replySecretsOf = (fields: ReadonlyArray<string>): ReplyScrubber => (json, scrub) => {
  const data = typeof json === "object" && json !== null ? (json as { readonly data?: unknown }).data : undefined
  if (typeof data !== "object" || data === null) return scrub
  const carried = fields.flatMap((field) => {
    const value = (data as Record<string, unknown>)[field]
    return typeof value === "string" && value.length > 0 ? [value] : []
  })
  if (carried.length === 0) return scrub
  // Every spelling, as for the token and the passwords: an error quotes the reply re-serialised,
  // where JSON escapes a character of the secret (`\n`, `\u0001`) that the reply held as it is.
  const scrubCarried = scrubberOfAll(carried)
  return (text) => scrubCarried(scrub(text))
}
