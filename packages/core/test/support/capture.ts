/**
 * Runs a program with a recording tracer and a logger of every level, so a
 * test can look at its spans and log lines as text.
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Tracer from "effect/Tracer"
import { inspect } from "node:util"

export interface LogLine {
  readonly level: LogLevel.LogLevel
  readonly text: string
}

/** `self`'s exit, every span it opened and every line it logged (as logfmt and JSON). */
export const capture = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const spans: Array<Tracer.Span> = []
    const logs: Array<LogLine> = []
    const base = yield* Effect.tracer
    const tracer = Tracer.make({
      span: (...args) => {
        const span = base.span(...args)
        spans.push(span)
        return span
      },
      context: (f, fiber) => base.context(f, fiber)
    })
    const logger = Logger.make((options) => {
      logs.push({ level: options.logLevel, text: Logger.logfmtLogger.log(options) })
      logs.push({ level: options.logLevel, text: Logger.jsonLogger.log(options) })
    })
    const exit = yield* self.pipe(
      Effect.withTracer(tracer),
      Effect.provide(Layer.merge(Logger.replace(Logger.defaultLogger, logger), Logger.minimumLogLevel(LogLevel.All))),
      Effect.exit
    )
    return { exit, spans, logs }
  })

/** Every piece of text a span exposes: name, attributes, and its exit. */
export const spanTexts = (span: Tracer.Span): Array<string> => {
  const texts = [span.name, ...Array.from(span.attributes, ([key, value]) => `${key}=${String(value)}`)]
  if (span.status._tag === "Ended" && Exit.isFailure(span.status.exit)) texts.push(Cause.pretty(span.status.exit.cause))
  return texts
}

/** Every way a person or a log pipeline could look at a value. */
export const renderings = (value: unknown): Array<string> => [
  String(value),
  JSON.stringify(value) ?? "",
  inspect(value, { depth: Infinity, showHidden: true }),
  inspect(value, { depth: Infinity, showHidden: true, customInspect: false }),
  value instanceof Error ? `${value.stack}\n${value.message}` : ""
]

/** What an exit shows: `Cause.pretty` and every rendering of its error or value. */
export const exitTexts = (exit: Exit.Exit<unknown, unknown>): Array<string> =>
  Exit.match(exit, {
    onFailure: (cause) => [Cause.pretty(cause), ...renderings(Cause.squash(cause))],
    onSuccess: (value) => renderings(value)
  })
