import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// The tests `npm run mutation` runs against each mutant: every unit, property and
// conformance test of core, server, the CLI, the adapters and the suite, without the ones
// that spawn processes, build, drive Chromium or need a live account (they would not run in
// Stryker's sandbox, and the mutated code has tests closer to it). MUTATION_TESTS narrows
// the set further, as comma-separated globs (`packages/core/test/**/*.test.ts`).
// biome-ignore lint/suspicious/noUndeclaredEnvVars: read by Stryker runs only, never through turbo
const narrowed = process.env.MUTATION_TESTS?.split(",")
  .map((glob) => glob.trim())
  .filter((glob) => glob !== "");

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: narrowed ?? [
      "packages/core/test/**/*.test.ts",
      "packages/server/test/**/*.test.ts",
      "packages/cli/test/**/*.test.ts",
      "adapters/*/test/**/*.test.ts",
      "conformance-tests/test/**/*.test.ts",
    ],
    exclude: [
      "**/node_modules/**",
      "**/dist/**",
      "**/live.test.ts",
      "**/readme.test.ts",
      "packages/cli/test/bin.test.ts",
      "packages/cli/test/source-bin.test.ts",
      "adapters/memory/test/suite-catches-broken-adapters.test.ts",
    ],
    reporters: ["default"],
    // Hands Stryker the per-test coverage and hit counts its own setup file misses on vitest 4.1.
    setupFiles: ["scripts/stryker-vitest-setup.mjs"],
  },
});
