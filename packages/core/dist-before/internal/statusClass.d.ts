import * as UizaError from "../UizaError.js";
/**
 * A class of error replies: the error to build and the documented message
 * used when the reply has none.
 *
 * @internal
 */
export interface StatusClass {
    readonly make: (fields: ConstructorParameters<typeof UizaError.ClientError>[0]) => UizaError.StatusError;
    readonly defaultMessage: string;
}
/**
 * The class of an error reply that carries no error status at all.
 *
 * @internal
 */
export declare const unclassifiedError: StatusClass;
/**
 * The class of an error status: a documented one, else the 4xx or 5xx
 * catch-all. Anything that is not a 4xx is treated as a server-side error.
 *
 * @internal
 */
export declare const statusClassOf: (status: number) => StatusClass;
/**
 * Whether a reply with this status may be retried safely.
 *
 * @internal
 */
export declare const isRetryableStatus: (status: number) => boolean;
//# sourceMappingURL=statusClass.d.ts.map