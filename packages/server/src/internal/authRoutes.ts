/**
 * The Auth endpoints (A1, A2): create a token from a user's credentials,
 * and check the token a request carries.
 *
 * Create token takes `username` as the account's registered email (the
 * docs' wording) or its username, both matched in any case. A wrong
 * password, an unknown account, an inactive account (`status` 0) or another
 * workspace `domain` than the configured one all answer 401 with the same
 * message, so the reply does not tell which one it was.
 */
import * as Effect from "effect/Effect"
import { randomToken } from "./ids.js"
import type { Call, Emulation, Route } from "./route.js"
import { authenticate, objectBody, paths, unauthorized, validated } from "./route.js"
import { checkBody } from "./validation.js"
import * as Wire from "./wire.js"

const refused = () => unauthorized("Unauthorized: wrong username, password or domain")

const createToken = (call: Call, emulation: Emulation) =>
  Effect.gen(function*() {
    const body = yield* objectBody(call)
    const check = checkBody(body)
    const username = check.string("username", { required: true })
    const password = check.password("password")
    const domain = check.string("domain", { required: true })
    yield* validated(check.errors)
    const user = emulation.store.findByLogin(username!)
    if (user === undefined) return yield* Effect.fail(refused())
    const matches = yield* user.password.verify(password!)
    const domainMatches = emulation.domain === undefined || emulation.domain.toLowerCase() === domain!.toLowerCase()
    // Read again: the user may have been deleted or deactivated while the password was checked.
    const latest = emulation.store.user(user.id)
    if (!matches || !domainMatches || latest === undefined || latest.status !== 1) return yield* Effect.fail(refused())
    const token = randomToken()
    emulation.store.issue(token, latest.id)
    return { data: { token, appId: emulation.appId } }
  })

const checkToken = (call: Call, emulation: Emulation) =>
  Effect.map(authenticate(call, emulation), (caller) => ({
    data: { token: caller.token, expired: Wire.expired(caller.expiresAt) }
  }))

/** The Auth endpoints, as a table. */
export const authRoutes: ReadonlyArray<Route> = [
  // No Authorization: the credentials are the body.
  { method: "POST", path: paths.auth, handle: createToken },
  { method: "POST", path: paths.checkToken, handle: checkToken }
]
