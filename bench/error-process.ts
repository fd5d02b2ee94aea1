// The cost of creating a PortalError after building many providers. Run with --expose-gc,
// in a fresh process, on the built packages, by `npm run bench` (run.ts), which starts two
// of these side by side and compares their batches one turn at a time.
//
// `distinct`: every provider has its own key, as when an application creates a provider
// per tenant or per request. `shared`: the same number of providers, all with one key, so
// one secret to redact whatever the registry keeps. Building providers leaves the process
// itself slower at allocating for a while (a larger, older heap), so the two are compared
// with each other, same work, rather than with a process that built one provider.
//
// Protocol, one line each way: once built, the process writes its `ErrorProcessReady` as
// JSON; then each `batch` line read from stdin answers with the microseconds one error took
// in a batch (a number), and `end` (or stdin closing) ends the process.

import { createInterface } from "node:readline";
import { PortalError } from "@portalkit/core";
import { providerFor } from "./clients";
import type { Vendor } from "./vendors";

export interface ErrorProcessReady {
  mode: "distinct" | "shared";
  providers: number;
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
const BATCH = 400;
// Batches run before the first provider's heap is read and again after the rest are built,
// so the code is warm by the time the turns start.
const WARMUP_BATCHES = 45;

/** Microseconds to create one PortalError with a message and a cause, over one batch. */
function batchUs(): number {
  const t0 = performance.now();
  for (let i = 0; i < BATCH; i++) {
    sink += new PortalError({ code: "unavailable", provider: vendor, message: MESSAGE, status: 503, cause }).message
      .length;
  }
  return ((performance.now() - t0) * 1000) / BATCH;
}

const keyFor = (i: number) => {
  const n = String(mode === "shared" ? 0 : i).padStart(24, "0");
  return vendor === "stripe" ? `sk_test_tenant${n}` : `test_tenant${n}`;
};

const first = providerFor(vendor, url, keyFor(0));
for (let i = 0; i < WARMUP_BATCHES; i++) batchUs();
const heapAfterOneBytes = await settle();
for (let i = 1; i < providers; i++) providerFor(vendor, url, keyFor(i));
const heapAfterAllBytes = await settle();
for (let i = 0; i < WARMUP_BATCHES; i++) batchUs();
const ready: ErrorProcessReady = { mode, providers, heapAfterOneBytes, heapAfterAllBytes };
process.stdout.write(`${JSON.stringify(ready)}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  if (line === "batch") process.stdout.write(`${batchUs()}\n`);
  else break;
}
if (first.id === "" || sink < 0) process.exit(1);
process.exit(0);
