import { createStripeClient } from "@portalkit/stripe";
import type { BillflowProviderOptions } from "./options";

/** Billflow keeps no API of its own for the portal: the client is the Stripe account's. */
export function createBillflowClient(options: BillflowProviderOptions): ReturnType<typeof createStripeClient> {
  return createStripeClient(options.stripe);
}
