import { describe, expect, it } from "vitest";
import type { HarnessContext } from "../harness";
import type { Scenario } from "../scenario-kit";
import { ALICE, BOB } from "../world";
import { idsOf, walkInvoices } from "./invoices";

/**
 * A listing answer with the customer's id replaced by another's (every occurrence, or the
 * first only), as a vendor bug, a stale cache or a mis-scoped query would answer. The length
 * changes, so the length header goes.
 */
function reassign(ctx: HarnessContext, occurrences: "all" | "first"): void {
  ctx.inject({
    operation: "listInvoices",
    fault: {
      type: "corrupt",
      corrupt: async (real) => {
        const text = await real.text();
        const from = JSON.stringify(ALICE);
        const to = JSON.stringify(BOB);
        const body = occurrences === "all" ? text.split(from).join(to) : text.replace(from, to);
        const headers = new Headers(real.headers);
        headers.delete("content-length");
        return new Response(body, { status: real.status, headers });
      },
    },
  });
}

/**
 * The vendor's listing filter is not trusted: an invoice the answer says belongs to someone
 * else is left out, even when the vendor put it in a listing asked for this customer.
 */
export function foreignInvoiceScenarios(scenario: Scenario): void {
  const aliceIds = () =>
    idsOf(scenario.world().invoices.filter((invoice) => invoice.customerId === ALICE && invoice.status !== "pending"));

  describe("listInvoices: foreign invoices in the vendor's answer", () => {
    it("leaves out every invoice the vendor's answer gives to another customer", async () => {
      const ctx = await scenario.open(scenario.world());
      reassign(ctx, "all");
      const page = await ctx.provider.listInvoices({ customerId: ALICE });
      expect(
        page.data.map((invoice) => [invoice.id, invoice.customerId]),
        "invoices of another customer listed",
      ).toEqual([]);
      expect(ctx.requests.length, "one request: the answer was read, not retried").toBe(1);
    });

    it("leaves out one foreign invoice among the customer's own and keeps the rest", async () => {
      const ctx = await scenario.open(scenario.world());
      reassign(ctx, "first");
      const listed = await walkInvoices(ctx.provider, { customerId: ALICE });
      for (const invoice of listed) expect(invoice.customerId, `owner of ${invoice.id}`).toBe(ALICE);
      const ids = idsOf(listed);
      const expected = aliceIds();
      for (const id of ids) expect(expected, `${id} is one of Alice's invoices`).toContain(id);
      expect(ids.length, "all of Alice's invoices but the reassigned one").toBe(expected.length - 1);
    });
  });
}
