import * as Predicate from "effect/Predicate";
// Failures that happen before a connection exists: nothing was sent.
const beforeConnection = {
    ECONNREFUSED: "the connection was refused",
    ENOTFOUND: "the host name could not be resolved",
    EAI_AGAIN: "the host name could not be resolved (temporary DNS failure)",
    ENETUNREACH: "the network is unreachable",
    EHOSTUNREACH: "the host is unreachable",
    EADDRNOTAVAIL: "the address is not available",
    UND_ERR_CONNECT_TIMEOUT: "connecting timed out"
};
// TLS handshake and certificate verification failures (Node's and OpenSSL's codes):
// the connection never carried the request.
const TLS_FAILURE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)|CERT|SIGNATURE_FAILURE|HOSTNAME_MISMATCH/;
const isTlsFailure = (code) => TLS_FAILURE.test(code);
// Walks the cause chain of a platform error to the first system error code.
const errorCodeOf = (cause) => {
    let current = cause;
    for (let depth = 0; depth < 6 && Predicate.isObject(current); depth++) {
        if (Predicate.hasProperty(current, "code") && typeof current.code === "string")
            return current.code;
        current = Predicate.hasProperty(current, "cause") ? current.cause : undefined;
    }
    return undefined;
};
/**
 * Classifies a `RequestError` of `@effect/platform` without keeping it: the
 * error holds the request, headers included.
 *
 * @internal
 */
export const classifyRequestError = (error, origin) => {
    if (error.reason !== "Transport") {
        return {
            reason: error.reason === "Encode" ? "ENCODE" : "INVALID_URL",
            possiblyDelivered: false,
            retryable: false,
            message: `The request to ${origin} could not be built (${error.reason}); nothing was sent.`
        };
    }
    const code = errorCodeOf(error.cause);
    if (code !== undefined && code in beforeConnection) {
        return {
            reason: code,
            possiblyDelivered: false,
            retryable: true,
            message: `Could not reach ${origin}: ${beforeConnection[code]} (${code}).`
        };
    }
    if (code !== undefined && isTlsFailure(code)) {
        return {
            reason: code,
            possiblyDelivered: false,
            retryable: false,
            message: `The TLS handshake with ${origin} failed (${code}); nothing was sent.`
        };
    }
    return {
        reason: code ?? "NETWORK",
        possiblyDelivered: true,
        retryable: false,
        message: `The connection to ${origin} failed before a reply arrived${code === undefined ? "" : ` (${code})`}${isBareFetchFailure(code, error.cause) ? CORS_HINT : ""}; the request may have been delivered, so it was not retried.`
    };
};
// A `fetch` that rejects with a bare `TypeError` says nothing more: in a browser a CORS
// refusal, a refused port and a lost network all look like this, by design of the standard.
const isBareFetchFailure = (code, cause) => code === undefined && cause instanceof TypeError;
const CORS_HINT = ": the browser gives no reason; if the server is reachable, a likely cause is CORS " +
    "(the workspace must allow this origin and the Authorization and Content-Type request headers)";
//# sourceMappingURL=transportFailure.js.map