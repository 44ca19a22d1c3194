import * as Effect from "effect/Effect";
import * as Either from "effect/Either";
import * as Option from "effect/Option";
import * as Schema from "effect/Schema";
import { callApi, callApiAt } from "./internal/apiCall.js";
import { dataOf, inputOf, lazy, replySecretsOf } from "./internal/endpoint.js";
import { MomentFromMonthDayYear, NonEmpty, PresentPassword } from "./internal/wireFormats.js";
import { normaliseWorkspaceApiDomain } from "./internal/workspaceDomain.js";
import { defaults } from "./UizaConfig.js";
import * as UizaError from "./UizaError.js";
const IssuedTokenFromWire = /* @__PURE__ */ lazy(() => Schema.Struct({ token: Schema.Redacted(NonEmpty), appId: Schema.String }));
const TokenStatusFromWire = /* @__PURE__ */ lazy(() => Schema.transform(Schema.Struct({ expired: MomentFromMonthDayYear }), Schema.Struct({ expiresAt: Schema.DateFromSelf }), {
    strict: true,
    decode: ({ expired }) => ({ expiresAt: expired }),
    encode: ({ expiresAt }) => ({ expired: expiresAt })
}));
const createTokenEndpoint = {
    name: "Auth.createToken",
    method: "POST",
    path: "/admin/user/auth",
    input: /* @__PURE__ */ inputOf(
    /* @__PURE__ */ lazy(() => Schema.Struct({ username: NonEmpty, password: PresentPassword, domain: NonEmpty }))),
    secretFields: ["password"],
    replySecrets: /* @__PURE__ */ replySecretsOf(["token"]),
    success: /* @__PURE__ */ dataOf(IssuedTokenFromWire),
    // Each attempt that arrives issues a token: never sent twice once it may have arrived.
    idempotent: false,
    descriptionLink: "https://docs.uiza.io/#get-token",
    authorized: false
};
const checkTokenEndpoint = {
    name: "Auth.checkToken",
    method: "POST",
    path: "/admin/user/auth/check-token",
    success: /* @__PURE__ */ dataOf(TokenStatusFromWire),
    idempotent: true,
    descriptionLink: "https://docs.uiza.io/#check-token"
};
/**
 * Creates a token by logging in: `POST /admin/user/auth` with the
 * username, password and workspace domain, and no `Authorization`. Needs
 * only an `HttpClient`: there is no configured token yet. The token comes
 * back `Redacted`, and the password is scrubbed from any reply. Not sent
 * twice once it may have reached the server (each arrival issues a token).
 *
 * @example
 * ```ts
 * import { Effect, Redacted } from "effect"
 * import { FetchHttpClient } from "@effect/platform"
 * import { Auth, UizaConfig } from "@uiza-effect/core"
 *
 * const program = Effect.gen(function*() {
 *   const issued = yield* Auth.createToken({
 *     workspaceApiDomain: "your-workspace-api-domain.uiza.co",
 *     username: "admin@example.com",
 *     password: Redacted.make("correct-horse-battery"),
 *     domain: "your-workspace.uiza.co"
 *   })
 *   return UizaConfig.layer({ workspaceApiDomain: "your-workspace-api-domain.uiza.co", authorization: issued.token })
 * }).pipe(Effect.provide(FetchHttpClient.layer))
 * ```
 *
 * @since 0.2.0
 * @category operations
 */
export const createToken = (input, options) => Effect.suspend(() => {
    const domain = typeof input === "object" && input !== null ? input.workspaceApiDomain : undefined;
    const baseUrl = typeof domain === "string"
        ? normaliseWorkspaceApiDomain(domain)
        : Either.left("must be a string");
    if (Either.isLeft(baseUrl)) {
        return Effect.fail(new UizaError.InvalidInputError({
            message: `Invalid input of Auth.createToken: workspaceApiDomain ${baseUrl.left}; nothing was sent.`,
            operation: "Auth.createToken",
            field: "workspaceApiDomain",
            attempts: 0
        }));
    }
    const { workspaceApiDomain: _, ...credentials } = input;
    return callApiAt(createTokenEndpoint, credentials, {
        baseUrl: baseUrl.right,
        authorization: Option.none(),
        settings: { ...defaults, deadline: Option.none() },
        httpClient: undefined
    }, options);
});
/**
 * Checks the configured token: `POST /admin/user/auth/check-token`. Tells
 * when it expires (tokens last 30 days); a revoked or unknown token fails
 * with `UnauthorizedError`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Auth } from "@uiza-effect/core"
 *
 * const program = Auth.checkToken().pipe(
 *   Effect.tap((status) => Effect.log(`the token expires at ${status.expiresAt.toISOString()}`))
 * )
 * ```
 *
 * @since 0.2.0
 * @category operations
 */
export const checkToken = (options) => callApi(checkTokenEndpoint, undefined, options);
//# sourceMappingURL=Auth.js.map