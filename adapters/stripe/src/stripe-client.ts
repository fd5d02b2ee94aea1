import {
  createIdempotencyKey,
  PortalError,
  type RetryOptions,
  RetryOptionsSchema,
  registerSecret,
  UrlSchema,
  withRetry,
} from "@portalkit/core";
import Stripe from "stripe";
import * as z from "zod";
import { createBoundedHttpClient } from "./bounded-http-client";
import { toPortalError } from "./stripe-error";

export interface StripeConnectionOptions {
  /** A secret (`sk_…`) or restricted (`rk_…`) key. It is only ever sent to Stripe. */
  secretKey: string;
  /** Where the API lives; default `https://api.stripe.com`. A simulator on loopback: `http://127.0.0.1:PORT`. */
  apiBase?: string;
  /** Bounds for retrying 429, 5xx, connection failures and timeouts. */
  retry?: RetryOptions;
  /** Per-request timeout; default 30 000 ms. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Runs SDK calls with portalkit's retry bounds, answering only PortalError. */
export interface StripeRunner {
  readonly stripe: Stripe;
  read<T>(call: (stripe: Stripe) => Promise<T>): Promise<T>;
  /** One idempotency key for every attempt of this mutation. */
  mutate<T>(call: (stripe: Stripe, options: Stripe.RequestOptions) => Promise<T>): Promise<T>;
}

/**
 * The connection options both Stripe-backed providers take. Not strict: the providers'
 * own schemas add their options and refuse unknown keys.
 */
export const StripeConnectionOptionsSchema = z.object({
  secretKey: z.string().trim().min(1, "must be a Stripe secret key"),
  apiBase: UrlSchema.optional(),
  retry: RetryOptionsSchema.optional(),
  timeoutMs: z.number().int().positive().optional(),
});

/** The SDK client behind a provider, with portalkit's retries, deadline and error mapping. */
export function createStripeRunner(options: StripeConnectionOptions, provider: string): StripeRunner {
  const base = new URL(options.apiBase ?? "https://api.stripe.com");
  const protocol = base.protocol === "http:" ? "http" : "https";
  const stripe = new Stripe(options.secretKey, {
    host: base.hostname,
    port: base.port || (protocol === "http" ? 80 : 443),
    protocol,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    // Retries are portalkit's: bounded in attempts and total wait, Retry-After honoured, and 429
    // retried (the SDK retries a 429 only when Stripe adds `Stripe-Should-Retry: true`).
    maxNetworkRetries: 0,
    httpClient: createBoundedHttpClient(),
    telemetry: false,
    appInfo: { name: "portalkit" },
  });
  registerSecret(options.secretKey, stripe);

  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const attempt = async <T>(call: () => Promise<T>): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pending = call();
    // The SDK's own timeout rests on socket events that not every transport emits (an
    // intercepted request, a proxy that keeps the socket busy): this deadline always holds.
    // A late answer is dropped; a mutation's retry carries the same idempotency key.
    pending.catch(() => undefined);
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new PortalError({
              code: "timeout",
              provider,
              message: `Stripe did not answer within ${timeoutMs} ms`,
            }),
          ),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([pending, deadline]);
    } catch (error) {
      throw toPortalError(error, provider);
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    stripe,
    read: (call) => withRetry(() => attempt(() => call(stripe)), options.retry),
    mutate: (call) => {
      const idempotencyKey = createIdempotencyKey();
      return withRetry(() => attempt(() => call(stripe, { idempotencyKey })), options.retry);
    },
  };
}
