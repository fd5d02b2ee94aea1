import { readFileSync } from "node:fs";
import { CustomerSchema, InvoiceSchema, PortalSessionSchema, SubscriptionSchema } from "@portalkit/core";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { normalizeCustomer, normalizeInvoice, normalizeSession, normalizeSubscription } from "../src";

// Stripe's own example objects, exactly as stripe/openapi publishes them (fixtures3.json).
const fixtures = JSON.parse(readFileSync(new URL("./stripe-fixtures3.subset.json", import.meta.url), "utf8")) as {
  invoice: Stripe.Invoice;
  subscription: Stripe.Subscription;
  customer: Stripe.Customer;
  "billing_portal.session": Stripe.BillingPortal.Session;
};

describe("normalization accepts Stripe's example objects as they are", () => {
  it("invoice: upper-case currency, subscription from parent.subscription_details, raw kept", () => {
    const invoice = InvoiceSchema.parse(normalizeInvoice(fixtures.invoice, "stripe"));
    expect(invoice).toMatchObject({
      id: "in_1Pgc6tB7WZ01zgkWu9fdqL6I",
      customerId: "cus_QXg1o8vcGmoR32",
      status: "draft",
      subscriptionId: "subscription",
      total: { amount: 1000, currency: "USD" },
      amountDue: { amount: 1000, currency: "USD" },
      amountPaid: { amount: 0, currency: "USD" },
      issuedAt: new Date(1234567890 * 1000).toISOString(),
    });
    expect(invoice.number).toBeUndefined();
    expect(invoice.pdfUrl).toBeUndefined();
    expect(invoice.raw).toEqual(fixtures.invoice);
  });

  it("subscription: cancel_at_period_end reads as cancel_scheduled; the period end comes from the items", () => {
    const subscription = SubscriptionSchema.parse(normalizeSubscription(fixtures.subscription, "stripe"));
    expect(subscription).toMatchObject({
      id: "sub_1Pgc6rB7WZ01zgkWNy0Cn5nw",
      customerId: "cus_QXg1o8vcGmoR32",
      status: "cancel_scheduled",
      cancelAt: new Date(1234567890 * 1000).toISOString(),
      currentPeriodEnd: new Date(976287773 * 1000).toISOString(),
      items: [{ id: "si_QXhVnC2h0Jczwc", priceId: "price_1PgafmB7WZ01zgkW6dKueIc5", quantity: 1 }],
    });
    expect(subscription.canceledAt).toBeUndefined();
  });

  it("customer: all-null address and an empty shipping object give no addresses", () => {
    const customer = CustomerSchema.parse(normalizeCustomer(fixtures.customer, "stripe"));
    expect(customer).toMatchObject({ id: "cus_QXg1o8vcGmoR32", provider: "stripe" });
    expect(customer.billingAddress).toBeUndefined();
    expect(customer.shippingAddress).toBeUndefined();
    expect(customer.email).toBeUndefined();
  });

  it("billing portal session: url, customer and creation time", () => {
    const session = PortalSessionSchema.parse(normalizeSession(fixtures["billing_portal.session"], "stripe"));
    expect(session).toMatchObject({
      id: "bps_1Pgc7HB7WZ01zgkWNs8s9Auh",
      customerId: "cus_QXg1o8vcGmoR32",
      createdAt: new Date(1234567890 * 1000).toISOString(),
    });
    expect(session.url).toContain("/session/");
    expect(session.expiresAt).toBeUndefined();
  });
});

describe("normalization of states the examples do not show", () => {
  const base = fixtures.subscription;

  it.each([
    ["trialing", "trialing"],
    ["active", "active"],
    ["past_due", "past_due"],
    ["unpaid", "past_due"],
    ["paused", "paused"],
    ["incomplete", "incomplete"],
    ["incomplete_expired", "canceled"],
    ["canceled", "canceled"],
  ] as const)("Stripe status %s is %s when no cancellation is scheduled", (stripeStatus, status) => {
    const raw = { ...base, status: stripeStatus, cancel_at_period_end: false, cancel_at: null };
    expect(normalizeSubscription(raw, "stripe").status).toBe(status);
  });

  it("an ended subscription reports when it ended, not when the end was asked for", () => {
    const raw = { ...base, status: "canceled" as const, canceled_at: 1_700_000_000, ended_at: 1_700_500_000 };
    const subscription = normalizeSubscription(raw, "stripe");
    expect(subscription.status).toBe("canceled");
    expect(subscription.canceledAt).toBe(new Date(1_700_500_000 * 1000).toISOString());
    expect(subscription.cancelAt).toBeUndefined();
  });

  it("an address field portalkit would refuse is left out, the rest kept", () => {
    const customer = normalizeCustomer(
      {
        ...fixtures.customer,
        name: "Ann Marie Lee",
        email: "ann@example.com",
        address: { line1: "1 Main St", line2: null, city: "Oslo", state: null, postal_code: "0150", country: "no" },
      },
      "stripe",
    );
    expect(customer.billingAddress).toEqual({
      firstName: "Ann",
      lastName: "Marie Lee",
      email: "ann@example.com",
      line1: "1 Main St",
      city: "Oslo",
      postalCode: "0150",
    });
  });
});
