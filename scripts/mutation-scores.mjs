#!/usr/bin/env node
// Prints the mutation score per package from Stryker's JSON reports (reports/mutation/<package>/mutation.json).
// Score = (killed + timeout) / (every mutant but ignored, compile and runtime errors); mutants
// no test covers count against it. Timeouts are shown apart, since a timeout is only a kill
// when the mutant really hangs.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const options = process.argv.slice(2).filter((arg) => arg.startsWith("--"));
const named = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const reportsDir = resolve(root, "reports/mutation");
// One report per package run (reports/mutation/<package>/mutation.json); all of them unless named.
const names = named.length > 0 ? named : existsSync(reportsDir) ? readdirSync(reportsDir) : [];
const reports = names.map((name) => resolve(reportsDir, name, "mutation.json")).filter((file) => existsSync(file));
if (reports.length === 0) {
  console.error("No report under reports/mutation/: run `npm run mutation` first.");
  process.exit(2);
}
const files = Object.assign({}, ...reports.map((file) => JSON.parse(readFileSync(file, "utf8")).files ?? {}));

/** The package a source file belongs to; core's adapter kit is scored on its own. */
function packageOf(path) {
  const rel = relative(root, resolve(root, path)).split("\\").join("/");
  if (rel.startsWith("packages/core/src/adapter/")) return "core (adapter kit)";
  const [group, name] = rel.split("/");
  if (group === "packages" && name === "core") return "core";
  return group === "adapters" || group === "packages" ? `${group}/${name}` : group;
}

const STATUSES = ["Killed", "Timeout", "Survived", "NoCoverage", "Ignored", "CompileError", "RuntimeError"];
const rows = new Map();
const survivors = [];
for (const [path, entry] of Object.entries(files)) {
  const name = packageOf(path);
  const row = rows.get(name) ?? Object.fromEntries(STATUSES.map((status) => [status, 0]));
  for (const mutant of entry.mutants ?? []) {
    row[mutant.status] = (row[mutant.status] ?? 0) + 1;
    if (mutant.status === "Survived" || mutant.status === "NoCoverage") {
      const line = mutant.location?.start?.line ?? "?";
      survivors.push(
        `${mutant.status.padEnd(10)} ${path}:${line} ${mutant.mutatorName}${mutant.replacement ? ` → ${JSON.stringify(mutant.replacement).slice(0, 80)}` : ""}`,
      );
    }
  }
  rows.set(name, row);
}

const pad = (value, width) => String(value).padStart(width);
console.log(
  `${"package".padEnd(24)} ${pad("score", 7)} ${pad("killed", 7)} ${pad("timeout", 7)} ${pad("survived", 8)} ${pad("no cov", 7)} ${pad("total", 6)}`,
);
for (const [name, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
  const valid = row.Killed + row.Timeout + row.Survived + row.NoCoverage;
  const score = valid === 0 ? "n/a" : `${((100 * (row.Killed + row.Timeout)) / valid).toFixed(1)}%`;
  console.log(
    `${name.padEnd(24)} ${pad(score, 7)} ${pad(row.Killed, 7)} ${pad(row.Timeout, 7)} ${pad(row.Survived, 8)} ${pad(row.NoCoverage, 7)} ${pad(valid, 6)}`,
  );
}
if (options.includes("--survivors")) {
  console.log("");
  for (const line of survivors) console.log(line);
} else if (survivors.length > 0) {
  console.log(
    `\n${survivors.length} mutants survived or are not covered; \`npm run mutation:scores -- --survivors\` lists them.`,
  );
}
