// Walks N invoices of one customer through each simulator's list endpoint (in process,
// pages of 100) and prints the time per invoice, for N = 10 000 and 100 000: a page's cost
// must not grow with the collection. Run: npx tsx --conditions=@portalkit/source scripts/simulator-scaling.ts
import { createChargebeeSimulator } from "@portalkit/chargebee/testing";
import { invoiceSeries, type World } from "@portalkit/core/testing";
import { createMemorySimulator } from "@portalkit/memory/testing";
import { createStripeSimulator } from "@portalkit/stripe/testing";

const CUSTOMER = "cus_scale";

function world(count: number): World {
  return {
    customers: [
      { id: CUSTOMER, email: "scale@example.com" },
      { id: "cus_other", email: "other@example.com" },
    ],
    subscriptions: [],
    invoices: [
      ...invoiceSeries({ customerId: CUSTOMER, count, currency: "USD", newest: "2300-01-01T00:00:00Z" }),
      // Another customer's invoices, as many again, which a page must not pay for.
      ...invoiceSeries({
        customerId: "cus_other",
        count,
        currency: "USD",
        newest: "2300-01-01T00:00:00Z",
      }),
    ],
  };
}

interface Walker {
  name: string;
  /** Seeds `count` invoices, then returns a function that walks them all and answers how many it saw. */
  prepare(count: number): () => Promise<number>;
}

async function getJson(handle: (request: Request) => Promise<Response>, url: string, headers: Record<string, string>) {
  const response = await handle(new Request(url, { headers }));
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
}

const walkers: Walker[] = [
  {
    name: "stripe",
    prepare(count) {
      const sim = createStripeSimulator();
      sim.seed(world(count));
      const headers = { authorization: `Bearer ${sim.secretKey}` };
      return async () => {
        let seen = 0;
        let after: string | undefined;
        for (;;) {
          const query = `customer=${CUSTOMER}&limit=100${after ? `&starting_after=${after}` : ""}`;
          const page = await getJson(sim.handle, `https://api.stripe.com/v1/invoices?${query}`, headers);
          const data = page.data as Array<{ id: string }>;
          seen += data.length;
          if (!page.has_more) return seen;
          after = data.at(-1)?.id;
        }
      };
    },
  },
  {
    name: "chargebee",
    prepare(count) {
      const sim = createChargebeeSimulator({ apiKey: "test_scale" });
      sim.seed(world(count));
      const headers = { authorization: `Basic ${btoa("test_scale:")}` };
      return async () => {
        let seen = 0;
        let offset: string | undefined;
        for (;;) {
          const query = `customer_id[is]=${CUSTOMER}&limit=100${offset ? `&offset=${encodeURIComponent(offset)}` : ""}`;
          const page = await getJson(
            sim.handle,
            `https://portalkit-test.chargebee.com/api/v2/invoices?${query}`,
            headers,
          );
          seen += (page.list as unknown[]).length;
          offset = page.next_offset as string | undefined;
          if (!offset) return seen;
        }
      };
    },
  },
  {
    name: "memory",
    prepare(count) {
      const sim = createMemorySimulator();
      sim.seed(world(count));
      return async () => {
        let seen = 0;
        let offset = "0";
        for (;;) {
          const url = `https://api.memory.invalid/v1/invoices?customer_id=${CUSTOMER}&limit=100&offset=${offset}`;
          const page = await getJson(sim.handle, url, {});
          seen += (page.data as unknown[]).length;
          if (page.next_offset === undefined) return seen;
          offset = page.next_offset as string;
        }
      };
    },
  },
];

const only = process.argv[2];
for (const walker of walkers.filter((w) => !only || w.name === only)) {
  const perInvoice: number[] = [];
  for (const count of [10_000, 100_000]) {
    const walk = walker.prepare(count);
    await walk(); // warm-up, and the first read merges the seeded invoices into the index
    // The median of three walks.
    const runs: number[] = [];
    let seen = 0;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      seen = await walk();
      runs.push(performance.now() - started);
    }
    const ms = runs.sort((a, b) => a - b)[1] ?? 0;
    if (seen !== count) throw new Error(`${walker.name}: walked ${seen} of ${count}`);
    perInvoice.push((ms * 1000) / count);
    console.log(
      `${walker.name.padEnd(10)} ${String(count).padStart(7)} invoices  ${ms.toFixed(0).padStart(6)} ms  ${((ms * 1000) / count).toFixed(2)} µs/invoice`,
    );
  }
  console.log(
    `${walker.name.padEnd(10)} 100k/10k per-invoice ratio ${((perInvoice[1] ?? 0) / (perInvoice[0] ?? 1)).toFixed(2)}`,
  );
}
