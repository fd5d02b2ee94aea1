import { type ChargebeeSimulator, createChargebeeSimulator } from "@portalkit/chargebee/testing";
import { createStripeSimulator, type StripeSimulator } from "@portalkit/stripe/testing";
import { chargebeeWorld } from "./world";

// Credentials of the local simulators (never real ones).
export const CHARGEBEE_SITE = "acme-test";
export const CHARGEBEE_API_KEY = "test_migration_chargebee_key";
export const STRIPE_SECRET_KEY = "sk_test_migration_stripe_key";

export interface Simulators {
  chargebee: ChargebeeSimulator;
  stripe: StripeSimulator;
}

/** A Chargebee site holding every customer, and an empty Stripe account to migrate to. */
export function createSimulators(): Simulators {
  const chargebee = createChargebeeSimulator({ site: CHARGEBEE_SITE, apiKey: CHARGEBEE_API_KEY });
  chargebee.seed(chargebeeWorld());
  const stripe = createStripeSimulator({ secretKey: STRIPE_SECRET_KEY });
  return { chargebee, stripe };
}
