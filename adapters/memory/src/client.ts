import { PortalError, type RetryOptions, withRetry } from "@portalkit/core";
import { errorFromResponse } from "./errors";
import { PROVIDER_ID } from "./normalize";

/** The fetch standard's signature: global `fetch`, or an in-process backend's `fetch`. */
export type FetchLike = (request: Request) => Promise<Response>;

export interface ApiClientOptions {
  baseUrl: string;
  apiKey?: string;
  fetch: FetchLike;
  retry?: RetryOptions;
  timeoutMs: number;
}

export interface ApiRequest {
  method: "GET" | "POST";
  path: string;
  query?: Record<string, string | undefined>;
  body?: object;
  /** For a mutation: made once by the caller and sent with every attempt. */
  idempotencyKey?: string;
}

export interface ApiClient {
  /** Sends a request, retrying what is safe to retry within the configured bounds. */
  request<T>(request: ApiRequest): Promise<T>;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  async function attempt<T>(spec: ApiRequest): Promise<T> {
    const url = new URL(spec.path, options.baseUrl);
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    const headers = new Headers({ accept: "application/json" });
    if (options.apiKey) headers.set("authorization", `Bearer ${options.apiKey}`);
    if (spec.idempotencyKey) headers.set("idempotency-key", spec.idempotencyKey);
    if (spec.body) headers.set("content-type", "application/json");

    // The timer bounds the whole exchange, body included, and works even when the
    // fetch function ignores the abort signal (an in-process backend).
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(
          new PortalError({
            code: "timeout",
            provider: PROVIDER_ID,
            message: `No answer from the billing API within ${options.timeoutMs} ms`,
          }),
        );
      }, options.timeoutMs);
    });
    try {
      const request = new Request(url, {
        method: spec.method,
        headers,
        signal: controller.signal,
        ...(spec.body ? { body: JSON.stringify(spec.body) } : {}),
      });
      const response = await Promise.race([options.fetch(request), timeout]);
      const text = await Promise.race([response.text(), timeout]);
      if (!response.ok) throw errorFromResponse(response, text);
      try {
        return JSON.parse(text) as T;
      } catch (cause) {
        throw new PortalError({
          code: "unavailable",
          provider: PROVIDER_ID,
          status: response.status,
          message: "The billing API answered with a body that is not JSON",
          cause,
        });
      }
    } catch (error) {
      if (PortalError.isInstance(error)) throw error;
      throw new PortalError({
        code: "unavailable",
        provider: PROVIDER_ID,
        message: "Could not reach the billing API",
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    request: (spec) => withRetry(() => attempt(spec), options.retry),
  };
}
