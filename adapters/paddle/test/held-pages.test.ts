// A list's next page read through the SDK collection that read the page before (held for the
// cursor it gave) against building the query from the cursor: the same requests, the same
// pages, and the held collection used only where it stands for exactly that query.
import { Paddle, TransactionsResource } from "@paddle/paddle-node-sdk";
import { mountOnMsw } from "@portalkit/conformance";
import {
  type AllInvoicesInput,
  allInvoices,
  allSubscriptions,
  type Invoice,
  type Page,
  type Subscription,
} from "@portalkit/core";
import { invoiceSeries } from "@portalkit/core/testing";
import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { holdPage, type PageCollection, takePage } from "../src/held-pages";
import { createPaddleProvider } from "../src/provider";
import { createPaddleSimulator, PADDLE_SANDBOX_ORIGIN } from "../src/testing";

const CUSTOMER = "cus_held";

function open(count = 95) {
  const sim = createPaddleSimulator();
  sim.seed({
    customers: [
      { id: CUSTOMER, email: "held@example.com" },
      { id: "cus_other", email: "other@example.com" },
    ],
    subscriptions: [],
    invoices: [
      ...invoiceSeries({ customerId: CUSTOMER, count }),
      ...invoiceSeries({ customerId: "cus_other", count: 40 }),
    ],
  });
  onTestFinished(mountOnMsw(PADDLE_SANDBOX_ORIGIN, (request) => sim.handle(request)));
  const provider = createPaddleProvider({
    apiKey: sim.apiKey,
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
  });
  // Every `transactions.list` builds a query: a page read through a held collection does not.
  const built = vi.spyOn(TransactionsResource.prototype, "list");
  onTestFinished(() => built.mockRestore());
  const urls = () =>
    sim.requests.map((request) => `${request.path}?${new URLSearchParams(request.query as Record<string, string>)}`);
  return { sim, provider, built, urls };
}

/** Seven subscriptions of the customer, `${prefix}0` the oldest, on a fresh simulator. */
function openSubscriptions(prefix: string, status: (index: number) => "active" | "canceled") {
  const sim = createPaddleSimulator();
  sim.seed({
    customers: [{ id: CUSTOMER, email: "held@example.com" }],
    subscriptions: Array.from({ length: 7 }, (_, i) => ({
      id: `${prefix}${i}`,
      customerId: CUSTOMER,
      status: status(i),
      priceId: "price_basic",
      quantity: 1,
      unitAmount: 1_500,
      currency: "usd",
      createdAt: `2026-01-0${i + 1}T00:00:00Z`,
      currentPeriodStart: "2026-11-01T00:00:00Z",
      currentPeriodEnd: "2026-12-01T00:00:00Z",
    })),
    invoices: [],
  });
  onTestFinished(mountOnMsw(PADDLE_SANDBOX_ORIGIN, (request) => sim.handle(request)));
  return { sim, provider: createPaddleProvider({ apiKey: sim.apiKey }) };
}

