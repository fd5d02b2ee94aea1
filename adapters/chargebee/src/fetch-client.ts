import { PortalError, parseRetryAfter } from "@portalkit/core";
import type { HttpClientInterface } from "chargebee";
import { CHARGEBEE_PROVIDER_ID } from "./provider-id";

/**
 * The SDK's HTTP layer, replaced. The SDK reports every body it cannot parse as a 500
 * `internal_error` whatever the real status was, and a dropped connection as a raw
 * fetch error. Here both become retryable PortalErrors that keep the real status and
 * Retry-After, and the per-request timeout becomes a `timeout` PortalError.
 */
export function createFetchClient(): HttpClientInterface {
  return {
    async makeApiRequest(request: Request, timeoutMs: number): Promise<Response> {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      let response: Response;
      try {
        response = await fetch(new Request(request, { signal: controller.signal }));
      } catch (error) {
        throw controller.signal.aborted ? timeoutError(timeoutMs) : networkError(error);
      } finally {
        clearTimeout(timer);
      }
      if (response.status >= 200 && response.status < 300) return response;
      const contentType = response.headers.get("content-type") ?? "";
      if (contentType.includes("json")) return response;
      // A proxy or load balancer answered, not the Chargebee API: nothing in the body to map.
      await response.arrayBuffer().catch(() => undefined);
      throw nonJsonError(response);
    },
  };
}

function timeoutError(timeoutMs: number): PortalError {
  return new PortalError({
    code: "timeout",
    provider: CHARGEBEE_PROVIDER_ID,
    message: `Chargebee did not answer within ${timeoutMs} ms`,
  });
}

function networkError(cause: unknown): PortalError {
  return new PortalError({
    code: "unavailable",
    provider: CHARGEBEE_PROVIDER_ID,
    message: "Could not reach Chargebee (the connection failed or was reset)",
    cause,
  });
}

function nonJsonError(response: Response): PortalError {
  const status = response.status;
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  const code = status === 429 ? "rate_limited" : status === 408 || status === 504 ? "timeout" : "unavailable";
  return new PortalError({
    code,
    provider: CHARGEBEE_PROVIDER_ID,
    status,
    retryable: true,
    message: `Chargebee answered HTTP ${status} without a JSON error body`,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}
