// The kit's walks: `allInvoices` and `allSubscriptions` read a kit provider's pages through the
// adapter's walk when it gives one, with the method's input check, error mapping and loop
// guard, and through the method itself for anything else.
import { describe, expect, it } from "vitest";
import * as z from "zod";
import {
  allInvoices,
  allSubscriptions,
  decodeCursor,
  defineCapabilities,
  encodeCursor,
  type Invoice,
  invoicePages,
  PortalError,
} from "../src";
import { type AdapterContext, type AdapterOperations, defineAdapter } from "../src/adapter";
import { invoice } from "./fake-provider";

const PAGE = 4;

/** A vendor of offset-paged invoices that logs who asked for each page. */
function vendor(count: number) {
  const invoices = Array.from({ length: count }, (_, i) => invoice(`in_${i}`, "alice", count - i));
  const calls: string[] = [];
  const failures: unknown[] = [];
  return {
    calls,
    failures,
    async page(by: string, offset: number, size: number): Promise<{ data: Invoice[]; next?: number }> {
      calls.push(`${by} ${offset}`);
      const failure = failures.shift();
      if (failure !== undefined) throw failure;
      const data = invoices.slice(offset, offset + size);
      return offset + size < invoices.length ? { data, next: offset + size } : { data };
    },
  };
}
type Vendor = ReturnType<typeof vendor>;

const Options = z.strictObject({ vendor: z.custom<Vendor>(), stuck: z.boolean().optional() });
type Options = z.infer<typeof Options>;
type Ctx = AdapterContext<Vendor, Record<never, never>, Options>;

function open(count = 10, operations: Partial<AdapterOperations<Ctx>> = {}) {
  const client = vendor(count);
  const provider = defineAdapter({
    id: "acme" as const,
    vendor: "Acme",
    options: Options,
    client: (options: Options) => options.vendor,
    toPortalError: (error, provider) =>
      new PortalError({ code: "unavailable", provider, message: `vendor said ${String(error)}` }),
    retry: () => ({ maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0 }),
    capabilities: defineCapabilities({ sections: [], cancelModes: ["now"] }),
    sections: {},
    lookups: {},
    operations: {
      createSession: async ({ customerId }, ctx) => ({
        id: "s1",
        provider: ctx.provider,
        customerId,
        createdAt: "2026-11-21T08:00:00Z",
        raw: {},
      }),
      openPortal: async (_input, ctx) => ({ kind: "redirect", provider: ctx.provider, url: "https://portal.test/" }),
      cancel: async () => {
        throw new Error("not in these tests");
      },
      async listInvoices(input, ctx) {
        const offset =
          input.cursor === undefined ? 0 : Number(decodeCursor(ctx.provider, input.customerId, input.cursor));
        const page = await ctx.read((c) => c.page("method", offset, Math.min(input.limit ?? PAGE, PAGE)));
        return page.next === undefined
          ? { data: page.data }
          : { data: page.data, nextCursor: encodeCursor(ctx.provider, input.customerId, String(page.next)) };
      },
      walks: {
        listInvoices: (input, ctx) => async (after) => {
          const offset = after === undefined ? 0 : Number(after);
          const page = await ctx.read((c) => c.page("walk", offset, Math.min(input.limit ?? PAGE, PAGE)));
          if (ctx.options.stuck) return { data: page.data, nextCursor: "0" };
          return page.next === undefined ? { data: page.data } : { data: page.data, nextCursor: String(page.next) };
        },
      },
      ...operations,
    } satisfies AdapterOperations<Ctx>,
  });
  return { client, build: (options: Partial<Options> = {}) => provider({ vendor: client, ...options }) };
}

async function ids(walk: AsyncIterable<{ id: string }>): Promise<string[]> {
  const seen: string[] = [];
  for await (const item of walk) seen.push(item.id);
  return seen;
}

describe("a kit provider's walk", () => {
  it("walks through the adapter's walk: the pages the method answers, one request a page", async () => {
    const { client, build } = open(10);
    const provider = build();
    const walked = await ids(allInvoices(provider, { customerId: "alice" }));
    expect(client.calls).toEqual(["walk 0", "walk 4", "walk 8"]);
    client.calls.length = 0;
    const paged: string[] = [];
    for await (const page of invoicePages(provider, { customerId: "alice" })) paged.push(...page.data.map((i) => i.id));
    expect(client.calls).toEqual(["method 0", "method 4", "method 8"]);
    expect(walked).toEqual(paged);
    expect(walked).toHaveLength(10);
  });

  it("checks the input once, at the first next(), as the method does: invalid input sends nothing", async () => {
    const { client, build } = open();
    const walk = allInvoices(build(), { customerId: "" });
    expect(client.calls).toEqual([]);
    await expect(walk.next()).rejects.toMatchObject({ code: "invalid_input", field: "customerId" });
    expect(client.calls).toEqual([]);
  });

  it("answers a vendor failure as the method's PortalError, after the same retries", async () => {
    const { client, build } = open(10);
    const walk = allInvoices(build(), { customerId: "alice" });
    for (let i = 0; i < PAGE; i++) await walk.next();
    client.failures.push("busy", "busy");
    const failure = await walk.next().catch((error: unknown) => error);
    expect(PortalError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ code: "unavailable", provider: "acme", message: "vendor said busy" });
    expect(client.calls).toEqual(["walk 0", "walk 4", "walk 4"]);
    expect(await walk.next()).toEqual({ value: undefined, done: true });
  });

  it("stops with a typed error when the walk answers the same position again", async () => {
    const { build } = open(10);
    const walk = allInvoices(build({ stuck: true }), { customerId: "alice" });
    await expect(ids(walk)).rejects.toMatchObject({ code: "unavailable", provider: "acme" });
  });

  it("walks through the method for a wrapped provider, a cursor given, or a list without a walk", async () => {
    const { client, build } = open(10);
    const provider = build();
    const wrapped = {
      ...provider,
      listInvoices: (input: Parameters<typeof provider.listInvoices>[0]) => provider.listInvoices(input),
    };
    expect(await ids(allInvoices(wrapped, { customerId: "alice" }))).toHaveLength(10);
    expect(client.calls).toEqual(["method 0", "method 4", "method 8"]);

    client.calls.length = 0;
    const first = await provider.listInvoices({ customerId: "alice" });
    const rest = allInvoices(provider, { customerId: "alice", cursor: first.nextCursor } as { customerId: string });
    expect(await ids(rest)).toHaveLength(6);
    expect(client.calls).toEqual(["method 0", "method 4", "method 8"]);

    await expect(allSubscriptions(provider, { customerId: "alice" }).next()).rejects.toMatchObject({
      code: "unsupported",
    });
  });

  it("refuses a walk for a list the adapter does not implement", () => {
    const { client, build } = open(1, {
      walks: { listSubscriptions: () => async () => ({ data: [] }) },
    } as Partial<AdapterOperations<Ctx>>);
    expect(() => build()).toThrow(/walks\.listSubscriptions is given but listSubscriptions is not implemented/);
    expect(client.calls).toEqual([]);
  });
});
