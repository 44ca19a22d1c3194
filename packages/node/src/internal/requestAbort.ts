/**
 * The abort signal of one request, in the `EventEmitter` form undici's
 * `request()` takes for `signal` (`aborted`, `reason`, `on`/`once` and
 * `removeListener` of `"abort"`).
 *
 * An `AbortController` and its `AbortSignal` are an `EventTarget`: making
 * one and adding undici's listener to it costs a request on loopback more
 * CPU than undici's own work for it (docs/benchmarks.md). A request has at
 * most a listener or two, so a list does.
 *
 * @internal
 */
export class RequestAbort {
  aborted = false
  reason: unknown = undefined
  private listeners: Array<() => void> = []

  on(_event: "abort", listener: () => void): this {
    if (!this.aborted) this.listeners.push(listener)
    return this
  }

  once(event: "abort", listener: () => void): this {
    return this.on(event, listener)
  }

  removeListener(_event: "abort", listener: () => void): this {
    const index = this.listeners.indexOf(listener)
    if (index >= 0) this.listeners.splice(index, 1)
    return this
  }

  /** Aborts the request with `reason`; only the first call counts. */
  abort(reason: unknown): void {
    if (this.aborted) return
    this.aborted = true
    this.reason = reason
    const listeners = this.listeners
    this.listeners = []
    for (const listener of listeners) listener()
  }
}
