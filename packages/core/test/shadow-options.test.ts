import { describe, expect, it } from "vitest";
import {
  createShadow,
  describeDiff,
  type Invoice,
  type ListInvoicesInput,
  type Page,
  type PortalProvider,
  type ShadowReport,
  type Subscription,
} from "../src/index";
import { fakeProvider, invoice } from "./fake-provider";

const sub: Subscription = {
  id: "sub_1",
  provider: "chargebee",
  customerId: "alice",
  status: "active",
  items: [],
  raw: {},
};

/** A shadow answering `pages` pages of `size` invoices each (newest first), recording every input. */
function pagedShadow(pages: number, size: number) {
  const inputs: ListInvoicesInput[] = [];
  const all = Array.from({ length: pages * size }, (_, i) => invoice(`in_${i}`, "alice", i));
  const base = fakeProvider("stripe");
  const shadow: PortalProvider = {
    ...base,
    async listInvoices(input): Promise<Page<Invoice>> {
      inputs.push(input);
      const start = input.cursor === undefined ? 0 : Number(input.cursor);
      const data = all.slice(start, start + size);
      return start + size < all.length ? { data, nextCursor: String(start + size) } : { data };
    },
  };
  return { shadow, inputs, all };
}

describe("createShadow: what the shadow is asked", () => {
  it("asks the shadow with its own ids and the same filters", async () => {
    const { shadow, inputs } = pagedShadow(1, 3);
    const primary = fakeProvider("chargebee", { invoices: [invoice("in_0", "alice", 0)] });
    const provider = createShadow({
      primary,
      shadow,
      onDiff: () => undefined,
      mapCustomerId: async (id) => `cus_${id}`,
      mapSubscriptionId: async (id) => `sub_S${id}`,
    });
    await provider.listInvoices({ customerId: "alice", subscriptionId: "1", status: ["paid"], includePending: false });
    await provider.listInvoices({ customerId: "alice" });
    await provider.settled();
    expect(inputs).toStrictEqual([
      { limit: 100, customerId: "cus_alice", subscriptionId: "sub_S1", status: ["paid"], includePending: false },
      { limit: 100, customerId: "cus_alice" },
    ]);
  });

  it("reads at most maxShadowPages pages of the shadow for one primary page (default 20)", async () => {
    const primary = fakeProvider("chargebee", { invoices: [invoice("in_x", "alice", 500)] });
    const deep = pagedShadow(30, 2);
    const reports: ShadowReport[] = [];
    const bounded = createShadow({ primary, shadow: deep.shadow, onDiff: (r) => reports.push(r) });
    await bounded.listInvoices({ customerId: "alice" });
    await bounded.settled();
    expect(deep.inputs).toHaveLength(20);
    const fewer = pagedShadow(30, 2);
    const three = createShadow({ primary, shadow: fewer.shadow, onDiff: () => undefined, maxShadowPages: 3 });
    await three.listInvoices({ customerId: "alice" });
    await three.settled();
    expect(fewer.inputs).toHaveLength(3);
    // Every shadow invoice read is newer than the primary's only one, and the primary's is not among them.
    expect(reports[0]?.diffs.filter((d) => d.kind === "invoice_missing" && d.side === "right")).toHaveLength(1);
    expect(reports[0]?.diffs.filter((d) => d.kind === "invoice_missing" && d.side === "left")).toHaveLength(40);
  });

  it("stops reading the shadow once its invoices are older than the primary page's oldest", async () => {
    const { shadow, inputs, all } = pagedShadow(10, 2);
    const primary = fakeProvider("chargebee", { invoices: all });
    const reports: ShadowReport[] = [];
    const provider = createShadow({ primary, shadow, onDiff: (r) => reports.push(r) });
    const first = await provider.listInvoices({ customerId: "alice", limit: 3 });
    await provider.settled();
    expect(inputs).toHaveLength(2);
    await provider.listInvoices({ customerId: "alice", limit: 3, cursor: first.nextCursor! });
    await provider.settled();
    expect(reports).toEqual([]);
  });

  it("compares a middle page only with the shadow's invoices of its stretch of time", async () => {
    const { shadow, all } = pagedShadow(5, 2);
    const primary = fakeProvider("chargebee", { invoices: all.filter((i) => i.id !== "in_4") });
    const reports: ShadowReport[] = [];
    const provider = createShadow({ primary, shadow, onDiff: (r) => reports.push(r) });
    let cursor: string | undefined;
    do {
      const page = await provider.listInvoices({ customerId: "alice", limit: 3, ...(cursor ? { cursor } : {}) });
      cursor = page.nextCursor;
    } while (cursor);
    await provider.settled();
    expect(reports.flatMap((r) => r.diffs.map(describeDiff))).toEqual(["invoice IN_4 missing on the left"]);
    expect(reports.map((r) => [r.operation, r.customerId])).toEqual([["listInvoices", "alice"]]);
  });
});

