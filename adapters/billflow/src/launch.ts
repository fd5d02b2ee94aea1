import { vendorLaunchSchema } from "@portalkit/core/adapter";
import * as z from "zod";
import { BillflowQuantitySchema } from "./launch-options";

/** `window.billflowSettings` as the Billflow embed reads it (without `handleResponse`, set in the page). */
export const BillflowSettingsSchema = z.object({
  billing_page_id: z.string().min(1),
  customer_id: z.string().optional(),
  email: z.string().optional(),
  /** Hex HMAC-SHA256 of the customer id (or email), keyed with the Billflow secret. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  subscription_id: z.string().optional(),
  /** The page's service the embed opens on. */
  service: z.string().optional(),
  /** One quantity for every product, or one per unit label. */
  options: z.object({ quantity: BillflowQuantitySchema.optional() }).optional(),
});
export type BillflowSettings = z.infer<typeof BillflowSettingsSchema>;

/** A launch @portalkit/browser runs with the Billflow embed: the signed settings. */
export const BillflowEmbedLaunchSchema = vendorLaunchSchema("billflow-embed", {
  settings: BillflowSettingsSchema,
});
export type BillflowEmbedLaunch = z.infer<typeof BillflowEmbedLaunchSchema>;
