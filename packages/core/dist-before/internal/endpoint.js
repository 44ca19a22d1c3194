import * as HttpClientRequest from "@effect/platform/HttpClientRequest";
import * as Either from "effect/Either";
import * as Redacted from "effect/Redacted";
import * as Schema from "effect/Schema";
import * as AST from "effect/SchemaAST";
import { InvalidInputError } from "../UizaError.js";
/**
 * The API's path prefix.
 *
 * @internal
 */
export const basePath = "/api/public/v3";
/**
 * A schema built at its first use, not at import: written as
 * `/* @__PURE__ *\/ lazy(() => ...)`, a schema nobody uses is dropped by a
 * bundler, so a program that calls one operation carries no other's schemas.
 *
 * @internal
 */
export const lazy = (make) => Schema.suspend(make);
/**
 * A success schema that reads the envelope's `data` with `data`.
 *
 * @internal
 */
export const envelopeData = (data) => Schema.transform(Schema.Struct({ data }), Schema.typeSchema(data), {
    strict: true,
    decode: (envelope) => envelope.data,
    encode: (value) => ({ data: value })
});
// Says what is wrong with an input without quoting it: an input may hold a password.
/**
 * The field at fault in a parse issue and what it must be, without the value.
 *
 * @internal
 */
export const problemOf = (issue) => {
    switch (issue._tag) {
        case "Pointer": {
            const inner = problemOf(issue.issue);
            return {
                path: [...(Array.isArray(issue.path) ? issue.path : [issue.path]), ...inner.path],
                problem: inner.problem
            };
        }
        case "Missing":
            return { path: [], problem: "is required" };
        case "Unexpected":
            return { path: [], problem: "is not expected" };
        case "Refinement":
            return issue.kind === "From"
                ? problemOf(issue.issue)
                : { path: [], problem: `must be ${describe(issue.ast)}` };
        case "Transformation":
            return problemOf(issue.issue);
        case "Composite": {
            const issues = Array.isArray(issue.issues)
                ? issue.issues
                : [issue.issues];
            if (!AST.isUnion(issue.ast))
                return problemOf(issues[0]);
            // A union names every form it takes, unless exactly one form fit the value's shape and
            // failed inside it (a user with a wrong field): that form's problem names the field.
            const inside = issues.map(problemOf).filter((problem) => problem.path.length > 0);
            return inside.length === 1 ? inside[0] : { path: [], problem: `must be ${describe(issue.ast)}` };
        }
        case "Type":
            return { path: [], problem: issue.message ?? `must be ${describe(issue.ast)}` };
        case "Forbidden":
            return { path: [], problem: "is invalid" };
    }
};
const describe = (ast) => {
    const description = AST.getDescriptionAnnotation(ast);
    if (description._tag === "Some")
        return description.value;
    // An optional field's `undefined` says nothing about what a wrong value should have been.
    if (AST.isUnion(ast))
        return ast.types.filter((member) => !AST.isUndefinedKeyword(member)).map(describe).join(" or ");
    if (AST.isTypeLiteral(ast))
        return "an object";
    return String(ast);
};
/**
 * The {@link InputWriter} of an input schema: an input that does not fit
 * fails with an `InvalidInputError` naming the field at fault and what it
 * must be (never the value), and nothing is sent. The encoder is made at
 * the first call.
 *
 * @internal
 */
export const inputOf = (schema) => {
    let encode;
    return (input, request, operation) => {
        const invalid = (field, problem) => Either.left(new InvalidInputError({
            message: `Invalid input of ${operation}: ${field === "" ? "the input" : field} ${problem}; nothing was sent.`,
            operation,
            field,
            attempts: 0
        }));
        let params;
        try {
            params = (encode ??= Schema.encodeUnknownEither(schema))(input);
        }
        catch {
            // An object whose getters throw, say: nothing is sent.
            return invalid("", "could not be read");
        }
        if (Either.isLeft(params)) {
            const { path, problem } = problemOf(params.left.issue);
            return invalid(path.map(String).join("."), problem);
        }
        return Either.right(request.method === "GET"
            ? HttpClientRequest.setUrlParams(request, params.right)
            : HttpClientRequest.bodyText(request, JSON.stringify(params.right), "application/json"));
    };
};
const readerOf = (schema) => {
    let decode;
    return (envelope) => Either.mapLeft((decode ??= Schema.decodeUnknownEither(schema()))(envelope), (error) => {
        const { path, problem } = problemOf(error.issue);
        return `${path.length === 0 ? "the reply" : path.join(".")} ${problem}`;
    });
};
/**
 * The {@link SuccessReader} of a schema of the whole envelope; the decoder
 * is compiled at the first reply.
 *
 * @internal
 */
export const successOf = (schema) => readerOf(() => schema);
/**
 * The {@link SuccessReader} of a schema of the envelope's `data`; the
 * decoder is built at the first reply.
 *
 * @internal
 */
export const dataOf = (data) => readerOf(() => envelopeData(data));
/**
 * The secrets an input carries (its {@link Endpoint.secretFields}), raw, for
 * scrubbing replies.
 *
 * @internal
 */
export const secretsOf = (endpoint, input) => {
    if (endpoint.secretFields === undefined || typeof input !== "object" || input === null)
        return [];
    const secrets = [];
    for (const field of endpoint.secretFields) {
        const value = input[field];
        const raw = Redacted.isRedacted(value) ? Redacted.value(value) : value;
        if (typeof raw === "string" && raw.length > 0)
            secrets.push(raw);
    }
    return secrets;
};
/**
 * The secrets a parsed reply carries in its `data` (the endpoint's
 * {@link Endpoint.replySecretFields}), for scrubbing what an error quotes.
 *
 * @internal
 */
export const replySecretsOf = (fields) => (json) => {
    const data = typeof json === "object" && json !== null ? json.data : undefined;
    if (typeof data !== "object" || data === null)
        return [];
    return fields.flatMap((field) => {
        const value = data[field];
        return typeof value === "string" && value.length > 0 ? [value] : [];
    });
};
//# sourceMappingURL=endpoint.js.map