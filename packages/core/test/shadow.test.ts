import { describe, expect, it } from "vitest";
import { createShadow, describeDiff, diffInvoices, diffSubscriptions, type ShadowReport } from "../src/index";
import { fakeProvider, invoice } from "./fake-provider";

const invoices = (n: number, mutate?: (i: number) => number) =>
  Array.from({ length: n }, (_, i) => invoice(`in_${i}`, "alice", i, mutate ? mutate(i) : 1000));

describe("createShadow", () => {
  it("answers from the primary and reports differences found on the shadow", async () => {
    const primary = fakeProvider("chargebee", { invoices: invoices(5) });
    const shadow = fakeProvider("stripe", { invoices: invoices(5, (i) => (i === 3 ? 999 : 1000)).slice(0, 4) });
    const reports: ShadowReport[] = [];
    const provider = createShadow({ primary, shadow, onDiff: (r) => reports.push(r) });
    const page = await provider.listInvoices({ customerId: "alice" });
    expect(page.data.map((i) => i.id)).toEqual(["in_0", "in_1", "in_2", "in_3", "in_4"]);
    await provider.settled();
    expect(reports).toHaveLength(1);
    expect(reports[0]?.diffs.map(describeDiff)).toEqual([
      "invoice IN_3 total: 1000 USD ≠ 999 USD",
      "invoice IN_3 amountPaid: 1000 USD ≠ 999 USD",
      "invoice IN_4 missing on the right",
    ]);
  });

  it("compares every page of a walk with the same stretch of the shadow's invoices", async () => {
    const all = invoices(250);
    const primary = fakeProvider("chargebee", { invoices: all });
    const shadow = fakeProvider("stripe", { invoices: all.filter((i) => i.id !== "in_180") });
    const reports: ShadowReport[] = [];
    const provider = createShadow({ primary, shadow, onDiff: (r) => reports.push(r) });
    let cursor: string | undefined;
    do {
      const page = await provider.listInvoices({ customerId: "alice", ...(cursor ? { cursor } : {}) });
      cursor = page.nextCursor;
    } while (cursor);
    await provider.settled();
    expect(reports.flatMap((r) => r.diffs.map(describeDiff))).toEqual(["invoice IN_180 missing on the right"]);
  });

  it("never waits for, or fails because of, the shadow", async () => {
    const primary = fakeProvider("chargebee", { invoices: invoices(3) });
    const shadow = fakeProvider("stripe");
    let release!: () => void;
    shadow.hold(new Promise<void>((resolve) => (release = resolve)));
    const errors: unknown[] = [];
    const provider = createShadow({
      primary,
      shadow: {
        ...shadow,
        listInvoices: async (input) => {
          await shadow.listInvoices(input);
          throw new Error("shadow down");
        },
      },
      onDiff: () => undefined,
      onError: (e) => errors.push(e),
    });
    const page = await provider.listInvoices({ customerId: "alice" });
    expect(page.data).toHaveLength(3);
    expect(errors).toEqual([]);
    release();
    await provider.settled();
    expect(errors).toHaveLength(1);
  });

  it("compares subscriptions and maps ids to the shadow's", async () => {
    const sub = {
      id: "sub_1",
      provider: "chargebee",
      customerId: "alice",
      status: "active" as const,
      items: [],
      raw: {},
    };
    const primary = fakeProvider("chargebee", { subscriptions: [sub] });
    const shadow = fakeProvider("stripe", {
      subscriptions: [{ ...sub, id: "sub_S1", customerId: "cus_A", status: "cancel_scheduled" }],
    });
    const reports: ShadowReport[] = [];
    const provider = createShadow({
      primary,
      shadow,
      onDiff: (r) => reports.push(r),
      mapCustomerId: (id) => (id === "alice" ? "cus_A" : id),
      mapSubscriptionId: (id) => (id === "sub_1" ? "sub_S1" : id),
    });
    expect((await provider.getSubscription!({ customerId: "alice", subscriptionId: "sub_1" })).status).toBe("active");
    await provider.settled();
    expect(reports[0]?.diffs.map(describeDiff)).toEqual(["subscription sub_1 status: active ≠ cancel_scheduled"]);
  });
});

describe("diff", () => {
  it("matches invoices by number, not by vendor id", () => {
    const left = [invoice("cb_1", "a", 1)];
    const right = [{ ...invoice("in_9", "a", 1), number: "CB_1" }];
    expect(diffInvoices(left, right)).toEqual([]);
  });

  it("reports a missing subscription on either side", () => {
    const sub = { id: "s", provider: "p", customerId: "c", status: "active" as const, items: [], raw: {} };
    expect(diffSubscriptions("s", sub, undefined)).toEqual([{ kind: "subscription_missing", side: "right", key: "s" }]);
    expect(diffSubscriptions("s", sub, { ...sub, cancelAt: "2026-12-01T00:00:00.000Z" }).map(describeDiff)).toEqual([
      "subscription s cancelAt: none ≠ 2026-12-01T00:00:00.000Z",
    ]);
  });
});
