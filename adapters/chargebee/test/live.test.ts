import { InvoiceSchema, PageSchema, PortalError, PortalSessionSchema, SubscriptionSchema } from "@portalkit/core";
import Chargebee from "chargebee";
import { describe, expect, it } from "vitest";
import { ChargebeeJsLaunchSchema, createChargebeeProvider } from "../src/index";

// Opt-in: runs against a real Chargebee *test* site only when both variables are set.
// It reads invoices and a subscription and creates (then logs out) one portal session.
const site = process.env.CHARGEBEE_SITE;
const apiKey = process.env.CHARGEBEE_API_KEY;
const live = Boolean(site && apiKey);

if (!live) {
  console.info("chargebee live run skipped: set CHARGEBEE_SITE and CHARGEBEE_API_KEY (a test site) to run it");
}

describe("live Chargebee test site", () => {
  it.skipIf(!live)("lists invoices, reads a subscription, opens the portal and logs out", async () => {
    if (!site || !apiKey) return;
    const sdk = new Chargebee({ site, apiKey });
    const customerId =
      process.env.CHARGEBEE_CUSTOMER_ID ?? (await sdk.customer.list({ limit: 1 })).list[0]?.customer.id;
    expect(customerId, "the test site has a customer (or set CHARGEBEE_CUSTOMER_ID)").toBeDefined();
    if (!customerId) return;
    const provider = createChargebeeProvider({ site, apiKey });

    const page = PageSchema(InvoiceSchema).parse(await provider.listInvoices({ customerId, limit: 5 }));
    for (const invoice of page.data) expect(invoice.customerId).toBe(customerId);

    const [first] = (await sdk.subscription.list({ limit: 1, customer_id: { is: customerId } })).list;
    if (first) {
      const subscription = SubscriptionSchema.parse(
        await provider.getSubscription({ customerId, subscriptionId: first.subscription.id }),
      );
      expect(subscription.customerId).toBe(customerId);
    }

    const unknown = await provider
      .getSubscription({ customerId, subscriptionId: "portalkit_no_such_subscription" })
      .catch((error: unknown) => error);
    expect(PortalError.isInstance(unknown) && unknown.code).toBe("not_found");

    const session = PortalSessionSchema.parse(await provider.createSession({ customerId }));
    const launch = ChargebeeJsLaunchSchema.parse(await provider.openPortal({ customerId }));
    expect(JSON.stringify(launch)).not.toContain(apiKey);
    await provider.logout({ customerId, sessionId: session.id });
    await provider.logout({ customerId, sessionId: launch.session.id });
  });
});
