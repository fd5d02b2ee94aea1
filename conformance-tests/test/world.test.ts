import { describe, expect, it } from "vitest";
import { ALICE, BOB, conformanceWorld, invoiceWorld, SUBSCRIPTIONS, scramble } from "../src/world";

describe("conformance worlds", () => {
  it("seed only the invoice statuses the vendor has, with distinct ids and issue dates", () => {
    for (const statuses of [
      ["paid", "open", "void", "uncollectible", "pending"],
      ["draft", "open", "paid"],
    ] as const) {
      const world = conformanceWorld({ invoiceStatuses: statuses });
      expect(new Set(world.invoices.map((invoice) => invoice.status))).toEqual(new Set(statuses));
      expect(new Set(world.invoices.map((invoice) => invoice.id)).size).toBe(world.invoices.length);
      expect(new Set(world.invoices.map((invoice) => invoice.issuedAt)).size).toBe(world.invoices.length);
    }
  });

  it("give Alice invoices on two subscriptions, in two currencies and without a subscription, and Bob his own", () => {
    const world = conformanceWorld({ invoiceStatuses: ["paid", "open"] });
    const alice = world.invoices.filter((invoice) => invoice.customerId === ALICE);
    expect(new Set(alice.map((invoice) => invoice.subscriptionId))).toEqual(
      new Set([SUBSCRIPTIONS.aliceMain, SUBSCRIPTIONS.aliceAddon, undefined]),
    );
    expect(new Set(alice.map((invoice) => invoice.currency))).toEqual(new Set(["USD", "EUR"]));
    expect(world.invoices.filter((invoice) => invoice.customerId === BOB).length).toBeGreaterThan(0);
    const bobSubscriptions = world.subscriptions.filter((subscription) => subscription.customerId === BOB);
    expect(bobSubscriptions.map((subscription) => subscription.id)).toEqual([SUBSCRIPTIONS.bobMain]);
  });

  it("hang subscription periods on the clock, in whole seconds", () => {
    const now = Date.parse("2030-01-15T12:34:56.789Z");
    const world = conformanceWorld({ invoiceStatuses: ["paid"], now });
    const byId = new Map(world.subscriptions.map((subscription) => [subscription.id, subscription]));
    const active = byId.get(SUBSCRIPTIONS.aliceMain)!;
    expect(Date.parse(active.currentPeriodStart)).toBeLessThan(now);
    expect(Date.parse(active.currentPeriodEnd)).toBeGreaterThan(now);
    expect(active.currentPeriodEnd.endsWith(".000Z")).toBe(true);
    expect(byId.get(SUBSCRIPTIONS.aliceScheduled)!.cancelAt).toBe(
      byId.get(SUBSCRIPTIONS.aliceScheduled)!.currentPeriodEnd,
    );
    expect(Date.parse(byId.get(SUBSCRIPTIONS.aliceCanceled)!.canceledAt!)).toBeLessThan(now);
  });

  it("invoiceWorld gives Alice exactly `count` invoices and keeps Bob's", () => {
    for (const count of [0, 1, 101, 450]) {
      const world = invoiceWorld({ invoiceStatuses: ["paid"], count });
      expect(world.invoices.filter((invoice) => invoice.customerId === ALICE)).toHaveLength(count);
      expect(world.invoices.filter((invoice) => invoice.customerId === BOB).length).toBeGreaterThan(0);
      expect(new Set(world.invoices.map((invoice) => invoice.issuedAt)).size).toBe(world.invoices.length);
    }
  });

  it("scramble is a deterministic permutation that does change the order", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const once = scramble(items);
    expect(scramble(items)).toEqual(once);
    expect([...once].sort((a, b) => a - b)).toEqual(items);
    expect(once).not.toEqual(items);
  });
});
