/**
 * The JSON envelopes of the Uiza v3 API: every reply, success or error,
 * carries the same metadata around its `data`.
 */

/** One entry of a 422 reply's `data`. */
export interface FieldError {
  readonly type: string
  readonly field: string
  readonly message: string
}

export const validationMessage = "Parameters validation error!"

/** The `metadata` of a list reply. */
export interface ListMetadata {
  readonly total: number
  readonly result: number
  readonly page: number
  readonly limit: number
}

/**
 * What a route answers on success. `data` absent means the envelope has no
 * `data` key at all (the recorded logout shape), not `data: null`.
 */
export interface Success {
  readonly data?: unknown
  readonly metadata?: ListMetadata | undefined
  /** The top-level `message`; `"OK"` by default. */
  readonly message?: string | undefined
}

export const meta = (now: Date) => ({
  version: 3,
  datetime: now.toISOString(),
  policy: "public",
  requestId: crypto.randomUUID(),
  serviceName: "api"
})

export const success = (reply: Success, now: Date = new Date()) => ({
  ...("data" in reply ? { data: reply.data } : {}),
  ...(reply.metadata === undefined ? {} : { metadata: reply.metadata }),
  ...meta(now),
  message: reply.message ?? "OK",
  code: 200,
  type: "SUCCESS"
})

export const error = (status: number, message: string, retryable = false, now: Date = new Date()) => ({
  code: status,
  type: "ERROR",
  message,
  retryable,
  data: null,
  ...meta(now)
})

/** A 422 whose `data` lists the field errors. */
export const validationError = (fields: ReadonlyArray<FieldError>, now: Date = new Date()) => ({
  ...error(422, validationMessage, false, now),
  data: fields
})

export const logoutMessage: string = "Logout success"
