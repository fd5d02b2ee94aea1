import { describe, expect, it } from "vitest";
import { worldSubscription } from "../src/testing";

describe("worldSubscription", () => {
  it("is an active monthly seat of price_basic unless told otherwise", () => {
    expect(worldSubscription({ id: "sub_1", customerId: "cus_1" })).toEqual({
      id: "sub_1",
      customerId: "cus_1",
      status: "active",
      priceId: "price_basic",
      quantity: 1,
      unitAmount: 1500,
      currency: "usd",
      createdAt: "2026-01-01T00:00:00Z",
      currentPeriodStart: "2026-11-01T00:00:00Z",
      currentPeriodEnd: "2026-12-01T00:00:00Z",
    });
  });

  it("takes every field given over the default", () => {
    const subscription = worldSubscription({
      id: "sub_2",
      customerId: "cus_2",
      status: "canceled",
      quantity: 3,
      canceledAt: "2025-06-01T00:00:00Z",
    });
    expect(subscription).toMatchObject({ status: "canceled", quantity: 3, canceledAt: "2025-06-01T00:00:00Z" });
    expect(subscription.priceId).toBe("price_basic");
  });
});
