import { createChargebeeProvider } from "@portalkit/chargebee";
import type { PortalProvider } from "@portalkit/core";
import { createPaddleProvider } from "@portalkit/paddle";
import { createStripeProvider } from "@portalkit/stripe";
import { CHARGEBEE_API_KEY, CHARGEBEE_SITE, PADDLE_API_KEY, STRIPE_SECRET_KEY } from "./simulators";

export const RETURN_URL = "https://app.example.com/account";

/** The Chargebee adapter, talking to the simulator at `apiBaseUrl`. */
export function chargebeeProvider(apiBaseUrl: string): PortalProvider {
  return createChargebeeProvider({ site: CHARGEBEE_SITE, apiKey: CHARGEBEE_API_KEY, apiBaseUrl });
}

/** The Stripe adapter, talking to the simulator at `apiBase`. */
export function stripeProvider(apiBase: string): PortalProvider {
  return createStripeProvider({ secretKey: STRIPE_SECRET_KEY, apiBase, returnUrl: RETURN_URL });
}

/** The Paddle adapter, talking to the simulator at `environment` (its base URL). */
export function paddleProvider(environment: string): PortalProvider {
  return createPaddleProvider({ apiKey: PADDLE_API_KEY, environment });
}
