/**
 * The ways a reader could find a token in text: every spelling of each of
 * its characters (raw, JSON and JavaScript escapes, percent-encoding, HTML
 * character references), and decoders that undo each of them, so that a test
 * can spell a token any way and look for it in any rendering after decoding.
 */
import * as FastCheck from "effect/FastCheck"

const hex = (code: number, width: number) => code.toString(16).padStart(width, "0")

// Named references of ASCII punctuation, as HTML defines them.
const NAMED: Record<string, ReadonlyArray<string>> = {
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

const SHORT: Record<string, string> = { "\"": "\\\"", "\\": "\\\\", "/": "\\/" }

/** Every spelling of one character. */
export const spellingsOf = (char: string): ReadonlyArray<string> => {
  const code = char.charCodeAt(0)
  const forms = [
    char,
    `\\u${hex(code, 4)}`,
    `\\u${hex(code, 4).toUpperCase()}`,
    `\\u{${hex(code, 1)}}`,
    `\\x${hex(code, 2).toUpperCase()}`,
    `%${hex(code, 2)}`,
    `%${hex(code, 2).toUpperCase()}`,
    `%u${hex(code, 4)}`,
    `&#${code};`,
    `&#00${code};`,
    `&#${code}`,
    `&#x${hex(code, 1)};`,
    `&#X${hex(code, 1).toUpperCase()};`,
    `&#x00${hex(code, 1)}`
  ]
  if (SHORT[char] !== undefined) forms.push(SHORT[char])
  for (const name of NAMED[char] ?? []) forms.push(`&${name};`, `&${name}`)
  return forms
}

/** The token with each character spelled by `pick` (an index into its spellings). */
export const spell = (token: string, pick: (index: number, count: number) => number): string =>
  Array.from(token, (char, index) => {
    const forms = spellingsOf(char)
    return forms[pick(index, forms.length) % forms.length]
  }).join("")

/** One encoding for the whole token. */
export const uniformSpellings = (token: string): ReadonlyArray<string> =>
  spellingsOf("a").map((_, form) => spell(token, () => form))

/** A token spelled with a mix of encodings, character by character. */
export const spelledArbitrary = (token: string): FastCheck.Arbitrary<string> =>
  FastCheck.array(FastCheck.nat(40), { minLength: token.length, maxLength: token.length }).map((picks) =>
    spell(token, (index) => picks[index])
  )

// JSON and JavaScript escapes.
const unescapeJs = (text: string) =>
  text.replace(
    /\\(?:u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(.))/g,
    (whole, braced: string, four: string, two: string, other: string) => {
      const code = braced ?? four ?? two
      if (code !== undefined) {
        const value = parseInt(code, 16)
        return value <= 0x10ffff ? String.fromCodePoint(value) : whole
      }
      return ({ n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" } as Record<string, string>)[other] ?? other
    }
  )

const unescapePercent = (text: string) =>
  text.replace(
    /%(?:[uU]([0-9a-fA-F]{4})|([0-9a-fA-F]{2}))/g,
    (_, four: string, two: string) => String.fromCharCode(parseInt(four ?? two, 16))
  )

const byName = new Map(Object.entries(NAMED).flatMap(([char, names]) => names.map((name) => [name, char] as const)))

const unescapeHtml = (text: string) =>
  text.replace(
    /&(?:#[xX]0*([0-9a-fA-F]+)|#0*(\d+)|([A-Za-z]+));?/g,
    (whole, hexCode: string, decimal: string, name: string) => {
      if (name !== undefined) return byName.get(name) ?? whole
      const value = hexCode !== undefined ? parseInt(hexCode, 16) : Number(decimal)
      return value <= 0x10ffff ? String.fromCodePoint(value) : whole
    }
  )

/** Each decoder a reader could apply, and all of them in one pass per character. */
export const decoders: ReadonlyArray<(text: string) => string> = [
  (text) => text,
  unescapeJs,
  unescapePercent,
  unescapeHtml,
  (text) => unescapeHtml(unescapePercent(unescapeJs(text))),
  (text) => unescapeJs(unescapePercent(unescapeHtml(text)))
]

/**
 * Whether `token` can be read in `text` after any decoder, also once the
 * rendering's own JSON escaping (of `JSON.stringify` or `util.inspect`) is undone.
 */
export const readableIn = (token: string, text: string): boolean =>
  [text, unescapeJs(text)].some((rendering) => decoders.some((decode) => decode(rendering).includes(token)))
