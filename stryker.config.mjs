// Mutation testing: `npm run mutation` (see CONTRIBUTING.md). Not part of `npm test` or CI:
// on two cores a full run takes hours; incremental mode re-tests only mutants whose code or
// tests changed since the last run. One Stryker run mutates one package of
// scripts/mutation-packages.mjs, named by MUTATION_PACKAGE (scripts/mutation.mjs sets it).
import { MUTATION_PACKAGES } from "./scripts/mutation-packages.mjs";

// biome-ignore lint/suspicious/noUndeclaredEnvVars: read by Stryker runs only, never through turbo
const name = process.env.MUTATION_PACKAGE ?? "core";
const selected = MUTATION_PACKAGES[name];
if (selected === undefined) {
  throw new Error(`MUTATION_PACKAGE=${name} is not one of ${Object.keys(MUTATION_PACKAGES).join(", ")}`);
}
// The vitest config reads the test globs from the environment the Stryker workers inherit.
process.env.MUTATION_TESTS ??= selected.tests.join(",");
const out = `reports/mutation/${name}`;

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  coverageAnalysis: "perTest",
  mutate: selected.mutate,
  ignoreStatic: true,
  concurrency: 1,
  timeoutMS: 15_000,
  timeoutFactor: 2,
  incremental: true,
  incrementalFile: `${out}/stryker-incremental.json`,
  // Its own sandbox folder, so that two packages can run at once.
  tempDirName: `.stryker-tmp/${name}`,
  // Copied into the sandbox: what the tests need, not the examples, benches or old reports.
  ignorePatterns: ["examples", "bench", "reports", "test-results", "dist", "**/dist", ".turbo", ".stryker-tmp"],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `${out}/mutation.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  cleanTempDir: "always",
};
