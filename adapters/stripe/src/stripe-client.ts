import {
  createIdempotencyKey,
  PortalError,
  type RetryOptions,
  registerSecret,
  UrlSchema,
  withRetry,
} from "@portalkit/core";
import Stripe from "stripe";
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

function invalidOption(provider: string, field: string, problem: string): PortalError {
  return new PortalError({
    code: "invalid_input",
    provider,
    field,
    retryable: false,
    message: `Invalid ${provider} options at ${field}: ${problem}`,
  });
}

function isCount(value: unknown, min: number): boolean {
  return typeof value === "number" && Number.isFinite(value) && value >= min;
}

/** Checks factory options, rejecting bad ones with `invalid_input` without echoing any value. */
export function checkConnectionOptions(options: StripeConnectionOptions, provider: string, prefix = ""): void {
  const at = (name: string) => `${prefix}${name}`;
  if (typeof options !== "object" || options === null) throw invalidOption(provider, at("secretKey"), "missing");
  if (typeof options.secretKey !== "string" || options.secretKey.trim() === "") {
    throw invalidOption(provider, at("secretKey"), "must be a Stripe secret key");
  }
  if (options.apiBase !== undefined && !UrlSchema.safeParse(options.apiBase).success) {
    throw invalidOption(provider, at("apiBase"), "must be an http(s) URL");
  }
  if (options.timeoutMs !== undefined && !(isCount(options.timeoutMs, 1) && Number.isInteger(options.timeoutMs))) {
    throw invalidOption(provider, at("timeoutMs"), "must be a positive integer");
  }
  const retry = options.retry;
  if (retry !== undefined) {
    if (typeof retry !== "object" || retry === null) throw invalidOption(provider, at("retry"), "must be an object");
    if (retry.maxAttempts !== undefined && !isCount(retry.maxAttempts, 1)) {
      throw invalidOption(provider, at("retry.maxAttempts"), "must be at least 1");
    }
    if (retry.maxDelayMs !== undefined && !isCount(retry.maxDelayMs, 0)) {
      throw invalidOption(provider, at("retry.maxDelayMs"), "must be zero or more");
    }
    if (retry.baseDelayMs !== undefined && !isCount(retry.baseDelayMs, 0)) {
      throw invalidOption(provider, at("retry.baseDelayMs"), "must be zero or more");
    }
  }
}

export function createStripeRunner(options: StripeConnectionOptions, provider: string): StripeRunner {
  registerSecret(options.secretKey);
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
