import * as UizaError from "../UizaError.js"

/**
 * A class of error replies: the error to build and the documented message
 * used when the reply has none.
 *
 * @internal
 */
export interface StatusClass {
  readonly make: (fields: ConstructorParameters<typeof UizaError.ClientError>[0]) => UizaError.StatusError
  readonly defaultMessage: string
}

type StatusErrorClass = new(fields: ConstructorParameters<typeof UizaError.ClientError>[0]) => UizaError.StatusError

const classOf = (ErrorClass: StatusErrorClass, defaultMessage: string): StatusClass => ({
  make: (fields) => new ErrorClass(fields),
  defaultMessage
})

const documented: Readonly<Record<number, StatusClass>> = {
  400: classOf(
    UizaError.BadRequestError,
    "The request was unacceptable, often due to missing a required parameter."
  ),
  401: classOf(UizaError.UnauthorizedError, "No valid API key provided."),
  404: classOf(UizaError.NotFoundError, "The requested resource doesn't exist."),
  422: classOf(
    UizaError.UnprocessableError,
    "The syntax of the request is correct (often cause of wrong parameter)"
  ),
  500: classOf(UizaError.InternalServerError, "We had a problem with our server. Try again later."),
  503: classOf(UizaError.ServiceUnavailableError, "The server is overloaded or down for maintenance.")
}

const otherClientError = classOf(UizaError.ClientError, "The error seems to have been caused by the client.")

const otherServerError = classOf(UizaError.ServerError, "The server is aware that it has encountered an error.")

/**
 * The class of an error reply that carries no error status at all.
 *
 * @internal
 */
export const unclassifiedError: StatusClass = otherServerError

/**
 * The class of an error status: a documented one, else the 4xx or 5xx
 * catch-all. Anything that is not a 4xx is treated as a server-side error.
 *
 * @internal
 */
export const statusClassOf = (status: number): StatusClass =>
  documented[status] ?? (status >= 400 && status < 500 ? otherClientError : otherServerError)

// The statuses a server uses for "try again": the request did not take effect.
const retryableStatuses: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504])

/**
 * Whether a reply with this status may be retried safely.
 *
 * @internal
 */
export const isRetryableStatus = (status: number): boolean => retryableStatuses.has(status)
