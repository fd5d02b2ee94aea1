import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createStripeProvider, toPortalError } from "../src";

describe("createStripeProvider: its secrets never leave in an error", () => {
  // Keys of no known shape: the redaction of Stripe-shaped ones by pattern would hide a missing registration.
  it("the secret key and the webhook secret are redacted from any PortalError once a provider holds them", () => {
    const secretKey = "secret-key-of-no-known-shape-7f3e2d1c0b9a";
    const webhookSecret = "webhook-secret-of-no-known-shape-6e5d4c3b2a19";
    createStripeProvider({ secretKey, webhookSecret, returnUrl: "https://app.example.com/account" });
    for (const secret of [secretKey, webhookSecret]) {
      const error = toPortalError(
        new Stripe.errors.StripeAuthenticationError({
          message: `Invalid API Key provided: ${secret}`,
          statusCode: 401,
        }),
        "stripe",
      );
      const text = [error.message, JSON.stringify(error), String(error.cause)].join("\n");
      expect(text).not.toContain(secret);
      expect(text).toContain("[redacted]");
    }
  });
});
