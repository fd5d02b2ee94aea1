import {
  allInvoices,
  type Invoice,
  InvoiceSchema,
  type InvoiceStatus,
  type ListInvoicesInput,
  MAX_PAGE_SIZE,
  PageSchema,
  type PortalProvider,
} from "@portalkit/core";
import type { WorldInvoice } from "@portalkit/core/testing";
import { describe, expect, it } from "vitest";
import { type Scenario, sameInstant } from "../scenario-kit";
import { ALICE, invoiceWorld, SUBSCRIPTIONS } from "../world";

export const PAGING_COUNTS = [0, 1, 100, 101, 250] as const;
const PAGE = PageSchema(InvoiceSchema);

/** Every invoice of one listing, page by page, each page parsed by its schema. */
export async function walkInvoices(
  provider: Pick<PortalProvider, "listInvoices">,
  input: Omit<ListInvoicesInput, "cursor">,
  maxPages = 100,
): Promise<Invoice[]> {
  const invoices: Invoice[] = [];
  let cursor: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = PAGE.parse(await provider.listInvoices(cursor === undefined ? input : { ...input, cursor }));
    expect(page.data.length).toBeLessThanOrEqual(input.limit ?? 100);
    invoices.push(...page.data);
    cursor = page.nextCursor;
    if (cursor === undefined) return invoices;
    if (pages >= maxPages) throw new Error(`listInvoices still had a next page after ${maxPages} pages`);
  }
}

export function expectNewestFirst(invoices: readonly Invoice[]): void {
  for (let i = 1; i < invoices.length; i++) {
    const newer = Date.parse(invoices[i - 1]!.issuedAt);
    const older = Date.parse(invoices[i]!.issuedAt);
    expect(newer, `invoice ${i} (${invoices[i]!.id}) is newer than the one before it`).toBeGreaterThanOrEqual(older);
  }
}

/** The ids, sorted, duplicates kept: equal lists mean every invoice exactly once. */
export function idsOf(invoices: ReadonlyArray<{ id: string }>): string[] {
  return invoices.map((invoice) => invoice.id).sort();
}

