import { PortalError, type PortalErrorCode, vendorParamToField } from "@portalkit/core";

/** The fields of the SDK's `ApiError` this adapter reads (duck-typed: two SDK copies may coexist). */
interface PaddleApiErrorLike {
  type: string;
  code: string;
  detail: string;
  errors: Array<{ field?: string; message?: string }> | null;
  retryAfter: number | null;
}

function isApiError(error: unknown): error is PaddleApiErrorLike {
  if (!(error instanceof Error)) return false;
  const e = error as unknown as Record<string, unknown>;
  return typeof e.code === "string" && typeof e.type === "string" && "retryAfter" in e;
}

/** Paddle answers a missing or wrong key with HTTP 403 and one of these codes. */
const UNAUTHENTICATED = new Set(["invalid_token", "authentication_missing", "authentication_malformed"]);
const BY_CODE: Record<string, PortalErrorCode> = {
  forbidden: "forbidden",
  not_found: "not_found",
  entity_not_found: "not_found",
  too_many_requests: "rate_limited",
  conflict: "conflict",
  payment_declined: "payment_failed",
  transaction_payment_method_declined: "payment_failed",
  subscription_locked_pending_changes: "conflict",
  subscription_locked_processing: "conflict",
  subscription_update_when_canceled: "conflict",
  subscription_is_canceled_action_invalid: "conflict",
  internal_error: "unavailable",
  service_unavailable: "unavailable",
};

/**
 * Paddle's address fields as the input field they come from (`country_code` is
 * `address.country`): only an address request sends them.
 */
const ADDRESS_FIELDS: Readonly<Record<string, string>> = {
  first_line: "address.line1",
  second_line: "address.line2",
  city: "address.city",
  postal_code: "address.postalCode",
  region: "address.state",
  country_code: "address.country",
};

function classify(error: PaddleApiErrorLike): PortalErrorCode {
  if (UNAUTHENTICATED.has(error.code)) return "unauthenticated";
  const known = BY_CODE[error.code];
  if (known) return known;
  // `api_error` is Paddle's side failing; `request_error` is a request Paddle refused.
  return error.type === "api_error" ? "unavailable" : "invalid_request";
}

/** Any failure of the Paddle SDK (or of this adapter) as a PortalError. */
export function toPortalError(error: unknown, provider: string): PortalError {
  if (PortalError.isInstance(error)) return error;
  if (!isApiError(error)) {
    // fetch rejects with a TypeError when the connection fails; a body that is not JSON (an
    // HTML page from a proxy, a cut-off answer) is a SyntaxError: the request may not have
    // been processed, and a retry (after reading the state, for a mutation) is safe.
    const transport = error instanceof SyntaxError || (error instanceof TypeError && /fetch/i.test(error.message));
    return new PortalError({
      code: "unavailable",
      provider,
      retryable: transport,
      message: `Paddle request failed: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
  }
  const options: ConstructorParameters<typeof PortalError>[0] = {
    code: classify(error),
    provider,
    message: `Paddle: ${error.detail || error.code}`,
    providerCode: error.code,
    cause: error,
  };
  const field = error.errors?.find((entry) => typeof entry.field === "string" && entry.field !== "")?.field;
  if (field !== undefined) options.field = ADDRESS_FIELDS[field] ?? vendorParamToField(field);
  if (typeof error.retryAfter === "number" && Number.isFinite(error.retryAfter) && error.retryAfter >= 0) {
    options.retryAfterMs = error.retryAfter * 1000;
  }
  return new PortalError(options);
}
