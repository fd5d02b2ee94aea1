import { lazyShape, RetryOptionsSchema, urlSchema } from "@portalkit/core/adapter";
import type Stripe from "stripe";
import * as z from "zod";

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The connection options both Stripe-backed providers take. Not strict: the providers'
 * own schemas add their options and refuse unknown keys.
 */
export const StripeConnectionOptionsSchema = z.object(
  lazyShape({
    /** A secret (`sk_…`) or restricted (`rk_…`) key. It is only ever sent to Stripe. */
    secretKey: () => z.string().trim().min(1, "must be a Stripe secret key"),
    /** Where the API lives; default `https://api.stripe.com`. A simulator on loopback: `http://127.0.0.1:PORT`. */
    apiBase: () => urlSchema().optional(),
    /** Bounds for retrying 429, 5xx, connection failures and timeouts. */
    retry: () => RetryOptionsSchema.optional(),
    /** Per-request timeout; default 30 000 ms. */
    timeoutMs: () => z.number().int().positive().optional(),
    /** The most bytes of one API response body read, counted while reading; default 8 MiB. */
    maxResponseBytes: () => z.number().int().positive().optional(),
    /** The webhook endpoint's signing secret (`whsec_…`), for `parseWebhook`. Never sent anywhere. */
    webhookSecret: () => z.string().trim().min(1, "must be a webhook signing secret").optional(),
    /** Seconds a webhook signature's timestamp may be old; default 300 (Stripe's). */
    webhookTolerance: () => z.number().int().positive().optional(),
  }),
);
export type StripeConnectionOptions = z.input<typeof StripeConnectionOptionsSchema>;

export const StripeProviderOptionsSchema = StripeConnectionOptionsSchema.extend(
  lazyShape({
    /** Where Stripe's portal sends the customer back to, unless a call names its own `returnUrl`. */
    returnUrl: () => urlSchema(),
    /** A portal configuration id (`bpc_…`); default: the account's default configuration. */
    portalConfiguration: () =>
      z
        .string()
        .regex(/^bpc_[A-Za-z0-9]+$/, "must be a portal configuration id (bpc_…)")
        .optional(),
    /** The portal's language; default `auto` (the customer's browser). */
    locale: () => z.string().min(2).max(10).optional(),
  }),
).strict();

export interface StripeProviderOptions extends StripeConnectionOptions {
  returnUrl: string;
  portalConfiguration?: string;
  locale?: Stripe.BillingPortal.SessionCreateParams.Locale;
}
