/**
 * Captures what a program emits: every span (with its attributes and exit)
 * and every log line at every level, as text.
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Tracer from "effect/Tracer"
import * as util from "node:util"

export interface Captured {
  readonly spans: Array<Tracer.Span>
  readonly logs: Array<string>
}

/** Runs `self` with a recording tracer and logger (all levels). */
export const capture = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const captured: Captured = { spans: [], logs: [] }
    const base = yield* Effect.tracer
    const tracer = Tracer.make({
      span: (...args) => {
        const span = base.span(...args)
        captured.spans.push(span)
        return span
      },
      context: (f, fiber) => base.context(f, fiber)
    })
    const logger = Logger.make((options) => {
      captured.logs.push(Logger.logfmtLogger.log(options))
      captured.logs.push(Logger.jsonLogger.log(options))
    })
    const exit = yield* self.pipe(
      Effect.withTracer(tracer),
      Effect.provide(Layer.merge(Logger.replace(Logger.defaultLogger, logger), Logger.minimumLogLevel(LogLevel.All))),
      Effect.exit
    )
    return { exit, ...captured }
  })

// The events a span recorded (the native tracer keeps them; other tracers may not).
const eventsOf = (span: Tracer.Span): ReadonlyArray<readonly [string, bigint, Record<string, unknown>]> =>
  "events" in span && Array.isArray(span.events) ? span.events : []

/** Every piece of text a span exposes: name, attribute values, events, and its exit. */
export const spanTexts = (span: Tracer.Span): Array<string> => {
  const texts = [span.name, ...Array.from(span.attributes, ([key, value]) => `${key}=${String(value)}`)]
  for (const [name, , attributes] of eventsOf(span)) texts.push(name, util.inspect(attributes, { depth: Infinity }))
  if (span.status._tag === "Ended" && Exit.isFailure(span.status.exit)) {
    texts.push(Cause.pretty(span.status.exit.cause))
  }
  return texts
}

/** Every way a value is commonly turned into text, and its `cause` chain. */
export const renderings = (value: unknown): Array<string> => {
  const texts: Array<string> = []
  let current: unknown = value
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    texts.push(String(current))
    texts.push(JSON.stringify(current) ?? "")
    texts.push(util.inspect(current, { depth: Infinity, showHidden: true }))
    if (current instanceof Error) {
      texts.push(current.message, current.stack ?? "")
      current = current.cause
    } else {
      current = undefined
    }
  }
  return texts
}
