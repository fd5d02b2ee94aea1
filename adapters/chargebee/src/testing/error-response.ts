import { retryAfterHeader, type StatusErrorDetails } from "@portalkit/core/testing";
import type { ChargebeeErrorBody } from "./wire";

export interface ChargebeeErrorOptions {
  type?: ChargebeeErrorBody["type"];
  param?: string;
  retryAfter?: number | string;
}

/** An error answer in Chargebee's wire format. */
export function chargebeeError(
  status: number,
  apiErrorCode: string,
  message: string,
  options: ChargebeeErrorOptions = {},
): Response {
  const body: ChargebeeErrorBody = {
    message,
    ...(options.type ? { type: options.type } : {}),
    api_error_code: apiErrorCode,
    ...(options.param ? { param: options.param } : {}),
    error_code: apiErrorCode,
    error_msg: message,
    ...(options.param ? { error_param: options.param } : {}),
    http_status_code: status,
  };
  const headers = { "content-type": "application/json;charset=utf-8", ...retryAfterHeader(options.retryAfter) };
  return new Response(JSON.stringify(body), { status, headers });
}

/** The error Chargebee answers for a bare status (used for injected faults). */
export function chargebeeErrorForStatus(status: number, details: StatusErrorDetails): Response {
  const retry = details.retryAfter !== undefined ? { retryAfter: details.retryAfter } : {};
  switch (status) {
    case 400:
      return chargebeeError(400, "invalid_request", details.message, { type: "invalid_request", ...retry });
    case 401:
      return chargebeeError(401, "api_authentication_failed", details.message, retry);
    case 402:
      return chargebeeError(402, "payment_processing_failed", details.message, { type: "payment", ...retry });
    case 403:
      return chargebeeError(403, "api_authorization_failed", details.message, retry);
    case 404:
      return chargebeeError(404, "resource_not_found", details.message, { type: "invalid_request", ...retry });
    case 409:
      return chargebeeError(409, "invalid_state_for_request", details.message, { type: "invalid_request", ...retry });
    case 429:
      return chargebeeError(429, "api_request_limit_exceeded", details.message, retry);
    case 503:
      return chargebeeError(503, "internal_temporary_error", details.message, retry);
    default:
      return status >= 500
        ? chargebeeError(status, "internal_error", details.message, retry)
        : chargebeeError(status, "invalid_request", details.message, { type: "invalid_request", ...retry });
  }
}

export const notFound = (what: string, param?: string) =>
  chargebeeError(404, "resource_not_found", `Sorry, we couldn't find that resource: ${what}`, {
    type: "invalid_request",
    ...(param ? { param } : {}),
  });

export const wrongValue = (param: string, problem: string) =>
  chargebeeError(400, "param_wrong_value", `${param} : ${problem}`, { type: "invalid_request", param });

export const invalidState = (message: string) =>
  chargebeeError(400, "invalid_state_for_request", message, { type: "invalid_request" });
