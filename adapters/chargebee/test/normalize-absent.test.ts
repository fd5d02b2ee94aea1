import type { Invoice, Subscription } from "chargebee";
import { describe, expect, it } from "vitest";
import { normalizeInvoice, normalizeSubscription } from "../src/index";

// A field Chargebee does not give is absent from the portable object, not present as undefined.
describe("fields Chargebee leaves out stay out", () => {
  it("an invoice without a subscription, a due date or a payment date", () => {
    const invoice = normalizeInvoice({
      id: "inv_1",
      customer_id: "c",
      status: "posted",
      currency_code: "usd",
      date: 1,
    } as Invoice);
    for (const key of ["subscriptionId", "dueAt", "paidAt"]) expect(key in invoice, key).toBe(false);
  });

  it("a subscription without an end date or a term end", () => {
    const subscription = normalizeSubscription({ id: "s", customer_id: "c", status: "non_renewing" } as Subscription);
    expect(subscription.status).toBe("cancel_scheduled");
    for (const key of ["cancelAt", "canceledAt", "currentPeriodEnd", "shippingAddress"]) {
      expect(key in subscription, key).toBe(false);
    }
  });
});
