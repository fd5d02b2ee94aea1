// Loaded by vitest.mutation.config.ts after Stryker's own setup file. Stryker 9.5's vitest
// runner reads each test file's per-test coverage and hit count from the file's `meta`,
// which its setup file writes in an `afterAll(({ meta }) => …)` hook. Since vitest 4.1 an
// afterAll hook receives the fixture context first and the suite second, so that write
// misses the file: Stryker then sees no coverage, runs every test against every mutant,
// and cannot tell a mutant that loops forever (hit limit) from a slow one. This writes
// the same values where the runner reads them.
import { afterAll, inject } from "vitest";

const namespace = globalThis[inject("globalNamespace")] ?? {};
const mode = inject("mode");

// biome-ignore lint/correctness/noEmptyPattern: vitest 4.1 wants the fixtures destructured, and none are needed here
afterAll(({}, suite) => {
  if (mode === "mutant") suite.meta.hitCount = namespace.hitCount;
  else suite.meta.mutantCoverage = namespace.mutantCoverage;
});
