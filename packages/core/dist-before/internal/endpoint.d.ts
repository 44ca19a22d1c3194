import * as HttpClientRequest from "@effect/platform/HttpClientRequest";
import * as Either from "effect/Either";
import type * as ParseResult from "effect/ParseResult";
import * as Schema from "effect/Schema";
import { InvalidInputError } from "../UizaError.js";
import type { Envelope } from "./envelope.js";
/**
 * Validates an input and writes it into the request: the query parameters of
 * a GET, the JSON body of any other method. Built with {@link inputOf}.
 *
 * @internal
 */
export type InputWriter<I> = (input: I, request: HttpClientRequest.HttpClientRequest, operation: string) => Either.Either<HttpClientRequest.HttpClientRequest, InvalidInputError>;
/**
 * Reads an operation's result from a success envelope, or says what the
 * reply lacks (`"data.id is required"`). Built with {@link successOf} or
 * {@link dataOf}, or written by hand.
 *
 * @internal
 */
export type SuccessReader<A> = (envelope: Envelope) => Either.Either<A, string>;
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
    readonly name: string;
    readonly method: "GET" | "POST" | "PUT" | "DELETE";
    /** The path under `/api/public/v3`, such as `/admin/user`. */
    readonly path: string;
    /** The input, written into the request; absent when the endpoint takes none. */
    readonly input?: InputWriter<I> | undefined;
    /** Input fields that hold secrets: scrubbed from replies like the token, never rendered. */
    readonly secretFields?: ReadonlyArray<string> | undefined;
    /** The secrets a parsed reply carries (an issued token), never quoted in an error: see {@link replySecretsOf}. */
    readonly replySecrets?: ((json: unknown) => ReadonlyArray<string>) | undefined;
    /** The result, read from the reply's envelope. */
    readonly success: SuccessReader<A>;
    /**
     * Whether sending the request again is safe. Only then is a failure that reached the
     * server (a 5xx, a 429) retried; otherwise only failures that never left the machine are.
     */
    readonly idempotent: boolean;
    /** The endpoint's documentation, carried by its errors. */
    readonly descriptionLink: string;
    /** Whether the request carries the configured token (every endpoint but creating one). */
    readonly authorized?: boolean | undefined;
}
/**
 * The API's path prefix.
 *
 * @internal
 */
export declare const basePath = "/api/public/v3";
/**
 * A schema built at its first use, not at import: written as
 * `/* @__PURE__ *\/ lazy(() => ...)`, a schema nobody uses is dropped by a
 * bundler, so a program that calls one operation carries no other's schemas.
 *
 * @internal
 */
export declare const lazy: <A, I>(make: () => Schema.Schema<A, I>) => Schema.Schema<A, I>;
/**
 * A success schema that reads the envelope's `data` with `data`.
 *
 * @internal
 */
export declare const envelopeData: <A, I>(data: Schema.Schema<A, I>) => Schema.Schema<A, {
    readonly data: I;
}>;
/**
 * The field at fault in a parse issue and what it must be, without the value.
 *
 * @internal
 */
export declare const problemOf: (issue: ParseResult.ParseIssue) => {
    readonly path: ReadonlyArray<PropertyKey>;
    readonly problem: string;
};
/**
 * The {@link InputWriter} of an input schema: an input that does not fit
 * fails with an `InvalidInputError` naming the field at fault and what it
 * must be (never the value), and nothing is sent. The encoder is made at
 * the first call.
 *
 * @internal
 */
export declare const inputOf: <I>(schema: Schema.Schema<I, any>) => InputWriter<I>;
/**
 * The {@link SuccessReader} of a schema of the whole envelope; the decoder
 * is compiled at the first reply.
 *
 * @internal
 */
export declare const successOf: <A>(schema: Schema.Schema<A, any>) => SuccessReader<A>;
/**
 * The {@link SuccessReader} of a schema of the envelope's `data`; the
 * decoder is built at the first reply.
 *
 * @internal
 */
export declare const dataOf: <A, I>(data: Schema.Schema<A, I>) => SuccessReader<A>;
/**
 * The secrets an input carries (its {@link Endpoint.secretFields}), raw, for
 * scrubbing replies.
 *
 * @internal
 */
export declare const secretsOf: <I, A>(endpoint: Endpoint<I, A>, input: I) => ReadonlyArray<string>;
/**
 * The secrets a parsed reply carries in its `data` (the endpoint's
 * {@link Endpoint.replySecretFields}), for scrubbing what an error quotes.
 *
 * @internal
 */
export declare const replySecretsOf: (fields: ReadonlyArray<string>) => (json: unknown) => ReadonlyArray<string>;
//# sourceMappingURL=endpoint.d.ts.map