import type { PortalErrorCode } from "@portalkit/core";
import { codeFromHttpStatus, PortalError, parseRetryAfter, vendorParamToField } from "@portalkit/core/adapter";
import { CHARGEBEE_PROVIDER_ID } from "./provider-id";

/** The plain object the SDK rejects with for a JSON error body (and the fields of its ChargebeeError). */
interface ChargebeeErrorShape {
  message?: unknown;
  type?: unknown;
  api_error_code?: unknown;
  error_code?: unknown;
  param?: unknown;
  error_param?: unknown;
  http_status_code?: unknown;
  http_code?: unknown;
  headers?: unknown;
}

const CODE_BY_API_ERROR: Readonly<Record<string, PortalErrorCode>> = {
  resource_not_found: "not_found",
  api_authentication_failed: "unauthenticated",
  basic_authentication_failed: "unauthenticated",
  api_authorization_failed: "forbidden",
  invalid_state_for_request: "conflict",
  duplicate_entry: "conflict",
  param_wrong_value: "invalid_request",
  invalid_request: "invalid_request",
  unable_to_process_request: "invalid_request",
  resource_limit_exhausted: "invalid_request",
  payment_processing_failed: "payment_failed",
  payment_method_verification_failed: "payment_failed",
  payment_method_not_present: "payment_failed",
  payment_gateway_currency_incompatible: "payment_failed",
  api_request_limit_exceeded: "rate_limited",
  lock_timeout: "rate_limited",
  internal_error: "unavailable",
  internal_temporary_error: "unavailable",
  db_connection_failure: "unavailable",
  site_not_ready: "unavailable",
  request_blocked: "unavailable",
  gateway_timeout: "timeout",
};

/** Errors the SDK makes itself when a body could not be read: the request may be tried again. */
const SDK_TRANSIENT_TYPES = new Set(["internal_error", "internal_temporary_error", "gateway_timeout", "timeout"]);

/** Turns whatever the SDK rejected with into a PortalError. */
export function toPortalError(error: unknown, provider: string = CHARGEBEE_PROVIDER_ID): PortalError {
  if (PortalError.isInstance(error)) return error;
  if (typeof error !== "object" || error === null) {
    return new PortalError({
      code: "unavailable",
      provider,
      message: "Chargebee request failed",
      cause: error,
    });
  }
  const shape = error as ChargebeeErrorShape;
  const apiErrorCode = stringOf(shape.api_error_code) ?? stringOf(shape.error_code);
  const type = stringOf(shape.type);
  const status = numberOf(shape.http_status_code) ?? numberOf(shape.http_code);
  if (apiErrorCode === undefined && type === undefined && status === undefined) {
    return new PortalError({
      code: "unavailable",
      provider,
      message: "Chargebee request failed",
      retryable: false,
      cause: error,
    });
  }

  // An SDK-made error (`instanceof Error`) for a body it could not parse: its status is not the real one.
  const sdkMade = error instanceof Error && type !== undefined && SDK_TRANSIENT_TYPES.has(type);
  let code: PortalErrorCode;
  if (sdkMade) code = type === "gateway_timeout" || type === "timeout" ? "timeout" : "unavailable";
  else if (apiErrorCode !== undefined && CODE_BY_API_ERROR[apiErrorCode]) code = CODE_BY_API_ERROR[apiErrorCode];
  else if (type === "payment") code = "payment_failed";
  else code = status !== undefined ? codeFromHttpStatus(status) : "unavailable";

  const param = stringOf(shape.param) ?? stringOf(shape.error_param);
  const retryAfterMs = parseRetryAfter(headerOf(shape.headers, "retry-after"));
  const message = stringOf(shape.message) ?? `Chargebee answered ${apiErrorCode ?? `HTTP ${status}`}`;
  return new PortalError({
    code,
    provider,
    message,
    ...(sdkMade ? { retryable: true } : {}),
    ...(status !== undefined && !sdkMade ? { status } : {}),
    ...(param !== undefined ? { field: vendorParamToField(param) } : {}),
    ...(apiErrorCode !== undefined ? { providerCode: apiErrorCode } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    cause: { name: "ChargebeeError", message },
  });
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function numberOf(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (typeof headers !== "object" || headers === null) return undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}
