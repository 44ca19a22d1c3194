import type * as HttpClient from "@effect/platform/HttpClient";
import * as Effect from "effect/Effect";
import * as Option from "effect/Option";
import * as Redacted from "effect/Redacted";
import { type Settings, UizaConfig } from "../UizaConfig.js";
import * as UizaError from "../UizaError.js";
import { type CallOverrides } from "./callPolicy.js";
import { type Endpoint } from "./endpoint.js";
/**
 * Where a call goes and what it carries: the configured workspace, or, for
 * an endpoint called before there is a token, a target of its own.
 *
 * @internal
 */
export interface Target {
    readonly baseUrl: string;
    readonly authorization: Option.Option<Redacted.Redacted<string>>;
    readonly settings: Pick<Settings, "timeout" | "maxRetries" | "deadline" | "maxResponseBytes">;
    /** The client the target was built with; the `HttpClient` in context otherwise. */
    readonly httpClient: HttpClient.HttpClient | undefined;
}
/**
 * Calls an endpoint of the configured workspace with the call policy: input
 * validated and encoded before anything is sent, a timeout per attempt that
 * covers the whole body, retries that follow the endpoint's idempotency, an
 * optional overall deadline, one span and a debug log line per attempt.
 * Every failure is one of the SDK's errors.
 *
 * Every call goes through here, so it is written for a short path: the
 * services are read once, the span is annotated directly, and the retry
 * schedule is only built once an attempt has failed.
 *
 * @internal
 */
export declare const callApi: <I, A>(endpoint: Endpoint<I, A>, input: I, overrides?: CallOverrides) => Effect.Effect<A, UizaError.UizaError, HttpClient.HttpClient | UizaConfig>;
/**
 * Calls an endpoint at a target of its own, without the configured workspace:
 * creating a token, which happens before there is one.
 *
 * @internal
 */
export declare const callApiAt: <I, A>(endpoint: Endpoint<I, A>, input: I, target: Target, overrides?: CallOverrides) => Effect.Effect<A, UizaError.UizaError, HttpClient.HttpClient>;
//# sourceMappingURL=apiCall.d.ts.map