/** The walk, page by page, as the pages and the cursors that led to them. */
async function pages(
  provider: ReturnType<typeof createPaddleProvider>,
  input: Omit<AllInvoicesInput, "customerId"> = {},
) {
  const seen: Page<Invoice>[] = [];
  let cursor: string | undefined;
  do {
    const page = await provider.listInvoices({ customerId: CUSTOMER, ...input, ...(cursor ? { cursor } : {}) });
    seen.push(page);
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a walk through held collections", () => {
  it("builds the query once, sends the requests a walk built from cursors sends, and answers the same pages", async () => {
    const first = open();
    const held = await pages(first.provider);
    expect(first.built).toHaveBeenCalledTimes(1);
    const heldUrls = first.urls();

    // The same walk with nothing held: each page's query built from its cursor.
    const second = open();
    const rebuilt: Page<Invoice>[] = [];
    for (const [index, page] of held.entries()) {
      const cursor = index === 0 ? undefined : held[index - 1]?.nextCursor;
      // A cursor used a second time is never served by a held collection.
      rebuilt.push(await second.provider.listInvoices({ customerId: CUSTOMER, ...(cursor ? { cursor } : {}) }));
      expect(rebuilt.at(-1)).toEqual(page);
    }
    expect(held).toHaveLength(4);
    expect(held.flatMap((page) => page.data)).toHaveLength(95);
    expect(second.urls()).toEqual(heldUrls);
  });

  it("uses a held collection once: the same cursor again builds the query and answers the same page", async () => {
    const { provider, built } = open();
    const page1 = await provider.listInvoices({ customerId: CUSTOMER });
    const cursor = page1.nextCursor as string;
    const page2 = await provider.listInvoices({ customerId: CUSTOMER, cursor });
    expect(built).toHaveBeenCalledTimes(1);
    const again = await provider.listInvoices({ customerId: CUSTOMER, cursor });
    expect(built).toHaveBeenCalledTimes(2);
    expect(again).toEqual(page2);
  });

  it("builds the query for another page size or other filters with the same cursor", async () => {
    const { provider, built, sim } = open();
    const cursor = (await provider.listInvoices({ customerId: CUSTOMER })).nextCursor as string;
    const smaller = await provider.listInvoices({ customerId: CUSTOMER, cursor, limit: 5 });
    expect(built).toHaveBeenCalledTimes(2);
    expect(smaller.data).toHaveLength(5);
    expect(sim.requests.at(-1)?.query.per_page).toBe("5");
    const cursor2 = (await provider.listInvoices({ customerId: CUSTOMER })).nextCursor as string;
    await provider.listInvoices({ customerId: CUSTOMER, cursor: cursor2, status: ["paid"] });
    expect(built).toHaveBeenCalledTimes(4);
    expect(sim.requests.at(-1)?.query.status).toBe("paid,completed");
  });

  it("refuses another customer's cursor as before, whatever is held", async () => {
    const { provider, sim } = open();
    const cursor = (await provider.listInvoices({ customerId: CUSTOMER })).nextCursor as string;
    const before = sim.requests.length;
    await expect(provider.listInvoices({ customerId: "cus_other", cursor })).rejects.toMatchObject({
      code: "invalid_input",
      field: "cursor",
    });
    expect(sim.requests).toHaveLength(before);
    // The cursor's own customer still gets its page.
    expect((await provider.listInvoices({ customerId: CUSTOMER, cursor })).data).toHaveLength(30);
  });

  it("does not share held collections between providers (each has its own API key)", async () => {
    const { provider, built, sim } = open();
    const other = createPaddleProvider({ apiKey: sim.apiKey });
    const cursor = (await provider.listInvoices({ customerId: CUSTOMER })).nextCursor as string;
    const page = await other.listInvoices({ customerId: CUSTOMER, cursor });
    expect(built).toHaveBeenCalledTimes(2);
    expect(page).toEqual(await provider.listInvoices({ customerId: CUSTOMER, cursor }));
  });

  it("retries a failed page by building its query, and sends the request the held collection sent", async () => {
    const { provider, built, sim } = open();
    const cursor = (await provider.listInvoices({ customerId: CUSTOMER })).nextCursor as string;
    sim.inject({ fault: { type: "status", status: 503 }, path: "/transactions" });
    const page = await provider.listInvoices({ customerId: CUSTOMER, cursor });
    expect(page.data).toHaveLength(30);
    expect(built).toHaveBeenCalledTimes(2);
    const [failed, retried] = sim.requests.slice(-2);
    expect(failed?.fault).toBe("status");
    expect(retried?.query).toEqual(failed?.query);
  });

  it("walks subscriptions through held collections too, with the same pages", async () => {
    const { sim, provider } = openSubscriptions("sub_held_", () => "active");
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await provider.listSubscriptions({ customerId: CUSTOMER, limit: 3, ...(cursor ? { cursor } : {}) });
      ids.push(...page.data.map((subscription) => subscription.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual(Array.from({ length: 7 }, (_, i) => `sub_held_${6 - i}`));
    expect(sim.requests.map((request) => request.query.after ?? null)).toEqual([null, "sub_held_4", "sub_held_1"]);
  });

  it("walks every invoice with allInvoices", async () => {
    const { provider, built } = open(301);
    let seen = 0;
    for await (const _invoice of allInvoices(provider, { customerId: CUSTOMER })) seen++;
    expect(seen).toBe(301);
    expect(built).toHaveBeenCalledTimes(1);
  });
});

describe("allInvoices and allSubscriptions through the adapter's walk", () => {
  async function walked(provider: ReturnType<typeof createPaddleProvider>, input: AllInvoicesInput) {
    const ids: string[] = [];
    for await (const invoice of allInvoices(provider, input)) ids.push(invoice.id);
    return ids;
  }

  it.each([[{}], [{ limit: 7 }], [{ status: ["paid" as const, "open" as const] }], [{ limit: 50 }]])(
    "answers what the pages answer, with the same requests, building the query once (%o)",
    async (filters) => {
      const first = open(95);
      const viaPages: Invoice[] = [];
      for (const page of await pages(first.provider, filters)) viaPages.push(...page.data);
      const pageUrls = first.urls();

      const second = open(95);
      // The same spy as the first's (a method spied on twice keeps one spy): counted afresh.
      second.built.mockClear();
      const invoices: Invoice[] = [];
      for await (const invoice of allInvoices(second.provider, { customerId: CUSTOMER, ...filters })) {
        invoices.push(invoice);
      }
      expect(invoices).toEqual(viaPages);
      expect(second.urls()).toEqual(pageUrls);
      expect(second.built).toHaveBeenCalledTimes(1);
    },
  );

  it("retries a failed page by building its query from the position, and sends the request the walk sent", async () => {
    const { provider, built, sim } = open(95);
    const walk = allInvoices(provider, { customerId: CUSTOMER });
    for (let i = 0; i < 30; i++) await walk.next();
    sim.inject({ fault: { type: "status", status: 503 }, path: "/transactions" });
    let rest = 0;
    for await (const _invoice of walk) rest++;
    expect(rest).toBe(65);
    const [failed, retried] = sim.requests.slice(1, 3);
    expect(failed?.fault).toBe("status");
    expect(retried?.query).toEqual(failed?.query);
    // The first page and the retry build queries; the pages after follow the retry's collection.
    expect(built).toHaveBeenCalledTimes(2);
    expect(sim.requests).toHaveLength(5);
  });

  it("does not follow a next link off the list: each page's query is built from the position", async () => {
    const list = TransactionsResource.prototype.list;
    const { provider, built, sim } = open(95);
    built.mockImplementation(function (this: TransactionsResource, query) {
      const collection = list.call(this, query);
      const next = collection.next.bind(collection);
      collection.next = async () => {
        const items = await next();
        (collection as unknown as { nextLink: string }).nextLink = "https://evil.example/transactions?after=x";
        return items;
      };
      return collection;
    });
    const ids = await walked(provider, { customerId: CUSTOMER });
    expect(ids).toHaveLength(95);
    expect(built).toHaveBeenCalledTimes(4);
    // Every page after the first asked for by its position: the last id of the page before.
    expect(sim.requests.map((request) => request.query.after ?? null)).toEqual([null, ids[29], ids[59], ids[89]]);
    expect(sim.requests.every((request) => request.path === "/transactions")).toBe(true);
  });

  it("walks a provider wrapped by the app through its own listInvoices", async () => {
    const { provider, built } = open(95);
    const calls: Array<string | undefined> = [];
    const wrapped = {
      ...provider,
      listInvoices: (input: Parameters<typeof provider.listInvoices>[0]) => {
        calls.push(input.cursor);
        return provider.listInvoices(input);
      },
    };
    expect(await walked(wrapped, { customerId: CUSTOMER })).toHaveLength(95);
    expect(calls).toHaveLength(4);
    expect(calls[0]).toBeUndefined();
    expect(built).toHaveBeenCalledTimes(1);
  });

  it("walks subscriptions with the pages listSubscriptions answers", async () => {
    const { sim, provider } = openSubscriptions("sub_walk_", (i) => (i % 3 === 0 ? "canceled" : "active"));
    for (const filters of [{ limit: 3 }, { limit: 2, status: ["active" as const] }]) {
      const listed: Subscription[] = [];
      let cursor: string | undefined;
      do {
        const page = await provider.listSubscriptions({
          customerId: CUSTOMER,
          ...filters,
          ...(cursor ? { cursor } : {}),
        });
        listed.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor);
      const listedQueries = sim.requests.map((request) => request.query);
      sim.clearRequests();
      const all: Subscription[] = [];
      for await (const subscription of allSubscriptions(provider, { customerId: CUSTOMER, ...filters })) {
        all.push(subscription);
      }
      expect(all).toEqual(listed);
      expect(sim.requests.map((request) => request.query)).toEqual(listedQueries);
      expect(listedQueries.length).toBeGreaterThan(1);
      sim.clearRequests();
    }
  });
});

/** A collection whose next link is `link`, as the SDK keeps it. */
function collection(link: unknown): PageCollection<unknown> & { nextLink: unknown; data: unknown[] } {
  return { next: async () => [], hasMore: true, nextLink: link, data: [{ id: "txn_1" }] };
}

describe("holdPage and takePage", () => {
  const client = new Paddle("pdl_sdbx_apikey_heldpages000000000000000");
  const base = "https://sandbox-api.paddle.com";
  const prefix = `${base}/transactions?`;

  it("holds a collection whose next link is on the client's base and list, for one take", () => {
    const held = collection(`${prefix}customer_id=c&after=txn_9`);
    holdPage(client, "cur_a", "c", "30", prefix, held);
    expect(held.data).toEqual([]);
    expect(takePage(client, "cur_a", "c", "30")).toBe(held);
    expect(takePage(client, "cur_a", "c", "30")).toBeUndefined();
  });

  it("holds nothing for a next link elsewhere (the SDK would send its API key there)", () => {
    for (const link of [
      "https://evil.example/transactions?after=txn_9",
      `https://evil.example/?${prefix}`,
      `${base}.evil.example/transactions?after=txn_9`,
      `${base}/subscriptions?after=sub_1`,
      undefined,
      42,
    ]) {
      holdPage(client, "cur_b", "c", "30", prefix, collection(link));
      expect(takePage(client, "cur_b", "c", "30"), String(link)).toBeUndefined();
    }
  });

  it("answers nothing for another customer, another query or another client", () => {
    const other = new Paddle("pdl_sdbx_apikey_heldpages000000000000001");
    for (const [customerId, query, by] of [
      ["d", "30", client],
      ["c", "5", client],
      ["c", "30", other],
    ] as const) {
      holdPage(client, "cur_c", "c", "30", prefix, collection(`${prefix}after=txn_9`));
      expect(takePage(by, "cur_c", customerId, query)).toBeUndefined();
    }
  });

  it("keeps the latest 64 per client", () => {
    const own = new Paddle("pdl_sdbx_apikey_heldpages000000000000002");
    const all = Array.from({ length: 70 }, (_, i) => collection(`${prefix}after=txn_${i}`));
    all.forEach((held, i) => {
      holdPage(own, `cur_${i}`, "c", "30", prefix, held);
    });
    expect(all.map((held, i) => takePage(own, `cur_${i}`, "c", "30") === held)).toEqual(all.map((_, i) => i >= 6));
  });
});
