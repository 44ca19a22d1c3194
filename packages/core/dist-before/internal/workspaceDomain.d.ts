import * as Either from "effect/Either";
/**
 * Turns a bare host (`api.uiza.co`, `localhost:8080`) or an `https://` URL
 * into the origin calls go to. `http://` is allowed for loopback hosts only.
 * A value that holds the token, or anything shaped like a Uiza token, is
 * refused as a likely swap of the two settings.
 * Returns the origin, or a sentence naming the problem (never the input
 * itself, which may hold a secret pasted into the wrong setting).
 *
 * @internal
 */
export declare const normaliseWorkspaceApiDomain: (input: string, token?: string) => Either.Either<string, string>;
//# sourceMappingURL=workspaceDomain.d.ts.map