import Stripe from "stripe";
import { createBoundedHttpClient } from "./bounded-http-client";
import { DEFAULT_TIMEOUT_MS, type StripeConnectionOptions } from "./options";

/**
 * The SDK client behind a provider. Retries are portalkit's (the kit's: bounded in attempts
 * and total wait, Retry-After honoured, and 429 retried, which the SDK does only when Stripe
 * adds `Stripe-Should-Retry: true`), so the SDK's are off.
 */
export function createStripeClient(options: StripeConnectionOptions): Stripe {
  const base = new URL(options.apiBase ?? "https://api.stripe.com");
  const protocol = base.protocol === "http:" ? "http" : "https";
  return new Stripe(options.secretKey, {
    host: base.hostname,
    port: base.port || (protocol === "http" ? 80 : 443),
    protocol,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxNetworkRetries: 0,
    httpClient: createBoundedHttpClient(options.maxResponseBytes),
    telemetry: false,
    appInfo: { name: "portalkit" },
  });
}

/**
 * The SDK's own timeout rests on socket events that not every transport emits (an
 * intercepted request, a proxy that keeps the socket busy), so the kit holds the deadline.
 */
export function stripeDeadline(options: StripeConnectionOptions): number {
  return options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
}
