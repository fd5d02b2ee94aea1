import { createShadow, describeDiff, PortalError, type ShadowReport } from "@portalkit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BROKEN_INVOICE } from "../src/world";
import { type RunningMigration, startMigration } from "./support";

let m: RunningMigration;
beforeEach(async () => {
  m = await startMigration();
});
afterEach(async () => {
  await m.close();
});

function shadowed(reports: ShadowReport[], errors: unknown[] = []) {
  const customers = new Map(m.customers.map((c) => [c.from, c.to]));
  const subscriptions = new Map(m.customers.flatMap((c) => c.subscriptions.map((s) => [s.from, s.to])));
  return createShadow({
    primary: m.cb,
    shadow: m.st,
    onDiff: (report) => reports.push(report),
    onError: (error) => errors.push(error),
    mapCustomerId: (id) => customers.get(id) ?? id,
    mapSubscriptionId: (id) => subscriptions.get(id) ?? id,
  });
}

describe("shadow reads, Chargebee primary and Stripe shadow, over the simulators", () => {
  it("reports the broken invoice, and nothing else, across every migrated customer", async () => {
    const reports: ShadowReport[] = [];
    const provider = shadowed(reports);
    for (const { from, subscriptions } of m.customers) {
      let cursor: string | undefined;
      do {
        const page = await provider.listInvoices({ customerId: from, ...(cursor ? { cursor } : {}) });
        cursor = page.nextCursor;
      } while (cursor);
      for (const sub of subscriptions) {
        await provider.getSubscription?.({ customerId: from, subscriptionId: sub.from });
      }
    }
    await provider.settled();
    const chargebeeTotal = m.chargebee.invoices.get(BROKEN_INVOICE)?.total;
    expect(reports.map((r) => [r.operation, r.customerId])).toEqual([["listInvoices", "cb_grace"]]);
    expect(reports[0]?.diffs.map(describeDiff)).toEqual([
      `invoice ${BROKEN_INVOICE} total: ${chargebeeTotal} USD ≠ ${Math.floor((chargebeeTotal ?? 0) / 10)} USD`,
      `invoice ${BROKEN_INVOICE} amountPaid: ${chargebeeTotal} USD ≠ ${Math.floor((chargebeeTotal ?? 0) / 10)} USD`,
    ]);
    // Ada's 105 invoices took two pages of Chargebee, and each was checked against the
    // same stretch of Stripe's (two Stripe pages for each: 100 invoices and the rest).
    const adaOnStripe = m.stripe.requests.filter(
      (r) => r.path === "/v1/invoices" && r.query.customer === "cus_migrated_ada",
    );
    expect(adaOnStripe).toHaveLength(4);
  });

  it("answers from Chargebee while Stripe's answer is still held", async () => {
    const reports: ShadowReport[] = [];
    const provider = shadowed(reports);
    const gate = m.holdStripe(/^\/v1\/invoices$/);
    const page = await provider.listInvoices({ customerId: "cb_grace" });
    expect(page.data.map((i) => i.provider)).toEqual(Array(6).fill("chargebee"));
    // The primary answer is in hand; the shadow's request reaches Stripe afterwards and
    // stays unanswered: the primary's latency cannot include the shadow's.
    await gate.arrived;
    expect(gate.held).toBe(1);
    expect(reports).toEqual([]);
    gate.release();
    await provider.settled();
    expect(reports.flatMap((r) => r.diffs.map((d) => d.key))).toEqual([BROKEN_INVOICE, BROKEN_INVOICE]);
  });

  it("answers from Chargebee when Stripe fails, and reports the failure aside", async () => {
    const errors: unknown[] = [];
    const reports: ShadowReport[] = [];
    const provider = shadowed(reports, errors);
    m.stripe.inject({ fault: { type: "status", status: 500 }, path: "/v1/invoices", times: 100 });
    const page = await provider.listInvoices({ customerId: "cb_ada", limit: 10 });
    expect(page.data).toHaveLength(10);
    await provider.settled();
    expect(reports).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(PortalError.isInstance(errors[0]) && [errors[0].code, errors[0].provider]).toEqual([
      "unavailable",
      "stripe",
    ]);
  });
});
