// `npm run bench`: the performance budgets (run on the built packages, as applications use them) of DESIGN.md, measured in one run and printed as
// one table (also written to bench/results/latest.json). See the Benchmarks section of the
// root README for how to read it.
import { type ChildProcess, execFile, fork } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { contestants } from "./clients";
import type { SimCommand, SimMessage } from "./sim-process";
import { expectedRequests, round, type Summary, summarize } from "./stats";
import { VENDORS, type Vendor } from "./vendors";
import type { WalkReport } from "./walk-process";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..");
const BENCH = import.meta.dirname;
const started = performance.now();

// Sized so that the whole run stays well under five minutes on two cores.
const LATENCY = { walkInvoices: 1_000, walkIterations: 40, sessionIterations: 300, warmup: 10 };
const WALK_SIZES = [0, 100, 101, 1_000, 10_000];
const MEMORY_SIZES = [10_000, 100_000] as const;
const IMPORT_RUNS = 15;
const PACKAGES: Record<Vendor, { sdk: string; adapter: string }> = {
  chargebee: { sdk: "chargebee", adapter: "@portalkit/chargebee" },
  stripe: { sdk: "stripe", adapter: "@portalkit/stripe" },
};
const LABEL: Record<Vendor, string> = { chargebee: "Chargebee", stripe: "Stripe" };

const log = (line: string) => process.stderr.write(`${line}\n`);

// ---- the simulator processes --------------------------------------------------------

type SimCommandBody = SimCommand extends infer C ? (C extends SimCommand ? Omit<C, "id"> : never) : never;

interface SimHandle {
  url: string;
  command(command: SimCommandBody): Promise<Extract<SimMessage, { type: "done" }>>;
  child: ChildProcess;
}

