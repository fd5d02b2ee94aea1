import * as z from "zod";
import { PortalError } from "./errors";
import { lazyShape } from "./lazy-shape";

export interface RetryOptions {
  /** Attempts in all, the first included. Default 3. */
  maxAttempts?: number;
  /** Upper bound on the total time spent waiting between attempts. Default 10 000 ms. */
  maxDelayMs?: number;
  /** First backoff step; each later step doubles it. Default 250 ms. */
  baseDelayMs?: number;
}

/** The `retry` option every adapter takes, checked by its factory. */
export const RetryOptionsSchema = z.strictObject(
  lazyShape({
    maxAttempts: () => z.number().int().min(1).optional(),
    maxDelayMs: () => z.number().min(0).optional(),
    baseDelayMs: () => z.number().min(0).optional(),
  }),
);

export interface RetryContext {
  /** 1 for the first attempt. */
  attempt: number;
}

export interface RetryHooks {
  /** Defaults to PortalError.isRetryable. */
  isRetryable?: (error: unknown) => boolean;
  /** Injected in tests; defaults to Math.random. */
  random?: () => number;
  /** Injected in tests; defaults to a timer. */
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { maxAttempts: 3, maxDelayMs: 10_000, baseDelayMs: 250 };

export function resolveRetryOptions(options: RetryOptions | undefined): Required<RetryOptions> {
  return {
    maxAttempts: Math.max(1, Math.floor(options?.maxAttempts ?? DEFAULT_RETRY.maxAttempts)),
    maxDelayMs: Math.max(0, options?.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs),
    baseDelayMs: Math.max(0, options?.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs),
  };
}

/**
 * Runs `operation` until it succeeds, fails with an error that is not retryable, or the
 * attempts run out. Backoff is exponential with full jitter; a vendor's Retry-After
 * (PortalError.retryAfterMs) is honoured as the least wait. The waits together never exceed
 * `maxDelayMs`: a backoff step longer than what is left of it is shortened to fit, so the
 * same options always give the same number of attempts. Only a Retry-After longer than
 * what is left ends retrying early, at once, with the vendor's error.
 *
 * For a mutation, create the idempotency key once, outside `operation`, and send the same
 * key on every attempt.
 */
export function withRetry<T>(
  operation: (context: RetryContext) => Promise<T>,
  options?: RetryOptions,
  hooks: RetryHooks = {},
): Promise<T> {
  // The first attempt settles without an async function of its own: nearly every call
  // succeeds at once, and this runs on every vendor call.
  let first: Promise<T>;
  try {
    first = Promise.resolve(operation({ attempt: 1 }));
  } catch (error) {
    first = Promise.reject(error);
  }
  return first.then(undefined, (error: unknown) => retryAfter(error, operation, resolveRetryOptions(options), hooks));
}

/** The attempts after a first that failed with `firstError`, as `withRetry` describes. */
async function retryAfter<T>(
  firstError: unknown,
  operation: (context: RetryContext) => Promise<T>,
  { maxAttempts, maxDelayMs, baseDelayMs }: Required<RetryOptions>,
  hooks: RetryHooks,
): Promise<T> {
  const isRetryable = hooks.isRetryable ?? PortalError.isRetryable;
  const random = hooks.random ?? Math.random;
  const sleep = hooks.sleep ?? defaultSleep;
  let error = firstError;
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    if (attempt >= maxAttempts || !isRetryable(error)) throw error;
    const remaining = maxDelayMs - waited;
    const retryAfter = PortalError.isInstance(error) ? (error.retryAfterMs ?? 0) : 0;
    if (retryAfter > remaining) throw error;
    const backoff = Math.round(random() * baseDelayMs * 2 ** (attempt - 1));
    const delayMs = Math.min(Math.max(backoff, retryAfter), remaining);
    hooks.onRetry?.({ attempt, delayMs, error });
    waited += delayMs;
    if (delayMs > 0) await sleep(delayMs);
    try {
      return await operation({ attempt: attempt + 1 });
    } catch (next) {
      error = next;
    }
  }
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Reads a Retry-After header (seconds, or an HTTP date) as milliseconds from `now`.
 * Returns undefined for a missing or unreadable value.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  // An empty value matches no number and parses as no date: undefined, from the checks below.
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** One key for every attempt of one mutation. */
export function createIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}
