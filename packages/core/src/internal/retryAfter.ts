import * as Duration from "effect/Duration"
import * as Option from "effect/Option"

// The forms of `Retry-After` (RFC 9110): delta-seconds, or an HTTP-date in IMF-fixdate,
// RFC 850 or asctime form. Anything else is ignored, not guessed at.
const DELTA_SECONDS = /^\d+$/
const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
const TIME = "\\d{2}:\\d{2}:\\d{2}"
const HTTP_DATE = /* @__PURE__ */ new RegExp(
  `^(?:${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT` +
    `|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT` +
    `|${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4})$`
)

/**
 * The wait a `Retry-After` header asks for, counted from `now` (epoch
 * milliseconds); none for a missing or malformed header.
 *
 * @internal
 */
export const parseRetryAfter = (value: string | undefined, now: number): Option.Option<Duration.Duration> => {
  if (value === undefined) return Option.none()
  const trimmed = value.trim()
  if (DELTA_SECONDS.test(trimmed)) return Option.some(Duration.seconds(Number(trimmed)))
  if (!HTTP_DATE.test(trimmed)) return Option.none()
  // asctime carries no zone: it is UTC.
  const date = Date.parse(trimmed.endsWith("GMT") ? trimmed : `${trimmed} GMT`)
  return Number.isNaN(date) ? Option.none() : Option.some(Duration.millis(Math.max(0, date - now)))
}
