/**
 * Text for people: users as aligned columns, one user as a list of fields,
 * and server text made safe to print in a terminal.
 *
 * @internal
 */
import type { User } from "@uiza-effect/core"

// Control characters (C0, DEL, C1) and the bidirectional overrides: text from
// the server could otherwise move the cursor, recolour or rewrite the terminal.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** Server text as one printable line: each control character becomes U+FFFD. */
export const printable = (text: string): string => text.replace(UNPRINTABLE, "\uFFFD")

/** `2024-06-22 19:03:47 UTC`: a moment in UTC, to the second. */
export const utcMoment = (date: Date): string =>
  Number.isNaN(date.getTime()) ? "invalid date" : `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`

const width = (text: string): number => Array.from(text).length

const padEnd = (text: string, size: number): string => text + " ".repeat(Math.max(0, size - width(text)))

/** Rows under a header, each column as wide as its widest cell; no trailing spaces. */
export const columns = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const all = [header, ...rows]
  const widths = header.map((_, column) => Math.max(...all.map((row) => width(row[column] ?? ""))))
  return all
    .map((row) => row.map((cell, column) => padEnd(cell, widths[column] ?? 0)).join("  ").trimEnd())
    .join("\n")
}

const userRow = (user: User.User): ReadonlyArray<string> => [
  printable(user.id),
  printable(user.username),
  printable(user.email),
  user.status,
  user.isAdmin ? "yes" : "no",
  utcMoment(user.createdAt)
]

/** Users as a table: id, username, email, status, admin, created. */
export const usersTable = (users: ReadonlyArray<User.User>): string =>
  columns(["ID", "USERNAME", "EMAIL", "STATUS", "ADMIN", "CREATED"], users.map(userRow))

/** One user, a field a line. */
export const userFields = (user: User.User): string =>
  columns(
    ["id", printable(user.id)],
    [
      ["username", printable(user.username)],
      ["email", printable(user.email)],
      ...(user.fullName === undefined ? [] : [["full name", printable(user.fullName)]]),
      ...(user.avatar === undefined ? [] : [["avatar", printable(user.avatar)]]),
      ["status", user.status],
      ["admin", user.isAdmin ? "yes" : "no"],
      ["created", utcMoment(user.createdAt)],
      ["updated", utcMoment(user.updatedAt)]
    ]
  )
