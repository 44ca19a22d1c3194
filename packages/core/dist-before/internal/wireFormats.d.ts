import * as Redacted from "effect/Redacted";
import * as Schema from "effect/Schema";
/**
 * A required string that must not be empty (an id, a username).
 *
 * @internal
 */
export declare const NonEmpty: Schema.Schema<string>;
/**
 * A password as the API's rule has it: 6 to 25 characters.
 *
 * @internal
 */
export declare const Password: Schema.Schema<string | Redacted.Redacted<string>, string, never>;
/**
 * A password that only has to be there (one set under older rules, say).
 *
 * @internal
 */
export declare const PresentPassword: Schema.Schema<string | Redacted.Redacted<string>, string, never>;
/**
 * A user's status: `1` active, `0` inactive.
 *
 * @internal
 */
export declare const Status: Schema.Schema<"active" | "inactive", 0 | 1, never>;
/**
 * A gender: `0` male, `1` female.
 *
 * @internal
 */
export declare const Gender: Schema.Schema<"male" | "female", 0 | 1, never>;
/**
 * A yes/no flag: `1` yes, `0` no (`isAdmin`: 1 is an admin, as the request tables and the
 * Java SDK's `Role.ADMIN(1)` say).
 *
 * @internal
 */
export declare const Flag: Schema.Schema<boolean, 0 | 1, never>;
/**
 * A calendar day sent as `MM/DD/YYYY`: the UTC day of the `Date` (a date-only
 * ISO string such as `new Date("1990-05-15")` is that day at UTC midnight).
 *
 * @internal
 */
export declare const DayFromMonthDayYear: Schema.Schema<Date, string>;
/**
 * A moment sent as `MM/DD/YYYY HH:mm:ss`, taken as UTC (the form of a token's
 * `expired`; the API names no zone).
 *
 * @internal
 */
export declare const MomentFromMonthDayYear: Schema.Schema<Date, string>;
//# sourceMappingURL=wireFormats.d.ts.map