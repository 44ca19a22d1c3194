/**
 * The keys of the references a call sets for its HTTP client. The call sets
 * them in its services by key, without their classes: a bundle whose client
 * reads none of them (the app's own `FetchHttpClient`) carries none of the
 * classes, which a bundler keeps once they are referred to.
 *
 * @internal
 */
export const maxResponseBytesKey = "@uiza-effect/core/ResponseBodyLimit/MaxResponseBytes"

/** @internal */
export const reportDeliveryKey = "@uiza-effect/core/RequestDelivery/Report"

/** @internal */
export const registerCancelKey = "@uiza-effect/core/RequestCancellation/Register"
