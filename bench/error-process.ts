// The cost of creating a PortalError after building many providers. Run with --expose-gc,
// in a fresh process, on the built packages; reports one JSON line on stdout.
//
// `distinct`: every provider has its own key, as when an application creates a provider
// per tenant or per request. `shared`: the same number of providers, all with one key, so
// one secret to redact whatever the registry keeps. Building providers leaves the process
// itself slower at allocating for a while (a larger, older heap), so the two are compared
// with each other, same work, rather than with a process that built one provider.

import { PortalError } from "@portalkit/core";
import { providerFor } from "./clients";
import type { Vendor } from "./vendors";

export interface ErrorCostReport {
  mode: "distinct" | "shared";
  providers: number;
  /** Microseconds to create one PortalError with a message and a cause (median of batches). */
  costUs: number;
  /** Heap in use after a collection, once the first provider is built and after all of them. */
  heapAfterOneBytes: number;
  heapAfterAllBytes: number;
}

const [vendor, url, count, mode] = process.argv.slice(2) as [Vendor, string, string, "distinct" | "shared"];
const providers = Number(count);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

// Finalizers run in a task some time after the collection that found their objects
// unreachable (later on a busy machine), and what they release is collected by the next
// one: collect until the heap stops shrinking, so that what is read is what stays.
async function settle(): Promise<number> {
  let heap = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 40; round++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setImmediate(resolve));
    const now = process.memoryUsage().heapUsed;
    if (round >= 5 && heap - now < 64 * 1024) return now;
    heap = now;
  }
  return process.memoryUsage().heapUsed;
}

const cause = Object.assign(new Error("Request failed with status 503 (Service Unavailable) from the vendor"), {
  headers: { "request-id": "req_bench_0001" },
});
const MESSAGE = "The vendor answered 503 Service Unavailable for GET /invoices?limit=100&customer=cus_bench";
let sink = 0;

function costUs(): number {
  const batches: number[] = [];
  for (let batch = 0; batch < 15; batch++) {
    const t0 = performance.now();
    for (let i = 0; i < 400; i++) {
      sink += new PortalError({ code: "unavailable", provider: vendor, message: MESSAGE, status: 503, cause }).message
        .length;
    }
    batches.push(((performance.now() - t0) * 1000) / 400);
  }
  batches.sort((a, b) => a - b);
  return batches[Math.floor(batches.length / 2)] as number;
}

const keyFor = (i: number) => {
  const n = String(mode === "shared" ? 0 : i).padStart(24, "0");
  return vendor === "stripe" ? `sk_test_tenant${n}` : `test_tenant${n}`;
};

const first = providerFor(vendor, url, keyFor(0));
for (let i = 0; i < 3; i++) costUs();
const heapAfterOneBytes = await settle();
for (let i = 1; i < providers; i++) providerFor(vendor, url, keyFor(i));
const heapAfterAllBytes = await settle();
for (let i = 0; i < 3; i++) costUs();
const report: ErrorCostReport = { mode, providers, costUs: costUs(), heapAfterOneBytes, heapAfterAllBytes };
process.stdout.write(`${JSON.stringify(report)}\n`);
if (first.id === "" || sink < 0) process.exit(1);
