import * as Option from "effect/Option";
/**
 * Checks a token before it can become a header value: non-empty, visible
 * ASCII only. Returns a sentence naming the problem and its position, never
 * the token or any part of it.
 *
 * @internal
 */
export declare const authorizationProblem: (token: string) => Option.Option<string>;
//# sourceMappingURL=authorization.d.ts.map