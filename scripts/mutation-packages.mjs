// What `npm run mutation` mutates, package by package, and the tests each package's mutants
// run against. Read by stryker.config.mjs (through MUTATION_PACKAGE) and scripts/mutation.mjs.
// Each package keeps its own report and incremental file under reports/mutation/<name>/, so
// packages can be run (and re-run) one at a time.

const adapter = (name) => ({
  mutate: [`adapters/${name}/src/**/*.ts`, `!adapters/${name}/src/testing/**`, `!adapters/${name}/src/index.ts`],
  tests: [`adapters/${name}/test/**/*.test.ts`],
});

export const MUTATION_PACKAGES = {
  // Core's contract code: retry, cursor, the page walkers, errors, router, shadow, diff.
  // Judged by core's own unit tests, which kill all but equivalent mutants; the adapters' and
  // the suite's tests cover the same code at many times the cost per mutant.
  core: {
    mutate: ["packages/core/src/{retry,cursor,errors,router,shadow,diff,walk-items}.ts", "packages/core/src/all-*.ts"],
    tests: ["packages/core/test/**/*.test.ts"],
  },
  // The adapter kit, which every adapter runs through: judged by its unit tests as well (with
  // the memory, Chargebee and suite tests added, no surviving kit mutant was killed).
  kit: {
    mutate: ["packages/core/src/adapter/**/*.ts", "!packages/core/src/adapter/index.ts"],
    tests: ["packages/core/test/**/*.test.ts"],
  },
  chargebee: adapter("chargebee"),
  stripe: adapter("stripe"),
  billflow: {
    ...adapter("billflow"),
    tests: ["adapters/billflow/test/**/*.test.ts", "adapters/stripe/test/**/*.test.ts"],
  },
  paddle: adapter("paddle"),
  memory: adapter("memory"),
};
