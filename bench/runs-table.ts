// `npm run bench:table -- <run.json> <run.json> <run.json>`: one Markdown table of several
// `npm run bench` results (copies of bench/results/latest.json), a column per run, every
// run's figure shown (not the best), and whether each budget was met in all of them.
import { readFile } from "node:fs/promises";

interface Row {
  measurement: string;
  result: string;
  target: string;
  meetsBudget: "yes" | "no" | "n/a";
}
interface Run {
  date: string;
  durationSeconds: number;
  rows: Row[];
}

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write("usage: npm run bench:table -- <run.json>...\n");
  process.exit(2);
}
const runs = await Promise.all(files.map(async (file) => JSON.parse(await readFile(file, "utf8")) as Run));

/** The figure a row is judged by: what follows the result's last ": " (the ratio), else all of it. */
function figure(result: string): string {
  const at = result.lastIndexOf(": ");
  return at === -1 ? result : result.slice(at + 2);
}

const measurements = [...new Set(runs.flatMap((run) => run.rows.map((row) => row.measurement)))];
const header = ["measurement", ...runs.map((_, i) => `run ${i + 1}`), "target", "met in all"];
const lines = [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`];
for (const measurement of measurements) {
  const cells = runs.map((run) => run.rows.find((row) => row.measurement === measurement));
  const target = cells.find((cell) => cell !== undefined)?.target ?? "";
  const verdicts = cells.map((cell) => cell?.meetsBudget ?? "missing");
  const met = verdicts.every((v) => v === "yes")
    ? "yes"
    : verdicts.every((v) => v === "n/a")
      ? "n/a"
      : `**no** (${verdicts.join(", ")})`;
  lines.push(
    `| ${[measurement, ...cells.map((cell) => (cell ? figure(cell.result) : "–")), target, met].join(" | ")} |`,
  );
}
process.stdout.write(`${lines.join("\n")}\n\n`);
for (const [i, run] of runs.entries()) process.stdout.write(`run ${i + 1}: ${run.date}, ${run.durationSeconds} s\n`);
