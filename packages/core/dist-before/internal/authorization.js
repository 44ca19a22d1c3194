import * as Option from "effect/Option";
/**
 * Checks a token before it can become a header value: non-empty, visible
 * ASCII only. Returns a sentence naming the problem and its position, never
 * the token or any part of it.
 *
 * @internal
 */
export const authorizationProblem = (token) => {
    if (token.length === 0)
        return Option.some("is empty");
    for (let index = 0; index < token.length; index++) {
        const code = token.charCodeAt(index);
        if (code >= 0x21 && code <= 0x7e)
            continue;
        const position = `at position ${index + 1} of ${token.length}`;
        if (code === 0x0d || code === 0x0a)
            return Option.some(`contains a line break ${position}`);
        if (code === 0x20 || code === 0x09)
            return Option.some(`contains whitespace ${position}`);
        if (code < 0x20 || code === 0x7f)
            return Option.some(`contains a control character ${position}`);
        return Option.some(`contains a non-ASCII character ${position}`);
    }
    return Option.none();
};
//# sourceMappingURL=authorization.js.map