import * as Either from "effect/Either"
import { forbiddenCharacter } from "./authorization.js"

// Validation of `workspaceApiDomain`: the domain decides where the token goes,
// so anything that could route it elsewhere is refused instead of "fixed".

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//
const LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
const HOST_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.?$`)
const IPV6 = /^\[[0-9A-Fa-f:.]+\]$/
const AUTHORITY = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/

// Only names that cannot leave the machine: `localhost` itself (RFC 6761), a 127.0.0.0/8
// literal and `[::1]`. `localhost.` and any other name with a dot go through DNS.
const isLoopback = (host: string): boolean =>
  host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)

// A Uiza token (`uap-` + 32 hex + `-` + 8 hex), or the start of one, anywhere in the value.
const TOKEN_SHAPE = /uap-[0-9a-f]{32}/i

// The value without an `http(s)://` prefix or a trailing slash, to compare with the token.
const bareValue = (input: string): string => input.replace(/^https?:\/\//i, "").replace(/\/$/, "")

const SWAPPED = "looks like a Uiza token, not a host name (were the domain and the token swapped?)"

/**
 * Turns a bare host (`api.uiza.co`, `localhost:8080`) or an `https://` URL
 * into the origin calls go to. `http://` is allowed for loopback hosts only.
 * A value that holds the token, or anything shaped like a Uiza token, is
 * refused as a likely swap of the two settings.
 * Returns the origin, or a sentence naming the problem (never the input
 * itself, which may hold a secret pasted into the wrong setting).
 *
 * @internal
 */
export const normaliseWorkspaceApiDomain = (input: string, token?: string): Either.Either<string, string> => {
  if (input.length === 0) return Either.left("is empty")
  // Before anything else: a token must never become a host name sent to a resolver, a URL
  // in a span or a log line.
  if (TOKEN_SHAPE.test(input) || (token !== undefined && token.length > 0 && bareValue(input) === token)) {
    return Either.left(SWAPPED)
  }
  const forbidden = forbiddenCharacter(input)
  if (forbidden !== undefined) return Either.left(forbidden)

  const schemeMatch = SCHEME.exec(input)
  const scheme = schemeMatch ? schemeMatch[1].toLowerCase() : "https"
  if (scheme !== "https" && scheme !== "http") {
    return Either.left(`uses the scheme "${scheme}:"; only https:// is accepted (http:// for loopback hosts)`)
  }
  let rest = schemeMatch ? input.slice(schemeMatch[0].length) : input
  if (rest.endsWith("/")) rest = rest.slice(0, -1)

  if (rest.includes("@")) {
    return Either.left("contains user information (\"@\"), which could send the token to another host")
  }
  if (rest.includes("/") || rest.includes("\\")) {
    return Either.left("contains a path; give only the host name, with an optional port")
  }
  if (rest.includes("?")) return Either.left("contains a query (\"?\"); give only the host name")
  if (rest.includes("#")) return Either.left("contains a fragment (\"#\"); give only the host name")
  if (rest.includes("://") || (!schemeMatch && /^[A-Za-z][A-Za-z0-9+.-]*:[^0-9]/.test(rest))) {
    return Either.left("has a malformed scheme; use a bare host name or https://host")
  }

  const authority = AUTHORITY.exec(rest)
  if (!authority) return Either.left("is not a host name with an optional port")
  const host = authority[1].toLowerCase()
  const port = authority[2]
  if (host.length === 0) return Either.left("has no host name")
  if (!HOST_NAME.test(host) && !IPV6.test(host)) {
    return Either.left("is not a valid host name (letters, digits, hyphens and dots only)")
  }
  if (port !== undefined) {
    const portNumber = Number(port)
    if (portNumber < 1 || portNumber > 65535) return Either.left("has a port outside 1-65535")
  }
  if (scheme === "http" && !isLoopback(host)) {
    return Either.left(
      "uses http://, which would send the token unencrypted; use https:// (http:// is accepted only for localhost, 127.0.0.0/8 and [::1], without a trailing dot)"
    )
  }

  try {
    return Either.right(new URL(`${scheme}://${host}${port === undefined ? "" : `:${port}`}`).origin)
  } catch {
    return Either.left("is not a valid host name")
  }
}
