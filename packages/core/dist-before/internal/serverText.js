/**
 * The length every piece of server-sent text is cut to before it becomes a
 * field of a result or an error, a span attribute or a log annotation.
 *
 * @internal
 */
export const SERVER_TEXT_CHARS = 300;
// Only the head of a huge field is rewritten: the rest would be cut anyway.
const SCANNED_CHARS = 64 * 1024;
/**
 * A server-sent string as one line of at most {@link SERVER_TEXT_CHARS}
 * characters: runs of whitespace (line breaks included) become one space, and
 * a longer text ends with `…`.
 *
 * @internal
 */
export const oneLine = (text) => {
    const cut = text.length > SCANNED_CHARS;
    const line = (cut ? text.slice(0, SCANNED_CHARS) : text).replace(/\s+/g, " ").trim();
    if (!cut && line.length <= SERVER_TEXT_CHARS)
        return line;
    return `${line.slice(0, SERVER_TEXT_CHARS - 1)}…`;
};
//# sourceMappingURL=serverText.js.map