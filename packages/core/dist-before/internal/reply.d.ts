import type * as Duration from "effect/Duration";
import * as Either from "effect/Either";
import * as Option from "effect/Option";
import * as UizaError from "../UizaError.js";
import { type Envelope } from "./envelope.js";
/**
 * Everything one attempt learnt from the server, as plain facts.
 *
 * @internal
 */
export interface Reply {
    readonly status: number;
    /** `None` when the connection broke while the body was being read. */
    readonly body: Option.Option<string>;
    readonly retryAfter: Option.Option<Duration.Duration>;
    readonly attempts: number;
}
/**
 * What an operation contributes to reading its replies.
 *
 * @internal
 */
export interface ReplyReader<A> {
    readonly descriptionLink: string;
    /** The operation's result from a success envelope, or what is wrong with the envelope. */
    readonly decodeSuccess: (envelope: Envelope) => Either.Either<A, string>;
    /** Removes the secret from any text the server sent back. */
    readonly scrub: (text: string) => string;
    /** The secrets a reply itself carries (a token it issues), kept out of any error quoting it. */
    readonly secretsIn?: ((json: unknown) => ReadonlyArray<string>) | undefined;
}
/**
 * Turns a reply into the operation's result or one of the SDK's errors.
 * A reply is an error when its status is not 2xx or its body says so
 * (`type: "ERROR"` or a `code` of 400 or more); it is classified by the HTTP
 * status when that is an error status, else by the body's code.
 *
 * @internal
 */
export declare const readReply: <A>(callReader: ReplyReader<A>, reply: Reply) => Either.Either<A, UizaError.UizaError>;
//# sourceMappingURL=reply.d.ts.map