import { portalRejection } from "@portalkit/core/testing";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createStripeProvider } from "../src";
import { invoiceFixture, subscriptionFixture } from "../src/testing";

const SECRET = "whsec_test_unit_3f9a8b7c6d5e4f3a2b1c";
const stripe = new Stripe("sk_test_unused");

function provider(options: { webhookSecret?: string; webhookTolerance?: number } = { webhookSecret: SECRET }) {
  return createStripeProvider({ secretKey: "sk_test_unit", returnUrl: "https://app.example.com/account", ...options });
}

function event(type: string, object: unknown, extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    id: "evt_unit_1",
    object: "event",
    api_version: "2026-10-28.endive",
    created: Math.floor(Date.now() / 1000) - 5,
    data: { object, ...extra },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  });
}

function signed(body: string, options: { secret?: string; timestamp?: number } = {}) {
  const header = stripe.webhooks.generateTestHeaderString({
    payload: body,
    secret: options.secret ?? SECRET,
    ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
  });
  return { body, headers: { "Stripe-Signature": header } };
}

describe("parseWebhook on Stripe", () => {
  it("verifies through the SDK and normalizes a scheduled cancellation with the subscription reader", async () => {
    const scheduled = { ...subscriptionFixture, status: "active", cancel_at_period_end: true };
    const body = event("customer.subscription.updated", scheduled, {
      previous_attributes: { cancel_at_period_end: false },
    });
    const parsed = await provider().parseWebhook(signed(body));
    expect(parsed).toMatchObject({
      id: "evt_unit_1",
      provider: "stripe",
      type: "subscription.cancel_scheduled",
      vendorType: "customer.subscription.updated",
      subscriptionId: subscriptionFixture.id,
      subscription: { id: subscriptionFixture.id, status: "cancel_scheduled" },
    });
    // Headers as a fetch Headers object work the same.
    const { headers } = signed(body);
    const again = await provider().parseWebhook({ body, headers: new Headers(headers) });
    expect(again.id).toBe(parsed.id);
  });

  it("maps deletions, lifted cancellations, invoices and unknown events", async () => {
    const p = provider();
    const deleted = await p.parseWebhook(
      signed(event("customer.subscription.deleted", { ...subscriptionFixture, status: "canceled" })),
    );
    expect(deleted.type).toBe("subscription.canceled");
    const lifted = await p.parseWebhook(
      signed(
        event(
          "customer.subscription.updated",
          { ...subscriptionFixture, cancel_at_period_end: false, cancel_at: null },
          { previous_attributes: { cancel_at_period_end: true } },
        ),
      ),
    );
    expect(lifted.type).toBe("subscription.reactivated");
    const paid = await p.parseWebhook(signed(event("invoice.paid", invoiceFixture)));
    expect(paid).toMatchObject({
      type: "invoice.paid",
      invoiceId: invoiceFixture.id,
      invoice: { id: invoiceFixture.id },
    });
    const other = await p.parseWebhook(signed(event("charge.refunded", { object: "charge", id: "ch_1" })));
    expect(other).toMatchObject({ type: "unknown", vendorType: "charge.refunded" });
  });

  it("refuses a wrong secret, a tampered body, a missing header and a stale timestamp, naming no secret", async () => {
    const p = provider();
    const body = event("customer.subscription.deleted", subscriptionFixture);
    const wrong = await portalRejection(p.parseWebhook(signed(body, { secret: "whsec_other_secret_123456" })));
    expect(wrong.code).toBe("unauthenticated");
    const good = signed(body);
    const tampered = await portalRejection(p.parseWebhook({ ...good, body: body.replace("evt_unit_1", "evt_unit_2") }));
    expect(tampered.code).toBe("unauthenticated");
    expect((await portalRejection(p.parseWebhook({ body, headers: {} }))).code).toBe("unauthenticated");
    const stale = signed(body, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect((await portalRejection(p.parseWebhook(stale))).code).toBe("unauthenticated");
    for (const error of [wrong, tampered]) {
      expect(JSON.stringify(error.toJSON())).not.toContain(SECRET);
      expect(`${error.message} ${String(error.cause ?? "")}`).not.toContain(SECRET);
    }
  });

  it("takes the tolerance from webhookTolerance", async () => {
    const body = event("customer.subscription.deleted", subscriptionFixture);
    const tenMinutesOld = signed(body, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect((await portalRejection(provider().parseWebhook(tenMinutesOld))).code).toBe("unauthenticated");
    const relaxed = provider({ webhookSecret: SECRET, webhookTolerance: 900 });
    expect((await relaxed.parseWebhook(tenMinutesOld)).type).toBe("subscription.canceled");
  });

  it("answers invalid_input for a signed body that is not an event, and unauthenticated without a secret", async () => {
    expect((await portalRejection(provider().parseWebhook(signed("not json")))).code).toBe("invalid_input");
    expect((await portalRejection(provider().parseWebhook(signed('{"hello":1}')))).code).toBe("invalid_input");
    const body = event("customer.subscription.deleted", subscriptionFixture);
    const unconfigured = await portalRejection(provider({}).parseWebhook(signed(body)));
    expect(unconfigured.code).toBe("unauthenticated");
    expect(unconfigured.message).toMatch(/webhookSecret/);
  });
});
