import { StripeConnectionOptionsSchema } from "@portalkit/stripe";
import * as z from "zod";
import { BillflowQuantitySchema, BillflowServiceSchema } from "./launch-options";

export const BillflowProviderOptionsSchema = z.strictObject({
  /** The Stripe account the Billflow page runs on: its data operations go straight to Stripe. */
  stripe: StripeConnectionOptionsSchema.strict(),
  /** The Billflow secret that keys the embed's `hash`. It never leaves the server. */
  billflowSecret: z.string().trim().min(1, "must be the Billflow secret"),
  /** The Billflow customer-portal billing page. */
  billingPageId: z.string().trim().min(1, "must be a Billflow billing page id"),
  /** How the embed identifies the customer: by Stripe customer id (default) or by email. */
  identifyBy: z.enum(["customer_id", "email"]).optional(),
  /** The page's service every launch opens on (Billflow's `service`), unless a call names another. */
  service: BillflowServiceSchema.optional(),
  /**
   * The quantity every launch offers (Billflow's `options.quantity`): one positive integer, or
   * one per unit label (`{ super_user: 3, user: 5 }`), unless a call gives its own.
   */
  quantity: BillflowQuantitySchema.optional(),
});
export type BillflowProviderOptions = z.input<typeof BillflowProviderOptionsSchema>;
