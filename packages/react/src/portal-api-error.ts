import type { PortalErrorCode } from "@portalkit/core";

/** `internal`: the server answered 500 or not JSON; `network`: no answer reached the page. */
export type PortalApiErrorCode = PortalErrorCode | "internal" | "network";

/**
 * An error answer of the portal routes, `{ error: { code, message, field? } }`, or no answer
 * at all. Tell it apart by `name === "PortalApiError"`.
 */
export interface PortalApiError extends Error {
  name: "PortalApiError";
  code: PortalApiErrorCode;
  /** The HTTP status; 0 when the request failed before an answer. */
  status: number;
  /** The offending input as a dotted path (`returnUrl`, `limit`), when the server names one. */
  field?: string;
}

// A plain Error with the answer's fields rather than a class: the bindings' whole budget is 1 kB.
export const portalApiError = (status: number, answer: Partial<PortalApiError> = {}) =>
  Object.assign(new Error(answer.message ?? `${status}`), {
    name: "PortalApiError",
    code: "internal",
    ...answer,
    status,
  }) as PortalApiError;
