import Chargebee from "chargebee";
import { createFetchClient } from "./fetch-client";
import { type ChargebeeProviderOptions, DEFAULT_TIMEOUT_MS } from "./options";

/**
 * The official SDK with its own retries off (turned on, it waits out every 429 with no
 * upper bound; the kit's retries are bounded) and its HTTP layer replaced. The SDK's own
 * per-request timeout is the deadline.
 */
export function createChargebeeClient(options: ChargebeeProviderOptions): Chargebee {
  const base = new URL(options.apiBaseUrl ?? `https://${options.site}.chargebee.com`);
  const protocol = base.protocol === "http:" ? "http" : "https";
  return new Chargebee({
    site: base.hostname,
    hostSuffix: "",
    protocol,
    port: base.port ? Number(base.port) : protocol === "http" ? 80 : 443,
    apiKey: options.apiKey,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    // Stryker disable next-line ObjectLiteral: off is the SDK's default too; said here against a change of default
    retryConfig: { enabled: false },
    httpClient: createFetchClient(options.maxResponseBytes),
  });
}
