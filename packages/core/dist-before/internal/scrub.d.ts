/**
 * Removing the token from text a server sent back.
 *
 * A server (or a proxy in front of it) can echo the token, and not only as it
 * is: a JSON encoder writes it with `\u` escapes, a URL with `%` escapes, an
 * HTML page with character references. Each character of the token may be
 * spelled in any of these ways, independently of the others, so the token is
 * found by one pattern of the token where every character stands for all its
 * spellings:
 *
 * - the character itself;
 * - JSON and JavaScript escapes: `\u0075`, `\u{75}`, `\x75`, and `\"`, `\\`, `\/`;
 * - percent-encoding: `%75`, and `%u0075` as `unescape` reads it;
 * - HTML character references: `&#117;`, `&#x75;`, and the named references of
 *   ASCII punctuation (`&quot;`, `&amp;`, `&lpar;`, ...), with or without the `;`
 *   and with leading zeros;
 * - hexadecimal digits in either case.
 *
 * Every match is replaced by `<redacted>`. A spelling that needs two rounds of
 * decoding (`&amp;#117;`) is no spelling of the token to a reader who decodes
 * once; the reply reader decodes JSON itself and scrubs the decoded strings
 * again, so JSON escapes on top of one other encoding are covered too.
 *
 * @internal
 */
/** What every occurrence of the token becomes. */
export declare const REDACTED = "<redacted>";
/**
 * A function that replaces every spelling of `secret` in a text with
 * `<redacted>`. A text with none of the escape characters (`\`, `%`, `&`) is
 * only searched for the secret as it is; the pattern of every spelling is
 * built at the first text that has one.
 *
 * @internal
 */
export declare const scrubberOf: (secret: string) => (text: string) => string;
//# sourceMappingURL=scrub.d.ts.map