// Walks one customer's invoices with allInvoices in a fresh process and reports its peak
// memory. Run with --expose-gc: the heap is measured after a collection, so what is
// reported is what the walk keeps, not what the collector has yet to reclaim.

import { allInvoices } from "@portalkit/core";
import { providerFor } from "./clients";
import type { Vendor } from "./vendors";

export interface WalkReport {
  invoices: number;
  /** Highest heap in use after a forced collection, sampled every 10 pages, minus the baseline. */
  retainedHeapBytes: number;
  /** The process's peak resident set size. */
  peakRssBytes: number;
  baselineRssBytes: number;
  ms: number;
}

const [vendor, url, customerId] = process.argv.slice(2) as [Vendor, string, string];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

const provider = providerFor(vendor, url);
// A first page outside the measurement loads every lazily imported module and warms the connection.
await provider.listInvoices({ customerId, limit: 1 });
gc();
const baselineHeap = process.memoryUsage().heapUsed;
const baselineRss = process.memoryUsage().rss;
let retained = 0;
let invoices = 0;
const started = performance.now();
for await (const _invoice of allInvoices(provider, { customerId })) {
  invoices++;
  if (invoices % 1_000 === 0) {
    gc();
    retained = Math.max(retained, process.memoryUsage().heapUsed - baselineHeap);
  }
}
const ms = performance.now() - started;
const report: WalkReport = {
  invoices,
  retainedHeapBytes: Math.max(0, retained),
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
  baselineRssBytes: baselineRss,
  ms,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
