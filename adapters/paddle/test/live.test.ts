import { Paddle } from "@paddle/paddle-node-sdk";
import {
  CustomerSchema,
  InvoiceSchema,
  PageSchema,
  PortalError,
  RedirectLaunchSchema,
  SubscriptionSchema,
} from "@portalkit/core";
import { describe, expect, it } from "vitest";
import { createPaddleProvider } from "../src";

// Opt-in: runs against a real Paddle sandbox account only when PADDLE_API_KEY is set.
const apiKey = process.env.PADDLE_API_KEY;
const enabled = typeof apiKey === "string" && apiKey.trim() !== "";
if (!enabled) console.log("live Paddle test skipped: set PADDLE_API_KEY to a sandbox API key to run it");

describe.skipIf(!enabled)("live: Paddle sandbox", () => {
  it("opens the portal, reads the customer, lists invoices and subscriptions, and maps a missing customer to not_found", async () => {
    const key = apiKey as string;
    const paddle = new Paddle(key, { environment: "sandbox" as never });
    const customer = await paddle.customers.create({
      email: `portalkit-live-${Date.now()}@example.com`,
      name: "Portalkit Live",
    });
    const provider = createPaddleProvider({ apiKey: key, environment: "sandbox" });
    const launch = RedirectLaunchSchema.parse(await provider.openPortal({ customerId: customer.id }));
    expect(new URL(launch.url).hostname).toMatch(/customer-portal\.paddle\.com$/);
    PageSchema(InvoiceSchema).parse(await provider.listInvoices({ customerId: customer.id, limit: 5 }));
    const read = CustomerSchema.parse(await provider.getCustomer!({ customerId: customer.id }));
    expect(read).toMatchObject({ id: customer.id, email: customer.email, name: "Portalkit Live" });
    const subscriptions = PageSchema(SubscriptionSchema).parse(
      await provider.listSubscriptions!({ customerId: customer.id }),
    );
    expect(subscriptions.data).toEqual([]);
    const missing = await provider
      .openPortal({ customerId: "ctm_01portalkitmissing0000000000" })
      .catch((error) => error);
    expect(PortalError.isInstance(missing) && missing.code).toBe("not_found");
    expect(JSON.stringify(missing)).not.toContain(key);
  });
});
