import { RetryOptionsSchema, UrlSchema } from "@portalkit/core";
import * as z from "zod";

export const DEFAULT_TIMEOUT_MS = 30_000;
/** How old a webhook's `ts` may be, in seconds, unless `webhookTolerance` says otherwise. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

export const PaddleProviderOptionsSchema = z.strictObject({
  /** A Paddle Billing API key. It is only ever sent to Paddle. */
  apiKey: z.string().trim().min(1, "must be a Paddle API key"),
  /** `sandbox` (default), `production`, or the base URL of a Paddle-compatible API (a simulator). */
  environment: z.union([z.enum(["sandbox", "production"]), UrlSchema]).optional(),
  /** The notification destination's secret key, for `parseWebhook`. */
  webhookSecret: z.string().min(1, "must be the notification destination's secret key").optional(),
  /** Oldest webhook accepted, in seconds (default 300); the signature's `ts` is checked against it. */
  webhookTolerance: z.number().int().positive().max(86_400).optional(),
  /** Bounds for retrying 429, 5xx, connection failures and timeouts. */
  retry: RetryOptionsSchema.optional(),
  /** Per-request timeout; default 30 000 ms. */
  timeoutMs: z.number().int().positive().optional(),
});

export type PaddleProviderOptions = z.input<typeof PaddleProviderOptionsSchema>;
