import { ALICE, conformanceWorld } from "@portalkit/conformance/world";
import { allInvoices, PortalError } from "@portalkit/core";
import { invoiceSeries } from "@portalkit/core/testing";
import { describe, expect, it } from "vitest";
import { createStripeHarness } from "../src/testing";

const harness = createStripeHarness({ transport: "msw" });
const setup = { retry: { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0 }, timeoutMs: 2_000 };

describe("listing when Stripe's pages do not add up", () => {
  it("stops with a typed error when Stripe repeats a page instead of looping", async () => {
    const ctx = await harness.setup(setup);
    try {
      await ctx.seed(conformanceWorld({ invoiceStatuses: harness.manifest.invoiceStatuses }));
      let first: string | undefined;
      ctx.inject({
        operation: "listInvoices",
        times: Number.MAX_SAFE_INTEGER,
        fault: {
          type: "corrupt",
          // Every answer is the first page again, still saying there is more.
          corrupt: async (real) => {
            first ??= JSON.stringify({ ...(await real.json()), has_more: true });
            return new Response(first, { status: 200, headers: { "content-type": "application/json" } });
          },
        },
      });
      ctx.clearRequests();
      const error = await ctx.provider
        .listInvoices({ customerId: ALICE, status: ["void", "uncollectible"], limit: 100 })
        .catch((e: unknown) => e);
      expect(PortalError.isInstance(error) && [error.code, error.retryable]).toEqual(["unavailable", false]);
      expect(ctx.requests.length).toBe(2);
    } finally {
      await ctx.close();
    }
  });

  it("bounds the pages one filtered call reads and carries on with a cursor", async () => {
    const ctx = await harness.setup(setup);
    try {
      const world = conformanceWorld({ invoiceStatuses: harness.manifest.invoiceStatuses });
      // 2 500 paid invoices, then one void one: the void one lies 26 Stripe pages down.
      const many = invoiceSeries({
        customerId: ALICE,
        count: 2_501,
        prefix: "in_many_",
        status: (i) => (i === 2_500 ? "void" : "paid"),
      });
      await ctx.seed({ ...world, invoices: many });
      ctx.clearRequests();
      const first = await ctx.provider.listInvoices({ customerId: ALICE, status: ["void", "uncollectible"] });
      expect(first.data).toEqual([]);
      expect(first.nextCursor).toBeDefined();
      expect(ctx.requests.length).toBe(20);
      const found = [];
      for await (const invoice of allInvoices(ctx.provider, { customerId: ALICE, status: ["void", "uncollectible"] })) {
        found.push(invoice.id);
      }
      expect(found).toEqual(["in_many_002500"]);
    } finally {
      await ctx.close();
    }
  });
});
