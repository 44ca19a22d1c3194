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

const documented: Readonly<Record<number, StatusClass>> = {
  400: {
    make: (fields) => new UizaError.BadRequestError(fields),
    defaultMessage: "The request was unacceptable, often due to missing a required parameter."
  },
  401: {
    make: (fields) => new UizaError.UnauthorizedError(fields),
    defaultMessage: "No valid API key provided."
  },
  404: {
    make: (fields) => new UizaError.NotFoundError(fields),
    defaultMessage: "The requested resource doesn't exist."
  },
  422: {
    make: (fields) => new UizaError.UnprocessableError(fields),
    defaultMessage: "The syntax of the request is correct (often cause of wrong parameter)"
  },
  500: {
    make: (fields) => new UizaError.InternalServerError(fields),
    defaultMessage: "We had a problem with our server. Try again later."
  },
  503: {
    make: (fields) => new UizaError.ServiceUnavailableError(fields),
    defaultMessage: "The server is overloaded or down for maintenance."
  }
}

const otherClientError: StatusClass = {
  make: (fields) => new UizaError.ClientError(fields),
  defaultMessage: "The error seems to have been caused by the client."
}

const otherServerError: StatusClass = {
  make: (fields) => new UizaError.ServerError(fields),
  defaultMessage: "The server is aware that it has encountered an error."
}

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
