/**
 * Tells a caller when undici writes its request to a socket.
 *
 * A request handed to an undici `Agent` may wait in the pool's queue for a
 * free socket, possibly until its caller gives up on it. Only once a socket
 * takes it does undici start its handler (`onRequestStart`, just before the
 * head is written). A caller that knows whether that happened can tell a
 * request that was never sent from one that may have reached the server.
 *
 * @internal
 */
import type { Dispatcher } from "@effect/platform-node/Undici"

/**
 * The request option read by {@link reportingWrites}: called when a socket
 * takes the request and writes it.
 *
 * @internal
 */
export const whenWritten: unique symbol = Symbol("@uiza-effect/node/whenWritten")

/** @internal */
export interface ReportingOptions {
  readonly [whenWritten]?: (() => void) | undefined
}

class ReportingHandler implements Dispatcher.DispatchHandler {
  constructor(
    private readonly handler: Dispatcher.DispatchHandler,
    private readonly written: () => void,
    private readonly signal: { readonly aborted: boolean } | undefined
  ) {}

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    // A request aborted while it waited is dropped, unwritten, as soon as a socket takes it.
    if (this.signal?.aborted !== true) this.written()
    this.handler.onRequestStart?.(controller, context)
  }

  onRequestUpgrade(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Parameters<NonNullable<Dispatcher.DispatchHandler["onRequestUpgrade"]>>[2],
    socket: Parameters<NonNullable<Dispatcher.DispatchHandler["onRequestUpgrade"]>>[3]
  ): void {
    this.handler.onRequestUpgrade?.(controller, statusCode, headers, socket)
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Parameters<NonNullable<Dispatcher.DispatchHandler["onResponseStart"]>>[2],
    statusMessage?: string
  ): void {
    this.handler.onResponseStart?.(controller, statusCode, headers, statusMessage)
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.handler.onResponseData?.(controller, chunk)
  }

  onResponseEnd(
    controller: Dispatcher.DispatchController,
    trailers: Parameters<NonNullable<Dispatcher.DispatchHandler["onResponseEnd"]>>[1]
  ): void {
    this.handler.onResponseEnd?.(controller, trailers)
  }

  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    this.handler.onResponseError?.(controller, error)
  }
}

/**
 * The dispatcher, with requests that carry {@link whenWritten} reporting
 * when a socket takes them.
 *
 * @internal
 */
export const reportingWrites = (dispatcher: Dispatcher): Dispatcher =>
  dispatcher.compose((dispatch) => (options, handler) => {
    const { signal, [whenWritten]: written } = options as ReportingOptions & {
      readonly signal?: { readonly aborted: boolean }
    }
    return dispatch(options, written === undefined ? handler : new ReportingHandler(handler, written, signal))
  })
