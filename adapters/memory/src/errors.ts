import { codeFromHttpStatus, PortalError, parseRetryAfter, vendorParamToField } from "@portalkit/core";
import { PROVIDER_ID } from "./normalize";
import type { WireError } from "./wire";

function readWireError(text: string): WireError["error"] | undefined {
  try {
    const body = JSON.parse(text) as Partial<WireError> | null;
    const error = body?.error;
    return error && typeof error.message === "string" ? error : undefined;
  } catch {
    return undefined;
  }
}

/** An HTTP error answer (a JSON error body, or whatever a proxy put in front of it) as a PortalError. */
export function errorFromResponse(response: Response, text: string): PortalError {
  const wire = readWireError(text);
  const code = codeFromHttpStatus(response.status);
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  const requestId = response.headers.get("request-id");
  return new PortalError({
    code,
    provider: PROVIDER_ID,
    status: response.status,
    message: wire?.message ?? `The billing API answered HTTP ${response.status} without an error body`,
    ...(wire ? { providerCode: wire.type } : {}),
    ...(wire?.param ? { field: vendorParamToField(wire.param) } : {}),
    ...(requestId ? { requestId } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

/**
 * The error table: anything else a call meets (a bug, an answer of the wrong shape) still
 * leaves as a PortalError. The client has already mapped HTTP answers and network failures.
 */
export function toPortalError(error: unknown, provider: string): PortalError {
  if (PortalError.isInstance(error)) return error;
  return new PortalError({
    code: "unavailable",
    provider,
    retryable: false,
    message: "Unexpected answer from the billing API",
    cause: error,
  });
}
