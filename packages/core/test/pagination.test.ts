import { describe, expect, it } from "vitest";
import {
  allInvoices,
  decodeCursor,
  encodeCursor,
  type Invoice,
  type ListInvoicesInput,
  type Page,
  PortalError,
} from "../src/index";

function fakeProvider(total: number) {
  const calls: ListInvoicesInput[] = [];
  const invoices: Invoice[] = Array.from({ length: total }, (_, i) => ({
    id: `in_${i}`,
    provider: "fake",
    customerId: "c1",
    status: "paid",
    total: { amount: i, currency: "USD" },
    amountDue: { amount: 0, currency: "USD" },
    amountPaid: { amount: i, currency: "USD" },
    issuedAt: new Date(Date.UTC(2026, 0, 1) - i * 1000).toISOString(),
    raw: {},
  }));
  return {
    calls,
    async listInvoices(input: ListInvoicesInput): Promise<Page<Invoice>> {
      calls.push(input);
      const start = input.cursor ? Number(decodeCursor("fake", input.customerId, input.cursor)) : 0;
      const end = start + (input.limit ?? 100);
      const page: Page<Invoice> = { data: invoices.slice(start, end) };
      if (end < invoices.length) page.nextCursor = encodeCursor("fake", input.customerId, String(end));
      return page;
    },
  };
}

describe("allInvoices", () => {
  it.each([0, 1, 100, 101, 250])("walks %i invoices in ceil(N/100) requests, each once", async (n) => {
    const provider = fakeProvider(n);
    const seen: string[] = [];
    for await (const invoice of allInvoices(provider, { customerId: "c1" })) seen.push(invoice.id);
    expect(seen).toHaveLength(n);
    expect(new Set(seen).size).toBe(n);
    expect(provider.calls).toHaveLength(Math.max(1, Math.ceil(n / 100)));
    expect(provider.calls.every((call) => call.limit === 100)).toBe(true);
  });

  it("stops with a typed error when a provider answers the same cursor again", async () => {
    const stuck = {
      id: "stuck",
      listInvoices: async () => ({ data: [], nextCursor: encodeCursor("stuck", "c1", "same") }),
    };
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const invoice of allInvoices(stuck, { customerId: "c1" })) seen.push(invoice);
    })().catch((e: unknown) => e);
    expect(PortalError.isInstance(error) && [error.code, error.provider]).toEqual(["unavailable", "stuck"]);
  });
});

describe("cursors", () => {
  it("round-trip and are bound to their provider and customer", () => {
    const cursor = encodeCursor("stripe", "cus_1", "in_42");
    expect(decodeCursor("stripe", "cus_1", cursor)).toBe("in_42");
    for (const [provider, customer, value] of [
      ["stripe", "cus_2", cursor],
      ["chargebee", "cus_1", cursor],
      ["stripe", "cus_1", "not a cursor"],
      ["stripe", "cus_1", "e30"],
    ] as const) {
      try {
        decodeCursor(provider, customer, value);
        expect.unreachable();
      } catch (error) {
        expect(PortalError.isInstance(error) && error.code === "invalid_input" && error.field === "cursor").toBe(true);
      }
    }
  });
});
