import { describe, expect, it } from "vitest";
import { describeDiff, diffInvoices, diffSubscriptions, type Invoice, type Subscription } from "../src/index";
import { invoice } from "./fake-provider";

const sub = (overrides: Partial<Subscription> = {}): Subscription => ({
  id: "sub_1",
  provider: "p",
  customerId: "c",
  status: "active",
  items: [],
  raw: {},
  ...overrides,
});

describe("diffInvoices", () => {
  it("reports each amount that differs, in amount or currency, and a differing status", () => {
    const left = invoice("in_1", "a", 1, 1000, "open");
    const right: Invoice = {
      ...left,
      total: { amount: 1000, currency: "EUR" },
      amountDue: { amount: 900, currency: "USD" },
      status: "paid",
    };
    expect(diffInvoices([left], [right]).map(describeDiff)).toEqual([
      "invoice IN_1 total: 1000 USD ≠ 1000 EUR",
      "invoice IN_1 amountDue: 1000 USD ≠ 900 USD",
      "invoice IN_1 status: open ≠ paid",
    ]);
    expect(diffInvoices([left], [{ ...left, id: "other_id" }])).toEqual([]);
  });

  it("reports invoices missing on either side unless told not to, with the invoice", () => {
    const onlyLeft = invoice("in_1", "a", 1);
    const both = invoice("in_2", "a", 2);
    const onlyRight = invoice("in_3", "a", 3);
    expect(diffInvoices([onlyLeft, both], [both, onlyRight])).toEqual([
      { kind: "invoice_missing", side: "right", key: "IN_1", invoice: onlyLeft },
      { kind: "invoice_missing", side: "left", key: "IN_3", invoice: onlyRight },
    ]);
    expect(diffInvoices([onlyLeft, both], [both, onlyRight], { missing: { left: false } }).map(describeDiff)).toEqual([
      "invoice IN_1 missing on the right",
    ]);
    expect(diffInvoices([onlyLeft, both], [both, onlyRight], { missing: { right: false } }).map(describeDiff)).toEqual([
      "invoice IN_3 missing on the left",
    ]);
    expect(diffInvoices([onlyLeft], [onlyRight], { missing: { left: false, right: false } })).toEqual([]);
  });

  it("matches by number, by id for invoices without one, or by the key given", () => {
    const { number: _, ...unnumbered } = invoice("in_1", "a", 1);
    expect(diffInvoices([unnumbered], [{ ...unnumbered }])).toEqual([]);
    expect(diffInvoices([unnumbered], [{ ...unnumbered, id: "in_9" }]).map(describeDiff)).toEqual([
      "invoice in_1 missing on the right",
      "invoice in_9 missing on the left",
    ]);
    const byDate = (i: Invoice) => i.issuedAt;
    const left = invoice("in_1", "a", 1);
    expect(diffInvoices([left], [{ ...left, id: "x", number: "Y" }], { key: byDate })).toEqual([]);
  });
});

describe("diffSubscriptions", () => {
  it("finds nothing when both sides lack it or agree, and names the side that lacks it", () => {
    expect(diffSubscriptions("s", undefined, undefined)).toEqual([]);
    expect(diffSubscriptions("s", sub(), sub({ id: "other" }))).toEqual([]);
    expect(diffSubscriptions("s", undefined, sub())).toEqual([
      { kind: "subscription_missing", side: "left", key: "s" },
    ]);
    expect(diffSubscriptions("s", sub(), undefined).map(describeDiff)).toEqual(["subscription s missing on the right"]);
    expect(describeDiff({ kind: "subscription_missing", side: "left", key: "s" })).toBe(
      "subscription s missing on the left",
    );
  });

  it("reports a differing status and a cancellation on another day, not another hour of the same day", () => {
    const left = sub({ status: "cancel_scheduled", cancelAt: "2026-12-01T00:00:00.000Z" });
    expect(diffSubscriptions("s", left, { ...left, cancelAt: "2026-12-01T23:59:59.000Z" })).toEqual([]);
    expect(diffSubscriptions("s", left, sub({ cancelAt: "2026-12-02T00:00:00.000Z" }))).toStrictEqual([
      { kind: "subscription_status", key: "s", left: "cancel_scheduled", right: "active" },
      { kind: "subscription_cancel_at", key: "s", left: "2026-12-01T00:00:00.000Z", right: "2026-12-02T00:00:00.000Z" },
    ]);
    expect(diffSubscriptions("s", left, sub()).map(describeDiff)).toEqual([
      "subscription s status: cancel_scheduled ≠ active",
      "subscription s cancelAt: 2026-12-01T00:00:00.000Z ≠ none",
    ]);
    expect(diffSubscriptions("s", left, sub())[1]).toStrictEqual({
      kind: "subscription_cancel_at",
      key: "s",
      left: "2026-12-01T00:00:00.000Z",
    });
  });

  it("names only the side that has a cancellation date", () => {
    expect(diffSubscriptions("s", sub({ cancelAt: "2026-12-01T00:00:00.000Z" }), sub())).toStrictEqual([
      { kind: "subscription_cancel_at", key: "s", left: "2026-12-01T00:00:00.000Z" },
    ]);
    expect(diffSubscriptions("s", sub(), sub({ cancelAt: "2026-12-01T00:00:00.000Z" }))).toStrictEqual([
      { kind: "subscription_cancel_at", key: "s", right: "2026-12-01T00:00:00.000Z" },
    ]);
  });
});
