import { PortalError, type PortalProvider } from "@portalkit/core";
import { createStripeProvider } from "@portalkit/stripe";

// `portalkit diff --to src/stripe.config.ts`: the provider migrated to. Against Stripe itself,
// set STRIPE_SECRET_KEY and leave STRIPE_API_URL unset.
export function createProvider(): PortalProvider {
  const secretKey = process.env.STRIPE_SECRET_KEY;
  if (!secretKey) {
    throw new PortalError({ code: "invalid_input", provider: "stripe", message: "Set STRIPE_SECRET_KEY" });
  }
  const apiBase = process.env.STRIPE_API_URL;
  return createStripeProvider({
    secretKey,
    returnUrl: "https://app.example.com/account",
    ...(apiBase ? { apiBase } : {}),
  });
}
