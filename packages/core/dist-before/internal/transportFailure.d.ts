import type * as HttpClientError from "@effect/platform/HttpClientError";
/**
 * What a transport failure says about the request: whether it can have
 * reached the server, whether it is worth another attempt, and a sentence
 * for people.
 *
 * @internal
 */
export interface TransportFailure {
    readonly reason: string;
    readonly possiblyDelivered: boolean;
    readonly retryable: boolean;
    readonly message: string;
}
/**
 * Classifies a `RequestError` of `@effect/platform` without keeping it: the
 * error holds the request, headers included.
 *
 * @internal
 */
export declare const classifyRequestError: (error: HttpClientError.RequestError, origin: string) => TransportFailure;
//# sourceMappingURL=transportFailure.d.ts.map