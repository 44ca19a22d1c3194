/**
 * Text for people: users as aligned columns, one user as a list of fields,
 * each field from the server shown on one line, never obeyed.
 *
 * @internal
 */
import type { User } from "@uiza-effect/core"
import { printable } from "./terminalText.js"

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
