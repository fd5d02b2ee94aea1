// `npx tsx bench/paddle-walk-breakdown.ts [pairs]`: where the Paddle walk's extra time goes.
// In one process, against the same simulator process and the same 1 000 transactions, three
// walks take turns (each in every position of the rotation): the bare SDK's walk, the same
// SDK walk calling the adapter's own `normalizeInvoice` on every transaction, and the
// adapter's `allInvoices` walk. Each is printed against the bare SDK's walk: the median of
// paired wall-clock ratios, and the ratio of CPU time (`process.cpuUsage`) in all. What the
// second adds is normalizing; what the third adds beyond it is the kit's work on each call.
// Last, the time spent inside `normalizeInvoice` itself during SDK walks.
import { type Environment, Paddle } from "@paddle/paddle-node-sdk";
import { normalizeInvoice } from "@portalkit/paddle";
import { contestants, paddleTransactions } from "./clients";
import { startSimulator } from "./simulator";
import { medianRatio, summarize } from "./stats";
import { PADDLE_API_KEY } from "./vendors";

const PAIRS = Number(process.argv[2] ?? 150);
const WARMUP = 20;
const INVOICES = 1_000;
const customerId = "cus_breakdown";

const sim = await startSimulator("paddle");
await sim.command({ type: "seed", customerId, count: INVOICES });

const c = contestants("paddle", sim.url);
const paddle = new Paddle(PADDLE_API_KEY, { environment: sim.url as Environment });
const transactions = () => paddleTransactions(paddle, customerId);
const walks: Array<{ name: string; walk: () => Promise<number> }> = [
  { name: "bare SDK walk", walk: () => c.rawWalk(customerId) },
  {
    name: "SDK walk + normalizeInvoice",
    async walk() {
      let seen = 0;
      for await (const transaction of transactions()) {
        if (normalizeInvoice(transaction, "paddle").id) seen++;
      }
      return seen;
    },
  },
  { name: "adapter walk (allInvoices)", walk: () => c.adapterWalk(customerId) },
];

for (const { name, walk } of walks) {
  const seen = await walk();
  if (seen !== INVOICES) throw new Error(`${name} saw ${seen} of ${INVOICES} invoices`);
}
for (let i = 0; i < WARMUP; i++) for (const { walk } of walks) await walk();

const wall = walks.map((): number[] => []);
const cpu = walks.map((): number[] => []);
for (let i = 0; i < PAIRS; i++) {
  for (let j = 0; j < walks.length; j++) {
    const k = (i + j) % walks.length;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await (walks[k] as (typeof walks)[number]).walk();
    (wall[k] as number[]).push(performance.now() - t0);
    const used = process.cpuUsage(cpu0);
    (cpu[k] as number[]).push((used.user + used.system) / 1000);
  }
}

// Apart from the rotation (timers around each call would slow the walk they are in): the
// time spent inside `normalizeInvoice` during SDK walks, less the same timers around a call
// that only reads the transaction's id: the cost of normalizing transactions just parsed
// from the wire, not of ones a microbenchmark keeps hot.
const TIMED_WALKS = Math.max(20, Math.round(PAIRS / 2));
const inWalk = { normalize: 0, id: 0 };
for (let i = 0; i < TIMED_WALKS * 2; i++) {
  const normalizing = i % 2 === 0;
  let spent = 0;
  for await (const transaction of transactions()) {
    const t0 = performance.now();
    if (normalizing) normalizeInvoice(transaction, "paddle");
    else void transaction.id;
    spent += performance.now() - t0;
  }
  if (normalizing) inWalk.normalize += spent;
  else inWalk.id += spent;
}
sim.child.disconnect();

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const bare = { wall: wall[0] as number[], cpu: sum(cpu[0] as number[]) };
console.log(`bare SDK walk: median ${summarize(bare.wall).median.toFixed(1)} ms (${PAIRS} walks)`);
for (let k = 1; k < walks.length; k++) {
  const paired = medianRatio(wall[k] as number[], bare.wall);
  const cpuRatio = sum(cpu[k] as number[]) / bare.cpu;
  console.log(
    `${(walks[k] as (typeof walks)[number]).name}: ${paired.toFixed(3)}× the bare SDK's walk ` +
      `(median of ${PAIRS} paired wall-clock ratios), CPU ${cpuRatio.toFixed(3)}×`,
  );
}
const normalizeMs = (inWalk.normalize - inWalk.id) / TIMED_WALKS;
console.log(
  `normalizeInvoice inside the walk: ${normalizeMs.toFixed(3)} ms a walk of ${INVOICES} transactions ` +
    `(${((normalizeMs * 1000) / INVOICES).toFixed(2)} µs a transaction; ${TIMED_WALKS} timed walks, timer cost taken off)`,
);
