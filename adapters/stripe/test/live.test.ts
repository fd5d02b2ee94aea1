import { CustomerSchema, InvoiceSchema, PageSchema, PortalError, RedirectLaunchSchema } from "@portalkit/core";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createStripeProvider } from "../src";

// Opt-in: runs against real Stripe test mode only when STRIPE_SECRET_KEY holds a test key.
const secretKey = process.env.STRIPE_SECRET_KEY;
const enabled = typeof secretKey === "string" && /^(sk|rk)_test_/.test(secretKey);
if (!enabled) console.log("live Stripe test skipped: set STRIPE_SECRET_KEY to a test-mode key to run it");

describe.skipIf(!enabled)("live: Stripe test mode", () => {
  it("opens the portal, lists invoices and maps a missing customer to not_found", async () => {
    const key = secretKey as string;
    const stripe = new Stripe(key);
    const customer = await stripe.customers.create({ email: "portalkit-live@example.com", name: "Portalkit Live" });
    try {
      const provider = createStripeProvider({ secretKey: key, returnUrl: "https://example.com/account" });
      const launch = RedirectLaunchSchema.parse(await provider.openPortal({ customerId: customer.id }));
      expect(new URL(launch.url).hostname).toMatch(/stripe\.com$/);
      PageSchema(InvoiceSchema).parse(await provider.listInvoices({ customerId: customer.id, limit: 5 }));
      const updated = CustomerSchema.parse(
        await provider.updateAddress({
          customerId: customer.id,
          kind: "billing",
          address: { line1: "1 Test Street", city: "Dublin", country: "IE" },
        }),
      );
      expect(updated.billingAddress?.line1).toBe("1 Test Street");
      const missing = await provider.openPortal({ customerId: "cus_portalkit_missing" }).catch((error) => error);
      expect(PortalError.isInstance(missing) && missing.code).toBe("not_found");
      expect(JSON.stringify(missing)).not.toContain(key);
    } finally {
      await stripe.customers.del(customer.id);
    }
  });
});
