#!/usr/bin/env node
// `npm run mutation [-- <package>... [--stryker-option ...]]`: runs Stryker once per package of
// scripts/mutation-packages.mjs (all of them when none is named), one after another, then
// prints the score per package. Arguments starting with `--` go to every Stryker run.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { MUTATION_PACKAGES } from "./mutation-packages.mjs";

const root = resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const firstOption = args.findIndex((arg) => arg.startsWith("--"));
const names = firstOption === -1 ? args : args.slice(0, firstOption);
const strykerArgs = firstOption === -1 ? [] : args.slice(firstOption);
const unknown = names.filter((name) => !(name in MUTATION_PACKAGES));
if (unknown.length > 0) {
  console.error(`Unknown package ${unknown.join(", ")}: choose from ${Object.keys(MUTATION_PACKAGES).join(", ")}.`);
  process.exit(2);
}
const selected = names.length > 0 ? names : Object.keys(MUTATION_PACKAGES);
const stryker = resolve(root, "node_modules/.bin/stryker");
let failed = false;
for (const name of selected) {
  console.log(`\n== mutation: ${name} ==`);
  const result = spawnSync(stryker, ["run", ...strykerArgs], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, MUTATION_PACKAGE: name },
  });
  if (result.status !== 0) {
    console.error(`Stryker failed on ${name} (exit ${result.status ?? result.signal}).`);
    failed = true;
  }
}
const scores = spawnSync(process.execPath, [resolve(root, "scripts/mutation-scores.mjs"), ...selected], {
  cwd: root,
  stdio: "inherit",
});
process.exit(failed ? 1 : (scores.status ?? 1));
