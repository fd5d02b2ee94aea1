import type { RetryOptions } from "@portalkit/core";
import { lazyShape, RetryOptionsSchema } from "@portalkit/core/adapter";
import * as z from "zod";

export interface ChargebeeProviderOptions {
  /** The Chargebee site name: `acme` for `acme.chargebee.com`, `acme-test` for its test site. */
  site: string;
  /** A full-access or restricted API key of that site. Used on the server only. */
  apiKey: string;
  /** A custom domain Chargebee.js should use (`Chargebee.init({ site, domain })`). */
  domain?: string;
  /**
   * Where the API lives, for a simulator or a proxy: `http://127.0.0.1:4010`. Default
   * `https://{site}.chargebee.com`.
   */
  apiBaseUrl?: string;
  /** Per-request timeout in milliseconds. Default 30 000. */
  timeoutMs?: number;
  /**
   * The most bytes of one API response body read, counted while reading; past it the call
   * fails with `unavailable`. Default 8 MiB.
   */
  maxResponseBytes?: number;
  /** Bounds on retries of 429, 5xx, resets and timeouts. */
  retry?: RetryOptions;
  /**
   * The site's subscription-cancellation reason codes (Settings > Reason Codes). `cancel`
   * sends a `reason` that is one of them as `cancel_reason_code`, and refuses any other
   * reason with `invalid_input` (Chargebee takes codes, not free text). Without codes,
   * `cancel` takes no reason.
   */
  cancelReasonCodes?: readonly string[];
  /**
   * The HTTP Basic credentials configured on the Chargebee webhook (Chargebee signs
   * nothing: these are what `parseWebhook` checks, timing-safe).
   */
  webhookAuth?: { username: string; password: string };
  /** `refetch`: `parseWebhook` reads each event back from the API by id and trusts only that copy. */
  verify?: "refetch";
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export const ChargebeeProviderOptionsSchema = z.strictObject(
  lazyShape({
    site: () =>
      z
        .string()
        .min(1)
        .max(100)
        .regex(/^[A-Za-z0-9.-]+$/, "must be a Chargebee site name"),
    apiKey: () => z.string().min(1),
    domain: () => z.string().min(1).optional(),
    apiBaseUrl: () => z.url({ protocol: /^https?$/ }).optional(),
    timeoutMs: () => z.number().int().positive().optional(),
    maxResponseBytes: () => z.number().int().positive().optional(),
    retry: () => RetryOptionsSchema.optional(),
    cancelReasonCodes: () => z.array(z.string().min(1).max(100)).max(200).readonly().optional(),
    webhookAuth: () => z.strictObject({ username: z.string().min(1), password: z.string().min(1) }).optional(),
    verify: () => z.literal("refetch").optional(),
  }),
);
