import { flattenForm } from "@portalkit/core/testing";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { hasEnded, isCancelScheduled, normalizeSubscription } from "../src/normalize-subscription";
import { openStripe } from "./support";

const CANCEL_AT = Date.parse("2026-11-20T00:00:00Z") / 1000;

/** Schedules sub_ann to end on a date of its own (cancel_at), not at the period end. */
function scheduleOnDate(sim: ReturnType<typeof openStripe>["sim"]): void {
  const subscription = sim.subscription("sub_ann")!;
  sim.putSubscription({ ...subscription, cancel_at: CANCEL_AT, cancel_at_period_end: false });
  sim.clearRequests();
}

describe("Stripe: a cancellation scheduled with cancel_at (a date, not the period end)", () => {
  it("reads as cancel_scheduled, ending at that date", async () => {
    const { sim, provider } = openStripe();
    scheduleOnDate(sim);
    const subscription = await provider.getSubscription({ customerId: "cus_ann", subscriptionId: "sub_ann" });
    expect(subscription.status).toBe("cancel_scheduled");
    expect(subscription.cancelAt).toBe(new Date(CANCEL_AT * 1000).toISOString());
  });

  it("reactivate clears cancel_at with a real update, and the subscription is active again", async () => {
    const { sim, provider } = openStripe();
    scheduleOnDate(sim);
    const answer = await provider.reactivate({ customerId: "cus_ann", subscriptionId: "sub_ann" });
    expect(answer.status).toBe("active");
    const updates = sim.requests.filter((request) => request.method === "POST");
    expect(updates.map((request) => flattenForm(request.form))).toEqual([[["cancel_at", ""]]]);
    expect(sim.subscription("sub_ann")).toMatchObject({ cancel_at: null, cancel_at_period_end: false });
  });

  it("reactivate after cancel(period_end) sends cancel_at_period_end=false", async () => {
    const { sim, provider } = openStripe();
    await provider.cancel({ customerId: "cus_ann", subscriptionId: "sub_ann", when: "period_end" });
    sim.clearRequests();
    const answer = await provider.reactivate({ customerId: "cus_ann", subscriptionId: "sub_ann" });
    expect(answer.status).toBe("active");
    const updates = sim.requests.filter((request) => request.method === "POST");
    expect(updates.map((request) => flattenForm(request.form))).toEqual([[["cancel_at_period_end", "false"]]]);
  });

  it("cancel(period_end) of a subscription scheduled on a date moves the end to the period end", async () => {
    const { sim, provider } = openStripe();
    scheduleOnDate(sim);
    const answer = await provider.cancel({ customerId: "cus_ann", subscriptionId: "sub_ann", when: "period_end" });
    expect(answer).toMatchObject({ status: "cancel_scheduled", cancelAt: "2026-12-01T00:00:00.000Z" });
    expect(sim.requests.filter((request) => request.method === "POST")).toHaveLength(1);
  });
});

describe("Stripe: incomplete_expired has ended", () => {
  const expired = (sim: ReturnType<typeof openStripe>["sim"]) => {
    const subscription = sim.subscription("sub_ann")!;
    sim.putSubscription({ ...subscription, status: "incomplete_expired", ended_at: CANCEL_AT });
    sim.clearRequests();
  };

  it("counts as ended: never scheduled, canceled, with the time it ended", () => {
    const { sim } = openStripe();
    const subscription = { ...sim.subscription("sub_ann")!, status: "incomplete_expired", cancel_at: CANCEL_AT };
    const wire = subscription as Stripe.Subscription;
    expect(hasEnded(wire)).toBe(true);
    expect(isCancelScheduled(wire)).toBe(false);
    expect(normalizeSubscription(wire, "stripe")).toMatchObject({ status: "canceled" });
  });

  it("cancel sends nothing and reactivate is a conflict", async () => {
    const { sim, provider } = openStripe();
    expired(sim);
    const answer = await provider.cancel({ customerId: "cus_ann", subscriptionId: "sub_ann", when: "now" });
    expect(answer).toMatchObject({ status: "canceled", canceledAt: new Date(CANCEL_AT * 1000).toISOString() });
    await expect(provider.reactivate({ customerId: "cus_ann", subscriptionId: "sub_ann" })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(sim.requests.map((request) => request.method)).toEqual(["GET", "GET"]);
  });
});

describe("Stripe: a deleted customer", () => {
  it("is not_found, and nothing is changed", async () => {
    const { sim, provider } = openStripe();
    sim.deleteCustomer("cus_ann");
    sim.clearRequests();
    await expect(provider.getCustomer({ customerId: "cus_ann" })).rejects.toMatchObject({
      code: "not_found",
      retryable: false,
    });
    expect(sim.requests.map((request) => request.method)).toEqual(["GET"]);
  });
});