async function startSimulator(vendor: Vendor): Promise<SimHandle> {
  const child = fork(join(BENCH, "sim-process.ts"), [vendor], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let next = 0;
  const waiting = new Map<number, (message: Extract<SimMessage, { type: "done" }>) => void>();
  const url = await new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${vendor} simulator exited with ${code}`)));
    child.on("message", (message: SimMessage) => {
      if (message.type === "ready") resolve(message.url);
      else waiting.get(message.id)?.(message);
    });
  });
  return {
    url,
    child,
    command: (command) =>
      new Promise((resolve) => {
        const id = ++next;
        waiting.set(id, (message) => {
          waiting.delete(id);
          resolve(message);
        });
        child.send({ ...command, id } as SimCommand);
      }),
  };
}

// ---- adapter against raw SDK ----------------------------------------------------------

interface Comparison {
  adapter: Summary;
  raw: Summary;
  /** Adapter median over raw SDK median. */
  ratio: number;
}

/** Times A and B alternately (A,B then B,A) so that drift and warm-up hit both alike. */
async function compare(
  iterations: number,
  warmup: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<Comparison> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const timesA: number[] = [];
  const timesB: number[] = [];
  const time = async (call: () => Promise<unknown>, into: number[]) => {
    const t0 = performance.now();
    await call();
    into.push(performance.now() - t0);
  };
  for (let i = 0; i < iterations; i++) {
    if (i % 2 === 0) {
      await time(a, timesA);
      await time(b, timesB);
    } else {
      await time(b, timesB);
      await time(a, timesA);
    }
  }
  const adapter = summarize(timesA);
  const raw = summarize(timesB);
  return { adapter, raw, ratio: adapter.median / raw.median };
}

async function latency(vendor: Vendor, sim: SimHandle) {
  const customerId = "cus_latency";
  await sim.command({ type: "seed", customerId, count: LATENCY.walkInvoices });
  const c = contestants(vendor, sim.url);
  const [adapterSeen, rawSeen] = [await c.adapterWalk(customerId), await c.rawWalk(customerId)];
  if (adapterSeen !== LATENCY.walkInvoices || rawSeen !== LATENCY.walkInvoices) {
    throw new Error(`${vendor}: walks saw ${adapterSeen} and ${rawSeen} invoices, not ${LATENCY.walkInvoices}`);
  }
  const walk = await compare(
    LATENCY.walkIterations,
    LATENCY.warmup,
    () => c.adapterWalk(customerId),
    () => c.rawWalk(customerId),
  );
  await sim.command({ type: "clear" });
  const session = await compare(
    LATENCY.sessionIterations,
    LATENCY.warmup * 3,
    () => c.adapterSession(customerId),
    () => c.rawSession(customerId),
  );
  await sim.command({ type: "clear" });
  return { walk, session };
}

// ---- requests per walk ----------------------------------------------------------------

async function requestsPerWalk(vendor: Vendor, sim: SimHandle) {
  const rows: Array<{ invoices: number; requests: number; expected: number; seen: number }> = [];
  const { provider } = contestants(vendor, sim.url);
  const { adapterWalk } = await import("./clients");
  for (const n of WALK_SIZES) {
    const customerId = `cus_walk_${n}`;
    await sim.command({ type: "seed", customerId, count: n });
    const seen = await adapterWalk(provider, customerId);
    const { requests = Number.NaN } = await sim.command({ type: "requests" });
    rows.push({ invoices: n, requests, expected: expectedRequests(n), seen });
  }
  return rows;
}

// ---- memory -------------------------------------------------------------------------

async function memory(vendor: Vendor, sim: SimHandle) {
  const reports: Record<string, WalkReport> = {};
  for (const n of MEMORY_SIZES) {
    const customerId = `cus_memory_${n}`;
    await sim.command({ type: "seed", customerId, count: n });
    const { stdout } = await run(
      process.execPath,
      [...process.execArgv, "--expose-gc", join(BENCH, "walk-process.ts"), vendor, sim.url, customerId],
      { cwd: ROOT, maxBuffer: 1 << 20 },
    );
    const report = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as WalkReport;
    if (report.invoices !== n) throw new Error(`${vendor}: the memory walk saw ${report.invoices} of ${n} invoices`);
    reports[n] = report;
  }
  const small = reports[MEMORY_SIZES[0]] as WalkReport;
  const large = reports[MEMORY_SIZES[1]] as WalkReport;
  return { small, large, rssRatio: large.peakRssBytes / small.peakRssBytes };
}

// ---- cold import --------------------------------------------------------------------

async function importMs(specifier: string): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  // Plain node on the built packages, as an application imports them.
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT });
  return Number(stdout);
}

async function coldImport(vendor: Vendor) {
  const { sdk, adapter } = PACKAGES[vendor];
  const sdkTimes: number[] = [];
  const adapterTimes: number[] = [];
  for (let i = 0; i < IMPORT_RUNS; i++) {
    if (i % 2 === 0) {
      sdkTimes.push(await importMs(sdk));
      adapterTimes.push(await importMs(adapter));
    } else {
      adapterTimes.push(await importMs(adapter));
      sdkTimes.push(await importMs(sdk));
    }
  }
  const sdkSummary = summarize(sdkTimes);
  const adapterSummary = summarize(adapterTimes);
  return { sdk: sdkSummary, adapter: adapterSummary, ratio: adapterSummary.median / sdkSummary.median };
}

// ---- bundle sizes -------------------------------------------------------------------

interface SizeCheck {
  name: string;
  size: number;
  sizeLimit?: number;
  passed: boolean;
}

async function bundleSizes(): Promise<SizeCheck[]> {
  const { stdout } = await run(join(ROOT, "node_modules/.bin/size-limit"), ["--json"], { cwd: ROOT }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? "[]" }),
  );
  return JSON.parse(stdout) as SizeCheck[];
}

// ---- the run --------------------------------------------------------------------------

const sims = {} as Record<Vendor, SimHandle>;
const results = {
  machine: {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  },
  date: new Date().toISOString(),
  command: "npm run bench",
  settings: { LATENCY, WALK_SIZES, MEMORY_SIZES, IMPORT_RUNS },
  vendors: {} as Record<
    Vendor,
    {
      latency: Awaited<ReturnType<typeof latency>>;
      requests: Awaited<ReturnType<typeof requestsPerWalk>>;
      memory: Awaited<ReturnType<typeof memory>>;
      coldImport: Awaited<ReturnType<typeof coldImport>>;
    }
  >,
  bundles: [] as SizeCheck[],
  durationSeconds: 0,
};

try {
  for (const vendor of VENDORS) sims[vendor] = await startSimulator(vendor);
  for (const vendor of VENDORS) {
    const sim = sims[vendor];
    log(`${LABEL[vendor]}: adapter against raw SDK…`);
    const lat = await latency(vendor, sim);
    log(`${LABEL[vendor]}: requests per walk…`);
    const requests = await requestsPerWalk(vendor, sim);
    log(`${LABEL[vendor]}: memory walking ${MEMORY_SIZES.join(" and ")} invoices…`);
    const mem = await memory(vendor, sim);
    log(`${LABEL[vendor]}: cold import…`);
    const imports = await coldImport(vendor);
    results.vendors[vendor] = { latency: lat, requests, memory: mem, coldImport: imports };
  }
  log("browser bundle sizes…");
  results.bundles = await bundleSizes();
} finally {
  for (const sim of Object.values(sims)) sim.child.disconnect();
}
results.durationSeconds = round((performance.now() - started) / 1000, 1);

// ---- the table ------------------------------------------------------------------------

const ms = (value: number) => `${round(value, value < 10 ? 2 : 1)} ms`;
const mb = (bytes: number) => `${round(bytes / 2 ** 20, 1)} MB`;
const ratio = (value: number) => `${round(value, 2).toFixed(2)}×`;
const yes = (ok: boolean) => (ok ? "yes" : "**no**");
const rows: string[][] = [];
for (const vendor of VENDORS) {
  const v = results.vendors[vendor];
  const name = LABEL[vendor];
  const pair = (c: Comparison) =>
    `${ms(c.adapter.median)} vs ${ms(c.raw.median)} (p95 ${ms(c.adapter.p95)} vs ${ms(c.raw.p95)}): ${ratio(c.ratio)}`;
  rows.push([
    `${name}: \`listInvoices\` walk of ${LATENCY.walkInvoices.toLocaleString("en-US").replace(/,/g, " ")} invoices, adapter vs raw SDK (median)`,
    pair(v.latency.walk),
    "≤ 1.05×",
    yes(v.latency.walk.ratio <= 1.05),
  ]);
  rows.push([
    `${name}: \`createSession\`, adapter vs raw SDK (median)`,
    pair(v.latency.session),
    "≤ 1.05×",
    yes(v.latency.session.ratio <= 1.05),
  ]);
  rows.push([
    `${name}: requests to walk N = ${WALK_SIZES.map((n) => n.toLocaleString("en-US").replace(/,/g, " ")).join(", ")}`,
    v.requests.map((r) => r.requests).join(", "),
    v.requests.map((r) => r.expected).join(", "),
    yes(v.requests.every((r) => r.requests === r.expected && r.seen === r.invoices)),
  ]);
  rows.push([
    `${name}: peak RSS walking 10 000 vs 100 000 invoices (heap kept)`,
    `${mb(v.memory.small.peakRssBytes)} vs ${mb(v.memory.large.peakRssBytes)} (${mb(v.memory.small.retainedHeapBytes)} vs ${mb(v.memory.large.retainedHeapBytes)}): ${ratio(v.memory.rssRatio)}`,
    "flat (≈ 1×)",
    yes(v.memory.rssRatio <= 1.1),
  ]);
  rows.push([
    `${name}: cold import, \`${PACKAGES[vendor].adapter}\` vs \`${PACKAGES[vendor].sdk}\` (median of ${IMPORT_RUNS})`,
    `${ms(v.coldImport.adapter.median)} vs ${ms(v.coldImport.sdk.median)}: ${ratio(v.coldImport.ratio)}`,
    "ratio (measured)",
    "n/a",
  ]);
}
for (const check of results.bundles) {
  rows.push([
    `browser bundle, min+gzip: ${check.name.replace(/^@portalkit\/browser: /, "")}`,
    `${check.size.toLocaleString("en-US").replace(/,/g, " ")} B`,
    check.sizeLimit !== undefined ? `≤ ${check.sizeLimit.toLocaleString("en-US").replace(/,/g, " ")} B` : "",
    yes(check.passed),
  ]);
}

const header = ["measurement", "result", "target", "met"];
const table = [
  `| ${header.join(" | ")} |`,
  `| ${header.map(() => "---").join(" | ")} |`,
  ...rows.map((row) => `| ${row.join(" | ")} |`),
].join("\n");
const m = results.machine;
process.stdout.write(
  `\n${table}\n\n${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node} (${m.platform}); ` +
    `${results.durationSeconds} s, \`${results.command}\`\n`,
);
await mkdir(join(BENCH, "results"), { recursive: true });
await writeFile(join(BENCH, "results", "latest.json"), `${JSON.stringify({ ...results, table }, null, 2)}\n`);
process.stderr.write("written to bench/results/latest.json\n");
