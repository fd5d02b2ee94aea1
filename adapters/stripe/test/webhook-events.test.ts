import { BillingEventSchema } from "@portalkit/core";
import { portalRejection } from "@portalkit/core/testing";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createStripeProvider, normalizeStripeEvent } from "../src";
import { invoiceFixture, subscriptionFixture } from "../src/testing";
import { paymentMethodFixture } from "../src/testing/fixtures";

const CREATED = 1_764_547_200;
const LATER = 1_767_225_600;

/** A subscription that is active with nothing scheduled; `extra` changes it. */
const subscription = (extra: Partial<Stripe.Subscription> = {}): Stripe.Subscription => ({
  ...subscriptionFixture,
  status: "active",
  cancel_at_period_end: false,
  cancel_at: null,
  ...extra,
});

function event(type: string, object: unknown, previous?: Record<string, unknown>): Stripe.Event {
  return {
    id: "evt_1",
    object: "event",
    api_version: "2026-10-28.endive",
    created: CREATED,
    data: { object, ...(previous === undefined ? {} : { previous_attributes: previous }) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  } as unknown as Stripe.Event;
}

const updated = (object: Stripe.Subscription, previous?: Record<string, unknown>) =>
  normalizeStripeEvent(event("customer.subscription.updated", object, previous), "stripe").type;

describe("customer.subscription.updated: what changed decides the event", () => {
  it.each([
    ["ended, from a status", subscription({ status: "canceled" }), { status: "active" }, "subscription.canceled"],
    [
      "canceled, but its status did not change",
      subscription({ status: "canceled" }),
      { metadata: {} },
      "subscription.updated",
    ],
    ["no longer paused", subscription({ status: "active" }), { status: "paused" }, "subscription.resumed"],
    [
      "still paused: never reported as resumed",
      subscription({ status: "paused" }),
      { status: "paused" },
      "subscription.paused",
    ],
    ["out of its trial", subscription({ status: "active" }), { status: "trialing" }, "subscription.updated"],
    ["paused, from a status", subscription({ status: "paused" }), { status: "active" }, "subscription.paused"],
    [
      "paused, but its status did not change",
      subscription({ status: "paused" }),
      { metadata: {} },
      "subscription.updated",
    ],
    [
      "set to end at the period end",
      subscription({ cancel_at_period_end: true }),
      { cancel_at_period_end: false },
      "subscription.cancel_scheduled",
    ],
    ["set to end on a date", subscription({ cancel_at: LATER }), { cancel_at: null }, "subscription.cancel_scheduled"],
    [
      "no longer set to end at the period end",
      subscription(),
      { cancel_at_period_end: true },
      "subscription.reactivated",
    ],
    ["no longer set to end on a date", subscription(), { cancel_at: LATER }, "subscription.reactivated"],
    ["its end date moved", subscription({ cancel_at: LATER }), { cancel_at: CREATED }, "subscription.updated"],
    [
      "scheduled, something else changed",
      subscription({ cancel_at_period_end: true }),
      { metadata: {} },
      "subscription.updated",
    ],
    [
      "scheduled, without previous attributes",
      subscription({ cancel_at_period_end: true }),
      undefined,
      "subscription.updated",
    ],
    ["still not scheduled", subscription(), { cancel_at_period_end: false }, "subscription.updated"],
  ] as const)("%s", (_, object, previous, type) => {
    expect(updated(object, previous)).toBe(type);
  });
});

describe("normalizeStripeEvent: the event types read directly", () => {
  it.each([
    ["customer.subscription.created", "subscription.created"],
    ["customer.subscription.deleted", "subscription.canceled"],
    ["customer.subscription.paused", "subscription.paused"],
    ["customer.subscription.resumed", "subscription.resumed"],
    ["invoice.created", "invoice.created"],
    ["invoice.paid", "invoice.paid"],
    ["invoice.payment_succeeded", "invoice.paid"],
    ["invoice.payment_failed", "invoice.payment_failed"],
    ["payment_method.attached", "payment_method.updated"],
    ["payment_method.updated", "payment_method.updated"],
    ["payment_method.detached", "payment_method.updated"],
    ["customer.updated", "customer.updated"],
    ["customer.created", "unknown"],
  ])("%s is %s", (vendorType, type) => {
    const out = normalizeStripeEvent(event(vendorType, { object: "other" }), "stripe");
    expect(out).toMatchObject({ type, vendorType });
  });
});

describe("normalizeStripeEvent: the objects an event carries", () => {
  it("a subscription event names the subscription and its customer, with the event's time", () => {
    const out = BillingEventSchema.parse(
      normalizeStripeEvent(event("customer.subscription.created", subscription()), "stripe"),
    );
    expect(out).toMatchObject({
      id: "evt_1",
      type: "subscription.created",
      occurredAt: new Date(CREATED * 1000).toISOString(),
      subscriptionId: subscriptionFixture.id,
      customerId: subscriptionFixture.customer,
      subscription: { id: subscriptionFixture.id, status: "active" },
    });
    expect(out.raw).toMatchObject({ id: "evt_1", type: "customer.subscription.created" });
  });

  it("an invoice event names the invoice, its customer and its subscription", () => {
    const out = normalizeStripeEvent(event("invoice.payment_failed", invoiceFixture), "stripe");
    expect(out).toMatchObject({
      type: "invoice.payment_failed",
      invoiceId: invoiceFixture.id,
      customerId: invoiceFixture.customer,
      subscriptionId: "subscription",
      invoice: { id: invoiceFixture.id },
    });
    const alone = normalizeStripeEvent(event("invoice.created", { ...invoiceFixture, parent: null }), "stripe");
    expect(alone).not.toHaveProperty("subscriptionId");
  });

  it("a customer event names the customer", () => {
    const out = normalizeStripeEvent(event("customer.updated", { object: "customer", id: "cus_1" }), "stripe");
    expect(out).toMatchObject({ type: "customer.updated", customerId: "cus_1" });
    const odd = normalizeStripeEvent(event("customer.updated", { object: "customer", id: 5 }), "stripe");
    expect(odd.customerId).toBeUndefined();
  });

  it("a payment method event names its customer when it has one", () => {
    const attached = { ...paymentMethodFixture, customer: "cus_2" };
    const out = normalizeStripeEvent(event("payment_method.attached", attached), "stripe");
    expect(out).toMatchObject({ type: "payment_method.updated", customerId: "cus_2" });
    const expanded = { ...paymentMethodFixture, customer: { id: "cus_3", object: "customer" } };
    expect(normalizeStripeEvent(event("payment_method.updated", expanded), "stripe").customerId).toBe("cus_3");
    const detached = normalizeStripeEvent(event("payment_method.detached", paymentMethodFixture), "stripe");
    expect(detached.customerId).toBeUndefined();
    expect("customerId" in detached).toBe(false);
  });

  it("an object without a customer leaves customerId out rather than empty", () => {
    const orphan = subscription({ customer: null as unknown as string });
    const out = normalizeStripeEvent(event("customer.subscription.deleted", orphan), "stripe");
    expect(out.subscriptionId).toBe(subscriptionFixture.id);
    expect("customerId" in out).toBe(false);
  });

  it("an event of an unknown type or object still parses", () => {
    const charge = { object: "charge", id: "ch_1", customer: "cus_1" };
    const out = normalizeStripeEvent(event("charge.refunded", charge), "stripe");
    expect(out).toMatchObject({ type: "unknown", vendorType: "charge.refunded" });
    expect(out.customerId).toBeUndefined();
  });

  it("a creation time no date can hold still gives a valid occurredAt", () => {
    const far = { ...event("invoice.paid", invoiceFixture), created: Number.POSITIVE_INFINITY } as Stripe.Event;
    const out = BillingEventSchema.parse(normalizeStripeEvent(far, "stripe"));
    expect(out.occurredAt).toBe(new Date(0).toISOString());
  });

  it.each([
    ["an id that is not a string", { id: 1 }],
    ["a type that is not a string", { type: 1 }],
    ["a creation time that is not a number", { created: "2026-12-01" }],
  ])("refuses %s", (_, change) => {
    const bad = { ...event("invoice.paid", invoiceFixture), ...change } as unknown as Stripe.Event;
    expect(() => normalizeStripeEvent(bad, "stripe")).toThrow(new TypeError("not a Stripe event"));
  });

  it("refuses no event at all the same way", () => {
    expect(() => normalizeStripeEvent(null as unknown as Stripe.Event, "stripe")).toThrow(
      new TypeError("not a Stripe event"),
    );
  });
});

describe("parseWebhook: the signature header", () => {
  const SECRET = "whsec_test_header_5e4f3a2b1c0d";
  const provider = createStripeProvider({
    secretKey: "sk_test_unit",
    returnUrl: "https://app.example.com/account",
    webhookSecret: SECRET,
  });
  const body = JSON.stringify(event("invoice.paid", invoiceFixture));
  const signature = new Stripe("sk_test_unused").webhooks.generateTestHeaderString({ payload: body, secret: SECRET });

  it("is found whatever the case of its name", async () => {
    for (const name of ["stripe-signature", "STRIPE-SIGNATURE"]) {
      expect((await provider.parseWebhook({ body, headers: { [name]: signature } })).type).toBe("invoice.paid");
    }
  });

  it("is found among other headers", async () => {
    const headers = { "content-type": "application/json", "Stripe-Signature": signature, "user-agent": "Stripe/1.0" };
    expect((await provider.parseWebhook({ body, headers })).type).toBe("invoice.paid");
  });

  it.each([
    ["an empty one", { "Stripe-Signature": "" }],
    ["none at all", { "content-type": "application/json" }],
  ])("%s is refused as missing, before any verification", async (_, headers) => {
    const error = await portalRejection(provider.parseWebhook({ body, headers }));
    expect(error.code).toBe("unauthenticated");
    expect(error.message).toMatch(/no Stripe-Signature header/);
  });

  it("says which check failed: the signature, the body, or the objects in it", async () => {
    const wrong = await portalRejection(provider.parseWebhook({ body, headers: { "Stripe-Signature": "t=1,v1=00" } }));
    expect(wrong).toMatchObject({
      code: "unauthenticated",
      message: expect.stringMatching(/signature does not verify/),
    });
    const sign = (payload: string) => ({
      body: payload,
      headers: {
        "Stripe-Signature": new Stripe("sk_test_unused").webhooks.generateTestHeaderString({ payload, secret: SECRET }),
      },
    });
    const notJson = await portalRejection(provider.parseWebhook(sign("not json")));
    expect(notJson).toMatchObject({ code: "invalid_input", message: expect.stringMatching(/not a JSON event/) });
    const notStripe = await portalRejection(provider.parseWebhook(sign('{"hello":1}')));
    expect(notStripe).toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/objects are not Stripe's/),
    });
  });
});
