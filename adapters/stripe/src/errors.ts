import type { PortalErrorCode } from "@portalkit/core";
import { PortalError, parseRetryAfter, responseTooLarge, vendorParamToField } from "@portalkit/core/adapter";
import { bodyOverLimit } from "./bounded-http-client";

/** The fields of a stripe-node `StripeError` this adapter reads (duck-typed: two SDK copies may coexist). */
interface StripeErrorLike {
  type: string;
  message: string;
  rawType?: string;
  code?: string;
  param?: string;
  statusCode?: number;
  requestId?: string;
  headers?: Record<string, string>;
  detail?: unknown;
}

function isStripeError(error: unknown): error is StripeErrorLike {
  if (!(error instanceof Error)) return false;
  const type = (error as { type?: unknown }).type;
  return typeof type === "string" && type.startsWith("Stripe");
}

function isTimeout(error: StripeErrorLike): boolean {
  const detail = error.detail as { code?: unknown } | undefined;
  return detail?.code === "ETIMEDOUT" || /timeout/i.test(error.message);
}

function classify(error: StripeErrorLike): { code: PortalErrorCode } {
  const status = error.statusCode;
  if (error.type === "StripeIdempotencyError" || error.rawType === "idempotency_error") return { code: "conflict" };
  switch (error.type) {
    case "StripeCardError":
      return { code: "payment_failed" };
    case "StripeRateLimitError":
      return { code: "rate_limited" };
    case "StripeAuthenticationError":
      return { code: "unauthenticated" };
    case "StripePermissionError":
      return { code: "forbidden" };
    case "StripeConnectionError":
      return { code: isTimeout(error) ? "timeout" : "unavailable" };
    case "StripeInvalidRequestError":
      if (status === 404 || error.code === "resource_missing") return { code: "not_found" };
      return { code: "invalid_request" };
  }
  if (status === 429) return { code: "rate_limited" };
  if (status === 409) return { code: "conflict" };
  // A StripeAPIError without a status is a body that was not JSON (an HTML page from a proxy, a
  // cut-off answer): the request may not have been processed, and a retry is safe.
  if (status === undefined || status >= 500) return { code: "unavailable" };
  if (status === 401) return { code: "unauthenticated" };
  if (status === 403) return { code: "forbidden" };
  if (status === 404) return { code: "not_found" };
  return { code: "invalid_request" };
}

/** Any failure from the stripe SDK (or from this adapter) as a PortalError. */
export function toPortalError(error: unknown, provider: string): PortalError {
  if (PortalError.isInstance(error)) return error;
  const limit = bodyOverLimit(error);
  if (limit !== undefined) return responseTooLarge(provider, limit);
  if (!isStripeError(error)) {
    return new PortalError({
      code: "unavailable",
      provider,
      retryable: false,
      message: `Stripe request failed: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
  }
  const { code } = classify(error);
  const retryAfter = error.headers?.["retry-after"];
  const options: ConstructorParameters<typeof PortalError>[0] = {
    code,
    provider,
    message: `Stripe: ${error.message || error.type}`,
    cause: error,
  };
  if (error.statusCode !== undefined) options.status = error.statusCode;
  if (error.param) options.field = vendorParamToField(error.param);
  if (error.code) options.providerCode = error.code;
  else if (error.rawType) options.providerCode = error.rawType;
  if (error.requestId) options.requestId = error.requestId;
  const retryAfterMs = parseRetryAfter(retryAfter);
  if (retryAfterMs !== undefined) options.retryAfterMs = retryAfterMs;
  return new PortalError(options);
}
