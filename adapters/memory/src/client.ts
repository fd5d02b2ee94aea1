import {
  DEFAULT_MAX_RESPONSE_BYTES,
  declaresMoreThan,
  PortalError,
  readBounded,
  responseTooLarge,
} from "@portalkit/core";
import { errorFromResponse } from "./errors";
import { PROVIDER_ID } from "./normalize";
import { type FetchLike, MEMORY_API_URL, type MemoryProviderOptions } from "./options";

export interface ApiRequest {
  method: "GET" | "POST";
  path: string;
  query?: Record<string, string | undefined>;
  body?: object;
  /** For a mutation: made once by the kit and sent with every attempt. */
  idempotencyKey?: string;
}

/** The vendor client: one HTTP exchange per call. Retries and the deadline are the kit's. */
export interface ApiClient {
  request<T>(request: ApiRequest): Promise<T>;
}

export function createApiClient(options: MemoryProviderOptions): ApiClient {
  const baseUrl = options.baseUrl ?? MEMORY_API_URL;
  const send: FetchLike = options.fetch ?? ((request) => globalThis.fetch(request));
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const tooLarge = () => responseTooLarge(PROVIDER_ID, maxBytes);
  const decoder = new TextDecoder();

  async function request<T>(spec: ApiRequest): Promise<T> {
    const url = new URL(spec.path, baseUrl);
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    const headers = new Headers({ accept: "application/json" });
    if (options.apiKey) headers.set("authorization", `Bearer ${options.apiKey}`);
    if (spec.idempotencyKey) headers.set("idempotency-key", spec.idempotencyKey);
    if (spec.body) headers.set("content-type", "application/json");
    let response: Response;
    let text: string;
    try {
      response = await send(
        new Request(url, {
          method: spec.method,
          headers,
          ...(spec.body ? { body: JSON.stringify(spec.body) } : {}),
        }),
      );
      if (declaresMoreThan(response.headers.get("content-length"), maxBytes)) {
        await response.body?.cancel().catch(() => undefined);
        throw tooLarge();
      }
      text = response.body ? decoder.decode(await readBounded(response.body, maxBytes, tooLarge)) : "";
    } catch (cause) {
      if (PortalError.isInstance(cause)) throw cause;
      throw new PortalError({
        code: "unavailable",
        provider: PROVIDER_ID,
        message: "Could not reach the billing API",
        cause,
      });
    }
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
  }

  return { request };
}