describe("createShadow: subscriptions and failures", () => {
  it("reports a subscription the shadow does not have, and reports nothing when both agree", async () => {
    const primary = fakeProvider("chargebee", { subscriptions: [sub] });
    const reports: ShadowReport[] = [];
    const errors: unknown[] = [];
    const provider = createShadow({
      primary,
      shadow: fakeProvider("stripe"),
      onDiff: (r) => reports.push(r),
      onError: (e) => errors.push(e),
    });
    await provider.getSubscription!({ customerId: "alice", subscriptionId: "sub_1" });
    await provider.settled();
    expect(reports).toEqual([
      {
        operation: "getSubscription",
        customerId: "alice",
        diffs: [{ kind: "subscription_missing", side: "right", key: "sub_1" }],
      },
    ]);
    expect(errors).toEqual([]);
    const same = createShadow({
      primary,
      shadow: fakeProvider("stripe", { subscriptions: [sub] }),
      onDiff: (r) => reports.push(r),
    });
    await same.getSubscription!({ customerId: "alice", subscriptionId: "sub_1" });
    await same.settled();
    expect(reports).toHaveLength(1);
  });

  it("hands the shadow's other failures to onError, and survives them without one", async () => {
    const primary = fakeProvider("chargebee", { subscriptions: [sub] });
    const failing = {
      ...fakeProvider("stripe"),
      getSubscription: async () => {
        throw Object.assign(new Error("shadow down"), { code: "unavailable" });
      },
    };
    const errors: unknown[] = [];
    const reports: ShadowReport[] = [];
    const provider = createShadow({
      primary,
      shadow: failing,
      onDiff: (r) => reports.push(r),
      onError: (e) => errors.push(e),
    });
    expect((await provider.getSubscription!({ customerId: "alice", subscriptionId: "sub_1" })).id).toBe("sub_1");
    await provider.settled();
    expect(errors.map((e) => (e as Error).message)).toEqual(["shadow down"]);
    expect(reports).toEqual([]);
    const quiet = createShadow({ primary, shadow: failing, onDiff: (r) => reports.push(r) });
    await quiet.getSubscription!({ customerId: "alice", subscriptionId: "sub_1" });
    await quiet.settled();
    expect(reports).toEqual([]);
  });

  it("compares nothing when the shadow cannot read subscriptions, and offers getSubscription only if the primary does", async () => {
    const primary = fakeProvider("chargebee", { subscriptions: [sub] });
    const { getSubscription: _, ...blind } = fakeProvider("stripe");
    const reports: ShadowReport[] = [];
    const errors: unknown[] = [];
    const provider = createShadow({
      primary,
      shadow: blind as PortalProvider,
      onDiff: (r) => reports.push(r),
      onError: (e) => errors.push(e),
    });
    await provider.getSubscription!({ customerId: "alice", subscriptionId: "sub_1" });
    await provider.settled();
    expect([reports, errors]).toEqual([[], []]);
    const { getSubscription: __, ...bare } = fakeProvider("chargebee");
    expect(
      createShadow({ primary: bare as PortalProvider, shadow: primary, onDiff: () => undefined }).getSubscription,
    ).toBe(undefined);
  });

  it("is the primary to its callers: its id, its capabilities, its other methods", async () => {
    const primary = fakeProvider("chargebee");
    const shadow = fakeProvider("stripe");
    const provider = createShadow({ primary, shadow, onDiff: () => undefined });
    expect(provider.id).toBe("chargebee");
    expect(provider.capabilities).toBe(primary.capabilities);
    expect((await provider.openPortal({ customerId: "alice" })).provider).toBe("chargebee");
    expect((await provider.createSession({ customerId: "alice" })).id).toBe("ps_chargebee");
    expect(shadow.calls).toEqual([]);
  });
});

