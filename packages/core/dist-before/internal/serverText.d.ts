/**
 * The length every piece of server-sent text is cut to before it becomes a
 * field of a result or an error, a span attribute or a log annotation.
 *
 * @internal
 */
export declare const SERVER_TEXT_CHARS = 300;
/**
 * A server-sent string as one line of at most {@link SERVER_TEXT_CHARS}
 * characters: runs of whitespace (line breaks included) become one space, and
 * a longer text ends with `…`.
 *
 * @internal
 */
export declare const oneLine: (text: string) => string;
//# sourceMappingURL=serverText.d.ts.map