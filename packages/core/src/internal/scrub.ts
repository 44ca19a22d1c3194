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
 * - JSON and JavaScript escapes: `\u0075`, `\u{75}`, `\x75`, and `\"`, `\\`, `\/`,
 *   `\n`, `\t` (and the other short escapes of control characters);
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
export const REDACTED = "<redacted>"

// The named references of HTML that stand for an ASCII character (letters and digits have none).
const NAMED: Readonly<Record<string, ReadonlyArray<string>>> = {
  "\t": ["Tab"],
  "!": ["excl"],
  "\"": ["quot", "QUOT"],
  "#": ["num"],
  "$": ["dollar"],
  "%": ["percnt"],
  "&": ["amp", "AMP"],
  "'": ["apos"],
  "(": ["lpar"],
  ")": ["rpar"],
  "*": ["ast", "midast"],
  "+": ["plus"],
  ",": ["comma"],
  ".": ["period"],
  "/": ["sol"],
  ":": ["colon"],
  ";": ["semi"],
  "<": ["lt", "LT"],
  "=": ["equals"],
  ">": ["gt", "GT"],
  "?": ["quest"],
  "@": ["commat"],
  "[": ["lsqb", "lbrack"],
  "\\": ["bsol"],
  "]": ["rsqb", "rbrack"],
  "^": ["Hat"],
  "_": ["lowbar", "UnderBar"],
  "`": ["grave", "DiacriticalGrave"],
  "{": ["lcub", "lbrace"],
  "|": ["verbar", "vert", "VerticalLine"],
  "}": ["rcub", "rbrace"]
}

// The short escapes of JSON (and JavaScript): of four printable characters, and of the control
// characters `JSON.stringify` writes that way (a secret may hold one: a password with a tab).
const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  "\"": "\\\"",
  "\\": "\\\\",
  "/": "\\/",
  "'": "\\'",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t"
}

const escapeRegExp = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&")

// Hexadecimal digits in either case: `7[5]`, `[aA]`.
const hexDigits = (code: number, width: number): string =>
  Array.from(
    code.toString(16).padStart(width, "0"),
    (digit) => /[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit
  ).join("")

// Every spelling of one character, as a pattern.
const spellingsOf = (char: string): string => {
  const code = char.codePointAt(0)!
  const hex = code.toString(16)
  const forms = [
    escapeRegExp(char),
    `\\\\u${hexDigits(code, 4)}`,
    `\\\\u\\{0*${hexDigits(code, hex.length)}\\}`,
    `\\\\x${hexDigits(code, 2)}`,
    `%${hexDigits(code, 2)}`,
    `%[uU]${hexDigits(code, 4)}`,
    `&#0*${code};?`,
    `&#[xX]0*${hexDigits(code, hex.length)};?`
  ]
  const short = SHORT_ESCAPES[char]
  if (short !== undefined) forms.push(escapeRegExp(short))
  for (const name of NAMED[char] ?? []) forms.push(`&${name};?`)
  return `(?:${forms.join("|")})`
}

/**
 * A function that replaces every spelling of `secret` in a text with
 * `<redacted>`. A text with none of the escape characters (`\`, `%`, `&`) is
 * only searched for the secret as it is; the pattern of every spelling is
 * built at the first text that has one.
 *
 * @internal
 */
export const scrubberOf = (secret: string): (text: string) => string => {
  if (secret.length === 0) return (text) => text
  // Built at the first text that needs it: most replies have no escape character, and the
  // pattern of a token costs more CPU than a whole call's reply reading (docs/benchmarks.md).
  let pattern: RegExp | undefined
  return (text) => {
    if (text.length === 0) return text
    const escaped = text.includes("\\") || text.includes("%") || text.includes("&")
    if (!escaped) return text.includes(secret) ? text.split(secret).join(REDACTED) : text
    pattern ??= new RegExp(Array.from(secret, spellingsOf).join(""), "g")
    return text.replace(pattern, REDACTED)
  }
}

/**
 * A function that replaces every spelling of every one of `secrets` (the
 * token, a password, a token a reply issues) in a text with `<redacted>`.
 *
 * @internal
 */
export const scrubberOfAll = (secrets: ReadonlyArray<string>): (text: string) => string => {
  const scrubbers = secrets.map(scrubberOf)
  return scrubbers.length === 1 ? scrubbers[0]! : (text) => scrubbers.reduce((scrubbed, scrub) => scrub(scrubbed), text)
}
