import * as Option from "effect/Option";
import { FieldError } from "../UizaError.js";
declare const fieldReaders: {
    code: (raw: unknown) => number | undefined;
    type: (raw: unknown) => string | undefined;
    message: (raw: unknown) => string | undefined;
    version: (raw: unknown) => number | undefined;
    datetime: (raw: unknown) => Date | undefined;
    policy: (raw: unknown) => string | undefined;
    requestId: (raw: unknown) => string | undefined;
    serviceName: (raw: unknown) => string | undefined;
    retryable: (raw: unknown) => boolean | undefined;
};
type FieldReaders = typeof fieldReaders;
/**
 * The decoded facts of a reply body that was a JSON object.
 *
 * @internal
 */
export type Envelope = {
    readonly [K in keyof FieldReaders]?: Exclude<ReturnType<FieldReaders[K]>, undefined>;
} & {
    readonly data: unknown;
    /** A list reply's paging facts, as sent. */
    readonly metadata: unknown;
    readonly fieldErrors: ReadonlyArray<FieldError>;
};
/**
 * Server-sent lists are kept, but bounded: an error must stay small enough to log.
 *
 * @internal
 */
export declare const FIELD_ERRORS_MAX = 100;
/**
 * Reads the envelope of a parsed JSON body; `None` when the body is not a JSON
 * object at all.
 *
 * @internal
 */
export declare const decodeEnvelope: (json: unknown) => Option.Option<Envelope>;
/**
 * JSON nested deeper than this is not parsed: no Uiza reply comes near it,
 * and re-serialising or walking such a value could exhaust the stack.
 *
 * @internal
 */
export declare const MAX_JSON_DEPTH = 64;
/**
 * Parses a reply body as JSON; `None` when it is not JSON, or nested deeper
 * than {@link MAX_JSON_DEPTH}. `scrub` is applied to every string of the
 * result, keys included; the text must already be scrubbed.
 *
 * @internal
 */
export declare const parseJson: (text: string, scrub?: (text: string) => string) => Option.Option<unknown>;
/**
 * Whether the body reports an error, whatever the HTTP status said.
 *
 * @internal
 */
export declare const envelopeSaysError: (envelope: Envelope) => boolean;
export {};
//# sourceMappingURL=envelope.d.ts.map