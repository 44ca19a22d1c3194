import { describe, expect, it } from "@effect/vitest"
import * as FastCheck from "effect/FastCheck"
import { REDACTED, scrubberOf } from "../src/internal/scrub.js"
import { readableIn, spell, spelledArbitrary, spellingsOf, uniformSpellings } from "./support/spellings.js"

const TOKEN = "uap-0123456789abcdef0123456789abcdef-89abcdef"
// Every printable ASCII character a token may hold that an encoding treats specially.
const ODD_TOKEN = "uap-a\"b\\c/d'e<f>g&h%41i;j#k+l.m_n{o}p|q"

describe("scrubberOf", () => {
  const scrub = scrubberOf(TOKEN)
  const scrubOdd = scrubberOf(ODD_TOKEN)

  it("replaces the token as it is, every occurrence", () => {
    expect(scrub(`a ${TOKEN} b ${TOKEN}`)).toBe(`a ${REDACTED} b ${REDACTED}`)
    expect(scrub(`${TOKEN}${TOKEN}`)).toBe(`${REDACTED}${REDACTED}`)
  })

  it("leaves text without the token as it is, escapes included", () => {
    for (const text of ["", "Logout success", "{\"a\":\"\\u0041\"}", "%41&amp;&#117;", TOKEN.slice(0, -1)]) {
      expect(scrub(text)).toBe(text)
    }
  })

  it.each(uniformSpellings(TOKEN).map((spelled) => [spelled]))("replaces the token spelled %s", (spelled) => {
    expect(scrub(`before ${spelled} after`)).toBe(`before ${REDACTED} after`)
  })

  it.each(uniformSpellings(ODD_TOKEN).map((spelled) => [spelled]))(
    "replaces a token of punctuation spelled %s",
    (spelled) => {
      expect(scrubOdd(`[${spelled}]`)).toBe(`[${REDACTED}]`)
    }
  )

  it("replaces every spelling of every character, one at a time", () => {
    for (const token of [TOKEN, ODD_TOKEN]) {
      const scrubToken = scrubberOf(token)
      Array.from(token).forEach((char, position) => {
        for (const form of spellingsOf(char)) {
          const spelled = token.slice(0, position) + form + token.slice(position + 1)
          expect(scrubToken(`x${spelled}y`), spelled).toBe(`x${REDACTED}y`)
        }
      })
    }
  })

  it("replaces a token spelled with a mix of encodings, character by character", () => {
    FastCheck.assert(
      FastCheck.property(
        FastCheck.constantFrom(TOKEN, ODD_TOKEN).chain((token) =>
          FastCheck.tuple(FastCheck.constant(token), spelledArbitrary(token), FastCheck.string(), FastCheck.string())
        ),
        ([token, spelled, before, after]) => {
          const scrubbed = scrubberOf(token)(`${before}${spelled}${after}`)
          expect(scrubbed).toContain(REDACTED)
          expect(readableIn(token, scrubbed.split(REDACTED).join(" "))).toBe(false)
        }
      ),
      { numRuns: 2_000 }
    )
  })

  it("finds hexadecimal digits in either case, and no other case change", () => {
    expect(scrub(spell(TOKEN, () => 2))).toBe(REDACTED) // \u00XX in upper case
    expect(scrub(TOKEN.toUpperCase())).toBe(TOKEN.toUpperCase())
  })

  it("a secret with a control character: found as it is and as JSON writes it (\\n, \\t, \\u0001)", () => {
    for (const secret of ["pass\nword", "pa\tss\rwo\brd\f", "pass\u0001word"]) {
      const scrubSecret = scrubberOf(secret)
      const quoted = JSON.stringify({ message: `echo ${secret}` })
      expect(quoted).not.toContain(secret)
      expect(scrubSecret(quoted)).toBe(JSON.stringify({ message: `echo ${REDACTED}` }))
      expect(scrubSecret(`echo ${secret}`)).toBe(`echo ${REDACTED}`)
      expect(scrubSecret(JSON.stringify(secret).slice(1, -1).replace(/\\u0001/, "\\x01"))).toBe(REDACTED)
    }
  })

  it("with an empty secret, changes nothing", () => {
    expect(scrubberOf("")("anything")).toBe("anything")
  })

  it("in a long text, finds every copy", () => {
    const text = `${"&x ".repeat(100_000)}${spell(TOKEN, () => 8)}${"%zz".repeat(100_000)}${TOKEN}`
    const scrubbed = scrub(text)
    expect(scrubbed.split(REDACTED).length).toBe(3)
  })
})
