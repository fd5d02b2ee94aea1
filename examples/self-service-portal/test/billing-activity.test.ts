import type { BillingEvent } from "@portalkit/core";
import { expect, it } from "vitest";
import { createActivityStore } from "../src/billing-activity";

const event = (id: string, occurredAt: string, type: BillingEvent["type"] = "subscription.updated"): BillingEvent => ({
  id,
  provider: "stripe",
  type,
  vendorType: "customer.subscription.updated",
  occurredAt,
  customerId: "cus_1",
  subscriptionId: "sub_1",
  raw: {},
});

it("keeps each event once, newest first, late arrivals in their place, at most the limit", () => {
  const store = createActivityStore(3);
  store.record(event("evt_b", "2026-01-01T00:00:02Z"));
  store.record(event("evt_b", "2026-01-01T00:00:02Z"));
  store.record(event("evt_a", "2026-01-01T00:00:01Z"));
  store.record(event("evt_c", "2026-01-01T00:00:02Z", "subscription.canceled"));
  expect(store.recent("cus_1").map((e) => e.id)).toEqual(["evt_c", "evt_b", "evt_a"]);
  store.record(event("evt_d", "2026-01-01T00:00:03Z"));
  expect(store.recent("cus_1").map((e) => e.id)).toEqual(["evt_d", "evt_c", "evt_b"]);
  expect(store.recent("cus_other")).toEqual([]);
});
