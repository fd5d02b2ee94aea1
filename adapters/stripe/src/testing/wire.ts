import { randomBytes } from "node:crypto";
import { retryAfterHeader, type StatusErrorDetails } from "@portalkit/core/testing";

/** Stripe's error object, as the API sends it under `error`. */
export interface StripeWireError {
  type: "api_error" | "card_error" | "idempotency_error" | "invalid_request_error";
  message: string;
  code?: string;
  param?: string;
  doc_url?: string;
}

export function stripeId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;
}

/** A Stripe JSON answer, with the `request-id` header every Stripe response carries. */
export function stripeJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "content-type": "application/json",
      "request-id": stripeId("req"),
      "stripe-version": "2026-10-28.endive",
      ...headers,
    },
  });
}

export function stripeError(status: number, error: StripeWireError, headers: Record<string, string> = {}): Response {
  const body: StripeWireError = { ...error };
  if (error.code !== undefined && error.doc_url === undefined)
    body.doc_url = `https://docs.stripe.com/error-codes/${error.code.replace(/_/g, "-")}`;
  return stripeJson(status, { error: body }, headers);
}

export function resourceMissing(kind: string, id: string, param = "id", status = 404): Response {
  return stripeError(status, {
    type: "invalid_request_error",
    code: "resource_missing",
    message: `No such ${kind}: '${id}'`,
    param,
  });
}

export function parameterUnknown(param: string): Response {
  return stripeError(400, {
    type: "invalid_request_error",
    code: "parameter_unknown",
    message: `Received unknown parameter: ${param}`,
    param,
  });
}

export function invalidParameter(param: string, message: string, code = "parameter_invalid_string"): Response {
  return stripeError(400, { type: "invalid_request_error", code, message, param });
}

/**
 * The answer Stripe gives for a bare status: used by injected faults and by the
 * idempotency cache's conflict. A 429 is `rate_limit`, a 5xx an `api_error`.
 */
export function stripeStatusError(status: number, details: StatusErrorDetails): Response {
  const headers = retryAfterHeader(details.retryAfter);
  if (status === 400 && details.message.startsWith("Keys for idempotent requests")) {
    return stripeError(400, { type: "idempotency_error", message: details.message }, headers);
  }
  if (status === 429) {
    return stripeError(
      429,
      {
        type: "invalid_request_error",
        code: "rate_limit",
        message: "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.",
      },
      headers,
    );
  }
  if (status === 401) {
    return stripeError(401, { type: "invalid_request_error", message: details.message }, headers);
  }
  if (status === 402) {
    return stripeError(402, { type: "card_error", code: "card_declined", message: "Your card was declined." }, headers);
  }
  if (status === 404) {
    return stripeError(
      404,
      { type: "invalid_request_error", code: "resource_missing", message: details.message },
      headers,
    );
  }
  if (status >= 500) {
    return stripeError(status, { type: "api_error", message: details.message }, headers);
  }
  return stripeError(status, { type: "invalid_request_error", message: details.message }, headers);
}
