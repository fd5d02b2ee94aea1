import { type ChargebeeSimulator, createChargebeeSimulator } from "@portalkit/chargebee/testing";
import { createPaddleSimulator, type PaddleSimulator } from "@portalkit/paddle/testing";
import { createStripeSimulator, type StripeSimulator } from "@portalkit/stripe/testing";
import { chargebeeWorld, paddleWorld } from "./world";

// Credentials of the local simulators (never real ones).
export const CHARGEBEE_SITE = "acme-test";
export const CHARGEBEE_API_KEY = "test_migration_chargebee_key";
export const STRIPE_SECRET_KEY = "sk_test_migration_stripe_key";
export const PADDLE_API_KEY = "pdl_sdbx_apikey_migration_paddle_key";

export interface Simulators {
  chargebee: ChargebeeSimulator;
  stripe: StripeSimulator;
  paddle: PaddleSimulator;
}

/**
 * A Chargebee site holding every customer, an empty Stripe account to migrate to, and the
 * Paddle account of the product line that already bills on Paddle.
 */
export function createSimulators(): Simulators {
  const chargebee = createChargebeeSimulator({ site: CHARGEBEE_SITE, apiKey: CHARGEBEE_API_KEY });
  chargebee.seed(chargebeeWorld());
  const stripe = createStripeSimulator({ secretKey: STRIPE_SECRET_KEY });
  const paddle = createPaddleSimulator({ apiKey: PADDLE_API_KEY });
  paddle.seed(paddleWorld());
  return { chargebee, stripe, paddle };
}
