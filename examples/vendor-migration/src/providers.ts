import { createChargebeeProvider } from "@portalkit/chargebee";
import type { PortalProvider } from "@portalkit/core";
import { createStripeProvider } from "@portalkit/stripe";
import { CHARGEBEE_API_KEY, CHARGEBEE_SITE, STRIPE_SECRET_KEY } from "./simulators";

export const RETURN_URL = "https://app.example.com/account";

/** The Chargebee adapter, talking to the simulator at `apiBaseUrl`. */
export function chargebeeProvider(apiBaseUrl: string): PortalProvider {
  return createChargebeeProvider({ site: CHARGEBEE_SITE, apiKey: CHARGEBEE_API_KEY, apiBaseUrl });
}

/** The Stripe adapter, talking to the simulator at `apiBase`. */
export function stripeProvider(apiBase: string): PortalProvider {
  return createStripeProvider({ secretKey: STRIPE_SECRET_KEY, apiBase, returnUrl: RETURN_URL });
}
