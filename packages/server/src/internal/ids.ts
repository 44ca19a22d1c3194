/** Random identifiers of the shapes the API uses. */

const hex = (bytes: number): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, "0")).join("")

/** `uap-` + 32 hex digits + `-` + 8 hex digits, the documented token shape. */
export const randomToken = (): string => `uap-${hex(16)}-${hex(4)}`

/** A 32-hex-digit workspace id, the shape of `appId`. */
export const randomAppId = (): string => hex(16)

/** A password of 20 characters, within the documented 6 to 25. */
export const randomPassword = (): string => hex(10)
