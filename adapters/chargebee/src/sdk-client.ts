import { createIdempotencyKey, type RetryOptions, registerSecret, withRetry } from "@portalkit/core";
import Chargebee, { type ChargebeeRequestHeader } from "chargebee";
import { createFetchClient } from "./fetch-client";
import { toPortalError } from "./map-error";
import type { ChargebeeProviderOptions } from "./options";

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface ChargebeeClient {
  readonly sdk: Chargebee;
  /** A read, retried within the bounds; every failure comes out as a PortalError. */
  read<T>(call: (sdk: Chargebee) => Promise<T>): Promise<T>;
  /** A mutation: one `chargebee-idempotency-key` for all of its attempts. */
  mutate<T>(call: (sdk: Chargebee, headers: ChargebeeRequestHeader) => Promise<T>): Promise<T>;
}

/**
 * The official SDK with its own retries off (turned on, it waits out every 429 with no
 * upper bound) and its HTTP layer replaced; core's `withRetry` bounds attempts and total wait.
 */
export function createChargebeeClient(options: ChargebeeProviderOptions): ChargebeeClient {
  const base = new URL(options.apiBaseUrl ?? `https://${options.site}.chargebee.com`);
  const protocol = base.protocol === "http:" ? "http" : "https";
  const sdk = new Chargebee({
    site: base.hostname,
    hostSuffix: "",
    protocol,
    port: base.port ? Number(base.port) : protocol === "http" ? 80 : 443,
    apiKey: options.apiKey,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retryConfig: { enabled: false },
    httpClient: createFetchClient(),
  });
  registerSecret(options.apiKey, sdk);
  const retry: RetryOptions | undefined = options.retry;

  async function attempt<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toPortalError(error);
    }
  }

  return {
    sdk,
    read: (call) => withRetry(() => attempt(() => call(sdk)), retry),
    mutate: (call) => {
      const headers: ChargebeeRequestHeader = { "chargebee-idempotency-key": createIdempotencyKey() };
      return withRetry(() => attempt(() => call(sdk, headers)), retry);
    },
  };
}
