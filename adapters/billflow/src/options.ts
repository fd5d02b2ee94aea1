import { StripeConnectionOptionsSchema } from "@portalkit/stripe";
import * as z from "zod";

export const BillflowProviderOptionsSchema = z.strictObject({
  /** The Stripe account the Billflow page runs on: its data operations go straight to Stripe. */
  stripe: StripeConnectionOptionsSchema.strict(),
  /** The Billflow secret that keys the embed's `hash`. It never leaves the server. */
  billflowSecret: z.string().trim().min(1, "must be the Billflow secret"),
  /** The Billflow customer-portal billing page. */
  billingPageId: z.string().trim().min(1, "must be a Billflow billing page id"),
  /** How the embed identifies the customer: by Stripe customer id (default) or by email. */
  identifyBy: z.enum(["customer_id", "email"]).optional(),
});
export type BillflowProviderOptions = z.input<typeof BillflowProviderOptionsSchema>;