export function invoiceScenarios(scenario: Scenario): void {
  const { harness, providerId } = scenario;
  const hasPending = harness.manifest.invoiceStatuses.includes("pending");
  const pageSize = harness.manifest.pageSize ?? MAX_PAGE_SIZE;
  const aliceInvoices = (predicate: (invoice: WorldInvoice) => boolean = () => true) =>
    scenario
      .world()
      .invoices.filter((invoice) => invoice.customerId === ALICE && invoice.status !== "pending" && predicate(invoice));

  describe("listInvoices", () => {
    it.each(PAGING_COUNTS)(
      "lists each of %i invoices exactly once, newest first, one request a page",
      async (count) => {
        const world = invoiceWorld({ invoiceStatuses: harness.manifest.invoiceStatuses, count });
        const expected = world.invoices.filter((invoice) => invoice.customerId === ALICE);
        const ctx = await scenario.open(world);

        const listed = await walkInvoices(ctx.provider, { customerId: ALICE, limit: 100 });
        expect(idsOf(listed)).toEqual(idsOf(expected));
        expectNewestFirst(listed);
        for (const invoice of listed) expect(invoice.customerId).toBe(ALICE);

        ctx.clearRequests();
        const walked: string[] = [];
        for await (const invoice of allInvoices(ctx.provider, { customerId: ALICE })) walked.push(invoice.id);
        expect(walked).toEqual(listed.map((invoice) => invoice.id));
        expect(ctx.requests.length, "requests for a full walk with allInvoices").toBe(
          Math.max(1, Math.ceil(count / pageSize)),
        );
      },
    );

    it("small pages hold every invoice exactly once", async () => {
      const ctx = await scenario.open(scenario.world());
      const listed = await walkInvoices(ctx.provider, { customerId: ALICE, limit: 7 });
      expect(idsOf(listed)).toEqual(idsOf(aliceInvoices()));
      expectNewestFirst(listed);
    });

    it("filters by subscription", async () => {
      const ctx = await scenario.open(scenario.world());
      for (const subscriptionId of [SUBSCRIPTIONS.aliceMain, SUBSCRIPTIONS.aliceAddon]) {
        const listed = await walkInvoices(ctx.provider, { customerId: ALICE, subscriptionId });
        expect(idsOf(listed)).toEqual(idsOf(aliceInvoices((invoice) => invoice.subscriptionId === subscriptionId)));
        for (const invoice of listed) expect(invoice.subscriptionId).toBe(subscriptionId);
      }
      const none = await walkInvoices(ctx.provider, { customerId: ALICE, subscriptionId: SUBSCRIPTIONS.aliceTrial });
      expect(none).toEqual([]);
    });

    it("filters by status", async () => {
      const ctx = await scenario.open(scenario.world());
      const statuses = harness.manifest.invoiceStatuses.filter((status) => status !== "pending");
      const sets: InvoiceStatus[][] = [...statuses.map((status) => [status]), statuses.slice(0, 2)];
      for (const status of sets) {
        const listed = await walkInvoices(ctx.provider, { customerId: ALICE, status });
        expect(idsOf(listed), `status ${status.join(", ")}`).toEqual(
          idsOf(aliceInvoices((invoice) => status.includes(invoice.status))),
        );
      }
    });

    describe.skipIf(!hasPending)("pending invoices (when the vendor has them)", () => {
      it("skips pending invoices unless includePending", async () => {
        const world = scenario.world();
        const pending = world.invoices.filter(
          (invoice) => invoice.customerId === ALICE && invoice.status === "pending",
        );
        expect(pending.length, "the world holds pending invoices").toBeGreaterThan(0);
        const ctx = await scenario.open(world);
        const without = await walkInvoices(ctx.provider, { customerId: ALICE });
        expect(idsOf(without)).toEqual(idsOf(aliceInvoices()));
        const withPending = await walkInvoices(ctx.provider, { customerId: ALICE, includePending: true });
        expect(idsOf(withPending)).toEqual(idsOf(world.invoices.filter((invoice) => invoice.customerId === ALICE)));
      });
    });

    it("normalizes money, status, dates and references", async () => {
      const world = scenario.world();
      const byId = new Map(world.invoices.map((invoice) => [invoice.id, invoice]));
      const ctx = await scenario.open(world);
      const listed = await walkInvoices(ctx.provider, { customerId: ALICE, includePending: true });
      expect(listed.length).toBeGreaterThan(0);
      expectNewestFirst(listed);
      for (const invoice of listed) {
        const seeded = byId.get(invoice.id);
        expect(seeded, `invoice ${invoice.id} was seeded`).toBeDefined();
        if (!seeded) continue;
        const currency = seeded.currency.toUpperCase();
        expect(invoice).toMatchObject({
          provider: providerId,
          customerId: seeded.customerId,
          status: seeded.status,
          total: { amount: seeded.total, currency },
          amountDue: { amount: seeded.amountDue, currency },
          amountPaid: { amount: seeded.amountPaid, currency },
        });
        expect(invoice.subscriptionId).toBe(seeded.subscriptionId);
        // Drafts may have no number yet (Stripe numbers an invoice when it is finalized).
        const number = harness.manifest.invoiceNumber === "id" ? seeded.id : seeded.number;
        if (invoice.number !== undefined || seeded.status !== "draft") expect(invoice.number).toBe(number);
        expect(sameInstant(invoice.issuedAt, seeded.issuedAt), `issuedAt of ${invoice.id}`).toBe(true);
        if (invoice.dueAt !== undefined)
          expect(sameInstant(invoice.dueAt, seeded.dueAt), `dueAt of ${invoice.id}`).toBe(true);
        if (invoice.paidAt !== undefined) {
          expect(sameInstant(invoice.paidAt, seeded.paidAt), `paidAt of ${invoice.id}`).toBe(true);
        }
      }
    });
  });
}
