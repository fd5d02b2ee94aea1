// Mutation testing: `npm run mutation` (see CONTRIBUTING.md). Not part of `npm test` or CI:
// on two cores a full run takes hours; incremental mode re-tests only mutants whose code or
// tests changed since the last run.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  coverageAnalysis: "perTest",
  mutate: [
    // Core's contract code: retry, cursor, page walkers, errors, router, shadow, diff.
    "packages/core/src/{retry,cursor,errors,router,shadow,diff}.ts",
    "packages/core/src/all-*.ts",
    // The adapter kit.
    "packages/core/src/adapter/**/*.ts",
    // Every adapter's own code; its simulator and harness (src/testing) are test code.
    "adapters/*/src/**/*.ts",
    "!adapters/*/src/testing/**",
    "!adapters/*/src/index.ts",
    "!packages/core/src/adapter/index.ts",
  ],
  ignoreStatic: true,
  concurrency: 1,
  timeoutMS: 15_000,
  timeoutFactor: 2,
  incremental: true,
  incrementalFile: "reports/mutation/stryker-incremental.json",
  tempDirName: ".stryker-tmp",
  // Copied into the sandbox: what the tests need, not the examples, benches or old reports.
  ignorePatterns: ["examples", "bench", "reports", "test-results", "dist", "**/dist", ".turbo"],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  cleanTempDir: "always",
};
