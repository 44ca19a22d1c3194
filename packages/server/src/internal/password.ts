/**
 * Password storage: PBKDF2-SHA-256 with a random salt per user, through
 * WebCrypto (`crypto.subtle`), which Node and browsers both have, so the
 * emulation runs in the in-memory test kit too. The plain password is never
 * kept once hashed.
 */
import * as Effect from "effect/Effect"

/** A stored password; it can only check a candidate. */
export interface PasswordHash {
  readonly verify: (candidate: string) => Effect.Effect<boolean>
}

// Enough to make the stored hash useless as a password, cheap enough for test
// suites that create hundreds of users. This is a local emulation, not a vault.
const iterations = 10_000
const encoder = new TextEncoder()

const derive = (password: string, salt: Uint8Array<ArrayBuffer>): Promise<Uint8Array> =>
  crypto.subtle
    .importKey("raw", encoder.encode(password), "PBKDF2", false, ["deriveBits"])
    .then((key) => crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, 256))
    .then((bits) => new Uint8Array(bits))

// Compares every byte, so the time taken does not tell where they differ.
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false
  let difference = 0
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return difference === 0
}

const fromStored = (salt: Uint8Array<ArrayBuffer>, stored: () => Promise<Uint8Array>): PasswordHash => ({
  verify: (candidate) =>
    Effect.promise(() => Promise.all([stored(), derive(candidate, salt)])).pipe(
      Effect.map(([expected, computed]) => sameBytes(expected, computed))
    )
})

/** Hashes a password with a fresh salt. */
export const hash = (password: string): Effect.Effect<PasswordHash> =>
  Effect.suspend(() => {
    const salt = crypto.getRandomValues(new Uint8Array(16))
    return Effect.map(Effect.promise(() => derive(password, salt)), (bytes) => {
      const stored = Promise.resolve(bytes)
      return fromStored(salt, () => stored)
    })
  })

/**
 * Hashes a password on first use: the seeded admin is created by a
 * synchronous constructor, and most servers never see it log in.
 */
export const hashLazily = (password: string): PasswordHash => {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  let pending: string | undefined = password
  let stored: Promise<Uint8Array> | undefined
  return fromStored(salt, () => {
    if (stored === undefined) {
      stored = derive(pending ?? "", salt)
      pending = undefined
    }
    return stored
  })
}
