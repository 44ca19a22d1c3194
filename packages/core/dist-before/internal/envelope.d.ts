import * as Option from "effect/Option";
import * as Schema from "effect/Schema";
import { FieldError } from "../UizaError.js";
declare const EnvelopeFields: {
    code: typeof Schema.Int;
    type: typeof Schema.String;
    message: typeof Schema.String;
    version: typeof Schema.Number;
    datetime: typeof Schema.Date;
    policy: typeof Schema.String;
    requestId: typeof Schema.String;
    serviceName: typeof Schema.String;
    retryable: typeof Schema.Boolean;
};
type EnvelopeFields = typeof EnvelopeFields;
/**
 * The decoded facts of a reply body that was a JSON object.
 *
 * @internal
 */
export type Envelope = {
    readonly [K in keyof EnvelopeFields]?: Schema.Schema.Type<EnvelopeFields[K]>;
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