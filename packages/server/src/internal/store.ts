/**
 * The state of the emulation: users and the tokens bound to them, with the
 * clock that dates and expires them. Everything here is synchronous, so each
 * change is atomic even when requests run concurrently; the asynchronous
 * part (password hashing) happens before a change, never in the middle.
 */
import type { PasswordHash } from "./password.js"

/** A user as stored; `password` is a hash and leaves this module only as one. */
export interface UserRecord {
  readonly id: string
  readonly username: string
  readonly email: string
  readonly fullName: string | undefined
  readonly avatar: string | undefined
  readonly dob: string | undefined
  readonly gender: 0 | 1 | undefined
  readonly status: 0 | 1
  readonly isAdmin: 0 | 1
  readonly createdAt: Date
  readonly updatedAt: Date
  readonly password: PasswordHash
}

/** A token as stored: whose it is and until when it is accepted. */
export interface TokenRecord {
  readonly userId: string
  readonly expiresAt: Date
}

/** A caller, once its token has been accepted. */
export interface Caller {
  readonly token: string
  readonly user: UserRecord
  readonly expiresAt: Date
}

export interface Store {
  readonly now: () => Date
  /** Users in the order they were created. */
  readonly users: () => ReadonlyArray<UserRecord>
  readonly user: (id: string) => UserRecord | undefined
  /** The user whose email (any case) or username (any case) this is. */
  readonly findByLogin: (login: string) => UserRecord | undefined
  /** The fields among `username` and `email` already used by another user than `exceptId`. */
  readonly taken: (
    fields: { readonly username?: string | undefined; readonly email?: string | undefined },
    exceptId?: string
  ) => ReadonlyArray<"username" | "email">
  readonly put: (user: UserRecord) => void
  /** Removes a user and revokes every token bound to it. */
  readonly remove: (id: string) => boolean
  /** Binds a token to a user, valid for the token lifetime from now. */
  readonly issue: (token: string, userId: string) => TokenRecord
  readonly revoke: (token: string) => boolean
  /** The caller behind a token, when the token is known, unexpired, and its user still exists. */
  readonly authenticate: (token: string) => Caller | undefined
}

export const make = (options: { readonly now: () => Date; readonly tokenLifetimeMillis: number }): Store => {
  const users = new Map<string, UserRecord>()
  const tokens = new Map<string, TokenRecord>()
  const { now } = options
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

  const authenticate = (token: string): Caller | undefined => {
    const record = tokens.get(token)
    if (record === undefined) return undefined
    if (record.expiresAt.getTime() <= now().getTime()) {
      tokens.delete(token)
      return undefined
    }
    const user = users.get(record.userId)
    return user === undefined ? undefined : { token, user, expiresAt: record.expiresAt }
  }

  return {
    now,
    users: () => Array.from(users.values()),
    user: (id) => users.get(id),
    findByLogin: (login) => {
      const all = Array.from(users.values())
      return all.find((user) => same(user.email, login)) ?? all.find((user) => same(user.username, login))
    },
    taken: (fields, exceptId) => {
      const others = Array.from(users.values()).filter((user) => user.id !== exceptId)
      const result: Array<"username" | "email"> = []
      if (fields.username !== undefined && others.some((user) => same(user.username, fields.username!))) {
        result.push("username")
      }
      if (fields.email !== undefined && others.some((user) => same(user.email, fields.email!))) {
        result.push("email")
      }
      return result
    },
    put: (user) => void users.set(user.id, user),
    remove: (id) => {
      if (!users.delete(id)) return false
      for (const [token, record] of tokens) if (record.userId === id) tokens.delete(token)
      return true
    },
    issue: (token, userId) => {
      const record = { userId, expiresAt: new Date(now().getTime() + options.tokenLifetimeMillis) }
      tokens.set(token, record)
      return record
    },
    revoke: (token) => tokens.delete(token),
    authenticate
  }
}
