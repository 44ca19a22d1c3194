import * as ParseResult from "effect/ParseResult";
import * as Redacted from "effect/Redacted";
import * as Schema from "effect/Schema";
import { lazy } from "./endpoint.js";
// How the v3 API spells values on the wire, as schemas from the wire form to the SDK's.
/**
 * A required string that must not be empty (an id, a username).
 *
 * @internal
 */
export const NonEmpty = /* @__PURE__ */ Schema.minLength(1, {
    description: "a non-empty string"
})(Schema.String);
const PASSWORD_MIN = 6;
const PASSWORD_MAX = 25;
// A secret given as a string or a `Redacted` string and sent as the raw string; a failure
// never carries the value.
const secretString = (fits, problem) => lazy(() => Schema.transformOrFail(Schema.String, Schema.Union(Schema.String, Schema.RedactedFromSelf(Schema.String)), {
    strict: true,
    decode: (raw) => ParseResult.succeed(Redacted.make(raw)),
    encode: (value, _, ast) => {
        const raw = Redacted.isRedacted(value) ? Redacted.value(value) : value;
        return fits(raw)
            ? ParseResult.succeed(raw)
            : ParseResult.fail(new ParseResult.Type(ast, "<redacted>", problem));
    }
}));
/**
 * A password as the API's rule has it: 6 to 25 characters.
 *
 * @internal
 */
export const Password = /* @__PURE__ */ secretString((raw) => raw.length >= PASSWORD_MIN && raw.length <= PASSWORD_MAX, `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long`);
/**
 * A password that only has to be there (one set under older rules, say).
 *
 * @internal
 */
export const PresentPassword = /* @__PURE__ */ secretString((raw) => raw.length > 0, "must not be empty");
/**
 * A user's status: `1` active, `0` inactive.
 *
 * @internal
 */
export const Status = /* @__PURE__ */ lazy(() => Schema.transformLiterals([1, "active"], [0, "inactive"]).annotations({
    description: "\"active\" or \"inactive\" (1 or 0 on the wire)"
}));
/**
 * A gender: `0` male, `1` female.
 *
 * @internal
 */
export const Gender = /* @__PURE__ */ lazy(() => Schema.transformLiterals([0, "male"], [1, "female"]).annotations({
    description: "\"male\" or \"female\" (0 or 1 on the wire)"
}));
/**
 * A yes/no flag: `1` yes, `0` no (`isAdmin`: 1 is an admin, as the request tables and the
 * Java SDK's `Role.ADMIN(1)` say).
 *
 * @internal
 */
export const Flag = /* @__PURE__ */ lazy(() => Schema.transformLiterals([1, true], [0, false]).annotations({ description: "true or false (1 or 0 on the wire)" }));
const pad = (n) => String(n).padStart(2, "0");
const MONTH_DAY_YEAR = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}):(\d{2}):(\d{2}))?$/;
// `MM/DD/YYYY` with an optional `HH:mm:ss`, as UTC; `undefined` unless it names a real moment
// (`Date.UTC` would roll 13/40 over into a later month).
const parseMonthDayYear = (text, withTime) => {
    const match = MONTH_DAY_YEAR.exec(text);
    if (match === null || (match[4] !== undefined) !== withTime)
        return undefined;
    const [month, day, year, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
    const date = new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds));
    const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day &&
        hours < 24 && minutes < 60 && seconds < 60;
    return real ? date : undefined;
};
const formatMonthDayYear = (date, withTime) => {
    const day = `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${date.getUTCFullYear()}`;
    return withTime
        ? `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
        : day;
};
const monthDayYear = (withTime, form) => lazy(() => Schema.transformOrFail(Schema.String, Schema.ValidDateFromSelf, {
    strict: true,
    decode: (text, _, ast) => {
        const date = parseMonthDayYear(text, withTime);
        return date === undefined
            ? ParseResult.fail(new ParseResult.Type(ast, text, `must be a ${form} date`))
            : ParseResult.succeed(date);
    },
    encode: (date) => ParseResult.succeed(formatMonthDayYear(date, withTime))
}));
/**
 * A calendar day sent as `MM/DD/YYYY`: the UTC day of the `Date` (a date-only
 * ISO string such as `new Date("1990-05-15")` is that day at UTC midnight).
 *
 * @internal
 */
export const DayFromMonthDayYear = /* @__PURE__ */ monthDayYear(false, "MM/DD/YYYY");
/**
 * A moment sent as `MM/DD/YYYY HH:mm:ss`, taken as UTC (the form of a token's
 * `expired`; the API names no zone).
 *
 * @internal
 */
export const MomentFromMonthDayYear = /* @__PURE__ */ monthDayYear(true, "MM/DD/YYYY HH:mm:ss");
//# sourceMappingURL=wireFormats.js.map