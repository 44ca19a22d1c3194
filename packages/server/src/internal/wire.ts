/**
 * How stored values are written on the wire: a user as the recorded replies
 * show it (`fullName` camel-case, `status`/`isAdmin` as 0/1, ISO dates, never
 * a password), and the `MM/DD/YYYY HH:mm:ss` (UTC) date of check-token.
 */
import type { UserRecord } from "./store.js"

export const user = (record: UserRecord) => ({
  id: record.id,
  isAdmin: record.isAdmin,
  username: record.username,
  email: record.email,
  ...(record.avatar === undefined ? {} : { avatar: record.avatar }),
  ...(record.fullName === undefined ? {} : { fullName: record.fullName }),
  updatedAt: record.updatedAt.toISOString(),
  createdAt: record.createdAt.toISOString(),
  status: record.status
})

const two = (n: number) => String(n).padStart(2, "0")

export const expired = (date: Date): string =>
  `${two(date.getUTCMonth() + 1)}/${two(date.getUTCDate())}/${date.getUTCFullYear()} ` +
  `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`
