import type { Transaction } from "@paddle/paddle-node-sdk";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeInvoice } from "../src/normalize-invoice";

const transaction = (billedAt: string, interval: string, frequency: number) =>
  ({
    id: "txn_1",
    customerId: "ctm_1",
    status: "billed",
    currencyCode: "USD",
    billedAt,
    createdAt: billedAt,
    details: { totals: { total: "1000", balance: "1000" } },
    payments: [],
    billingDetails: { paymentTerms: { interval, frequency } },
  }) as unknown as Transaction;

/** The due date by Date's own calendar arithmetic, from the billing date. */
function byDate(billedAt: string, interval: string, frequency: number): string | undefined {
  const due = new Date(billedAt);
  if (interval === "day") due.setUTCDate(due.getUTCDate() + frequency);
  else if (interval === "week") due.setUTCDate(due.getUTCDate() + 7 * frequency);
  else if (interval === "month") due.setUTCMonth(due.getUTCMonth() + frequency);
  else if (interval === "year") due.setUTCFullYear(due.getUTCFullYear() + frequency);
  else return undefined;
  return due.toISOString();
}

describe("an invoice's due date", () => {
  it("counts Paddle's payment terms from the billing date, milliseconds kept", () => {
    expect(normalizeInvoice(transaction("2026-01-31T10:00:00.250Z", "day", 30), "paddle").dueAt).toBe(
      "2026-03-02T10:00:00.250Z",
    );
    expect(normalizeInvoice(transaction("2026-12-30T23:59:59Z", "week", 1), "paddle").dueAt).toBe(
      "2027-01-06T23:59:59.000Z",
    );
    expect(normalizeInvoice(transaction("2026-01-31T00:00:00Z", "month", 1), "paddle").dueAt).toBe(
      "2026-03-03T00:00:00.000Z",
    );
  });

  it("counts across the edges of the four-digit years as Date does", () => {
    for (const [billedAt, days] of [
      ["9999-12-30T12:00:00.125Z", 1],
      ["9999-12-30T12:00:00.125Z", 2],
      ["9999-12-31T23:59:59.999Z", 1],
      ["0000-01-02T00:00:00.000Z", -1],
      ["0000-01-02T00:00:00.000Z", -2],
      ["0000-01-01T00:00:00.000Z", 0],
      ["+010000-01-01T00:00:00.000Z", -1],
      ["-000001-12-31T00:00:00.000Z", 1],
      ["2024-02-28T08:00:00.000Z", 1],
      ["2100-02-28T08:00:00.000Z", 1],
    ] as const) {
      expect(normalizeInvoice(transaction(billedAt, "day", days), "paddle").dueAt, `${billedAt} + ${days}`).toBe(
        byDate(billedAt, "day", days),
      );
    }
  });

  it("agrees with Date's calendar arithmetic for any billing time and terms", () => {
    fc.assert(
      fc.property(
        // Dates are counted from their digits for four-digit years and left to Date beyond:
        // the years on either side of that edge, and any date Date can hold.
        fc.oneof(
          fc.date({
            min: new Date("0001-01-01T00:00:00Z"),
            max: new Date("9999-12-31T23:59:59.999Z"),
            noInvalidDate: true,
          }),
          fc.date({
            min: new Date("-000002-01-01T00:00:00Z"),
            max: new Date("0002-01-01T00:00:00Z"),
            noInvalidDate: true,
          }),
          fc.date({
            min: new Date("9998-01-01T00:00:00Z"),
            max: new Date("+010001-01-01T00:00:00Z"),
            noInvalidDate: true,
          }),
          fc.date({ noInvalidDate: true }),
        ),
        fc.constantFrom("day", "week", "month", "year"),
        fc.oneof(fc.integer({ min: -400, max: 400 }), fc.integer({ min: -3_000_000, max: 3_000_000 })),
        (billed, interval, frequency) => {
          const billedAt = billed.toISOString();
          let expected: string | undefined;
          try {
            expected = byDate(billedAt, interval, frequency);
          } catch (error) {
            expect(() => normalizeInvoice(transaction(billedAt, interval, frequency), "paddle")).toThrow(
              (error as Error).constructor as new () => Error,
            );
            return;
          }
          expect(normalizeInvoice(transaction(billedAt, interval, frequency), "paddle").dueAt).toBe(expected);
        },
      ),
    );
  });
});
