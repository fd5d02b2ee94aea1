import type { WorldInvoice } from "@portalkit/core/testing";
import { describe, expect, it } from "vitest";
import { type Scenario, sameInstant } from "../scenario-kit";
import { ALICE } from "../world";
import { walkInvoices } from "./invoices";

/**
 * Every date of an invoice is the world's: issued, due (every world invoice has a due date)
 * and paid (only paid ones have one). A date left out is as wrong as a wrong date.
 */
export function invoiceDateScenarios(scenario: Scenario): void {
  describe("listInvoices: invoice dates", () => {
    it("issuedAt, dueAt and paidAt are the world's, and paidAt is absent until an invoice is paid", async () => {
      const world = scenario.world();
      const byId = new Map<string, WorldInvoice>(world.invoices.map((invoice) => [invoice.id, invoice]));
      const ctx = await scenario.open(world);
      const listed = await walkInvoices(ctx.provider, { customerId: ALICE, includePending: true });
      expect(listed.length).toBeGreaterThan(0);
      let paid = 0;
      for (const invoice of listed) {
        const seeded = byId.get(invoice.id);
        expect(seeded, `invoice ${invoice.id} was seeded`).toBeDefined();
        if (!seeded) continue;
        expect(seeded.dueAt, "the world gives every invoice a due date").toBeDefined();
        expect([invoice.issuedAt, sameInstant(invoice.issuedAt, seeded.issuedAt)], `issuedAt of ${invoice.id}`).toEqual(
          [invoice.issuedAt, true],
        );
        expect([invoice.dueAt, sameInstant(invoice.dueAt, seeded.dueAt)], `dueAt of ${invoice.id}`).toEqual([
          invoice.dueAt,
          true,
        ]);
        expect([invoice.paidAt, sameInstant(invoice.paidAt, seeded.paidAt)], `paidAt of ${invoice.id}`).toEqual([
          invoice.paidAt,
          true,
        ]);
        if (seeded.paidAt !== undefined) paid++;
      }
      expect(paid, "some listed invoices are paid").toBeGreaterThan(0);
    });
  });
}
