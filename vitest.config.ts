import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { defineConfig } from "vitest/config";

// Tests run against the TypeScript sources of every workspace package: each export's
// "@portalkit/source" condition becomes an alias, so `npm test` needs no build first.
const root = import.meta.dirname;
const workspaceDirs = ["packages", "adapters"]
  .flatMap((group) => readdirSync(join(root, group)).map((name) => join(root, group, name)))
  .concat(join(root, "conformance-tests"));

const alias: Array<{ find: RegExp; replacement: string }> = [];
for (const dir of workspaceDirs) {
  const file = join(dir, "package.json");
  if (!existsSync(file)) continue;
  const pkg = JSON.parse(readFileSync(file, "utf8")) as {
    name: string;
    exports?: Record<string, string | Record<string, unknown>>;
  };
  for (const [subpath, value] of Object.entries(pkg.exports ?? {})) {
    if (typeof value === "string") continue;
    const source = value["@portalkit/source"];
    if (typeof source !== "string") continue;
    const specifier = subpath === "." ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
    const escaped = specifier.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    alias.push({ find: new RegExp(`^${escaped}$`), replacement: resolve(dir, source) });
  }
}

export default defineConfig({
  resolve: { alias },
  test: {
    include: [
      "{packages,adapters,examples}/*/test/**/*.test.ts",
      "conformance-tests/test/**/*.test.ts",
      "bench/**/*.test.ts",
      "test/**/*.test.ts",
      // A README example that is a test file, run on its own by test/readme-examples.test.ts.
      ...(process.env.PORTALKIT_EXTRA_TEST ? [process.env.PORTALKIT_EXTRA_TEST] : []),
    ],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});
