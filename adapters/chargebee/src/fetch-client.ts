import {
  DEFAULT_MAX_RESPONSE_BYTES,
  declaresMoreThan,
  PortalError,
  parseRetryAfter,
  readBounded,
  responseTooLarge,
} from "@portalkit/core/adapter";
import type { HttpClientInterface } from "chargebee";
import { CHARGEBEE_PROVIDER_ID } from "./provider-id";

/**
 * The SDK's HTTP layer, replaced. The SDK reports every body it cannot parse as a 500
 * `internal_error` whatever the real status was, and a dropped connection as a raw
 * fetch error. Here both become retryable PortalErrors that keep the real status and
 * Retry-After, and the per-request timeout becomes a `timeout` PortalError. The body is
 * read here, bounded (`maxResponseBytes`) and under the same timeout, and handed to the SDK
 * whole: past the limit reading stops and the call fails with an `unavailable` PortalError.
 */
export function createFetchClient(maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES): HttpClientInterface {
  const tooLarge = () => responseTooLarge(CHARGEBEE_PROVIDER_ID, maxResponseBytes);
  return {
    async makeApiRequest(request: Request, timeoutMs: number): Promise<Response> {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      let response: Response;
      let body: Uint8Array | undefined;
      try {
        // One Request: fetch builds its own from the SDK's and the signal.
        response = await fetch(request, { signal: controller.signal });
        const oversized = declaresMoreThan(response.headers.get("content-length"), maxResponseBytes);
        if (isJsonAnswer(response)) {
          if (oversized) {
            await response.body?.cancel().catch(() => undefined);
            throw tooLarge();
          }
          body = response.body ? await readBounded(response.body, maxResponseBytes, tooLarge) : undefined;
        } else if (response.body) {
          // A proxy or load balancer answered, not the Chargebee API: nothing in the body to
          // map. It is drained (bounded) so that the connection can be reused.
          if (oversized) await response.body.cancel().catch(() => undefined);
          else await readBounded(response.body, maxResponseBytes, tooLarge).catch(() => undefined);
        }
      } catch (error) {
        if (PortalError.isInstance(error)) throw error;
        throw controller.signal.aborted ? timeoutError(timeoutMs) : networkError(error);
      } finally {
        clearTimeout(timer);
      }
      if (!isJsonAnswer(response)) throw nonJsonError(response);
      return readAnswer(response, body);
    },
  };
}

const decoder = new TextDecoder();

/**
 * The answer the SDK reads (its status, its headers and `json()`, nothing else), with the
 * bytes already read. `json()` is shadowed on the response itself: a second Response around
 * them would copy the headers and the body once more on every request.
 */
function readAnswer(response: Response, body: Uint8Array | undefined): Response {
  response.json = async () => JSON.parse(body ? decoder.decode(body) : "");
  return response;
}

/** A success, or an error the API itself answered (in JSON). */
function isJsonAnswer(response: Response): boolean {
  if (response.status >= 200 && response.status < 300) return true;
  return (response.headers.get("content-type") ?? "").includes("json");
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
