/**
 * Text on its way to a terminal: whatever a server (or a file name) holds is
 * shown, never obeyed. Control characters, escape sequences, bidirectional
 * overrides and line breaks could clear the screen, write the clipboard
 * (OSC 52), reorder what is read or forge a line of the report.
 *
 * @internal
 */

// Whitespace that breaks or moves the line: collapsed to one space.
const LINE_BREAKING = /[\t\n\v\f\r\u0085\u2028\u2029]+/g
// C0 and C1 controls (ESC, BEL, CSI…), DEL, and the invisible format characters
// (bidirectional overrides and isolates, zero-width characters, tag characters).
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu

const hex = (code: number, width: number) => code.toString(16).padStart(width, "0")

// What the character is, written out: `\x1b`, `\u202e`, `\u{e0041}`.
const visibleEscape = (char: string): string => {
  const code = char.codePointAt(0)!
  if (code <= 0xff) return `\\x${hex(code, 2)}`
  return code <= 0xffff ? `\\u${hex(code, 4)}` : `\\u{${hex(code, 1)}}`
}

/**
 * One line of at most `max` characters (an ellipsis marks a cut), with every
 * control or invisible format character written out as an escape.
 */
export const oneLine = (text: string, max: number): string => {
  const collapsed = text.replace(LINE_BREAKING, " ").trim()
  const chars = Array.from(collapsed)
  const kept = chars.length <= max ? collapsed : `${chars.slice(0, max - 1).join("")}…`
  return kept.replace(INVISIBLE, visibleEscape)
}

/** A field of a table or a sentence (a name, a path, an id): one line, shown, never obeyed. */
export const printable = (text: string): string => oneLine(text, 300)

// JSON.stringify escapes only C0 controls: C1 controls, DEL and format characters
// stay raw, and a terminal showing the JSON would act on them.
const RAW_IN_JSON = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/gu

const jsonEscape = (char: string): string =>
  Array.from({ length: char.length }, (_, index) => `\\u${hex(char.charCodeAt(index), 4)}`).join("")

/**
 * `JSON.stringify(value)` on one line with no character a terminal acts on:
 * the same value once parsed.
 */
export const jsonLine = (value: unknown): string => JSON.stringify(value).replace(RAW_IN_JSON, jsonEscape)

// Select Graphic Rendition and the other CSI sequences @effect/printer-ansi emits.
// eslint-disable-next-line no-control-regex -- ESC is what these sequences start with
const ANSI_SEQUENCE = /\x1b\[[0-?]*[ -/]*[@-~]/g

/** `text` without its colours and styles. */
export const withoutColours = (text: string): string => text.replace(ANSI_SEQUENCE, "")