/** A primary answering the pages given, one per call, with a cursor to the next while there is one. */
function pagesOf(pages: Invoice[][]): PortalProvider {
  const base = fakeProvider("chargebee");
  return {
    ...base,
    async listInvoices(input): Promise<Page<Invoice>> {
      const index = input.cursor === undefined ? 0 : Number(input.cursor);
      const data = pages[index] ?? [];
      return index + 1 < pages.length ? { data, nextCursor: String(index + 1) } : { data };
    },
  };
}

/** A shadow listing the invoices given newest first, as vendors do. */
function shadowOf(invoices: Invoice[]): PortalProvider {
  const newestFirst = [...invoices].sort((a, b) => Date.parse(b.issuedAt) - Date.parse(a.issuedAt));
  return fakeProvider("stripe", { invoices: newestFirst });
}

async function reportsFor(
  primary: PortalProvider,
  shadow: PortalProvider,
  cursors: Array<string | undefined>,
  extra = {},
) {
  const reports: ShadowReport[] = [];
  const errors: unknown[] = [];
  const provider = createShadow({
    primary,
    shadow,
    onDiff: (r) => reports.push(r),
    onError: (e) => errors.push(e),
    ...extra,
  });
  for (const cursor of cursors) await provider.listInvoices({ customerId: "alice", ...(cursor ? { cursor } : {}) });
  await provider.settled();
  return { diffs: reports.flatMap((r) => r.diffs.map(describeDiff)), errors };
}

describe("createShadow: a page's stretch of time", () => {
  const days = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => invoice(`in_${from + i}`, "alice", from + i));

  it("leaves to the neighbouring pages a shadow invoice issued at the same instant as a middle page's ends", async () => {
    const all = days(0, 8);
    const primary = pagesOf([all.slice(0, 3), all.slice(3, 6), all.slice(6)]);
    const sameInstant = (day: number, id: string) => ({ ...invoice(id, "alice", day), number: id.toUpperCase() });
    const shadow = shadowOf([...all, sameInstant(3, "extra_newest"), sameInstant(5, "extra_oldest")]);
    expect((await reportsFor(primary, shadow, ["1"])).diffs).toEqual([]);
  });

  it("reports a shadow invoice older than the last page's oldest as missing on the left", async () => {
    const all = days(0, 3);
    const primary = pagesOf([all.slice(0, 3)]);
    expect((await reportsFor(primary, shadowOf(all), [undefined])).diffs).toEqual(["invoice IN_3 missing on the left"]);
    const twoPages = pagesOf([all.slice(0, 2), all.slice(2, 3)]);
    expect((await reportsFor(twoPages, shadowOf(all), [undefined])).diffs).toEqual([]);
  });

  it("compares an empty middle page without failing", async () => {
    const primary = pagesOf([days(0, 1), [], days(2, 3)]);
    const result = await reportsFor(primary, shadowOf(days(0, 3)), ["1"]);
    expect(result.errors).toEqual([]);
  });

  it("matches the shadow's invoices by the invoiceKey given", async () => {
    const left = days(0, 1);
    const right = left.map((i) => ({ ...i, id: `re_${i.id}`, number: `R-${i.number}` }));
    const byDate = (i: Invoice) => i.issuedAt;
    expect((await reportsFor(pagesOf([left]), shadowOf(right), [undefined], { invoiceKey: byDate })).diffs).toEqual([]);
    expect((await reportsFor(pagesOf([left]), shadowOf(right), [undefined])).diffs).toHaveLength(4);
  });
});
