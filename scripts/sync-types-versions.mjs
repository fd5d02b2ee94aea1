// Keeps each package's `typesVersions` in step with its exports map, so that subpath
// entries (`@portalkit/core/testing`) also resolve under TypeScript's legacy node10 resolution.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const dirs = ["packages", "adapters"].flatMap((g) => readdirSync(join(root, g)).map((n) => join(root, g, n)));
dirs.push(join(root, "conformance-tests"));
const check = process.argv.includes("--check");
let stale = 0;
for (const dir of dirs) {
  const file = join(dir, "package.json");
  if (!existsSync(file)) continue;
  const pkg = JSON.parse(readFileSync(file, "utf8"));
  const map = {};
  for (const [subpath, value] of Object.entries(pkg.exports ?? {})) {
    if (subpath === "." || typeof value === "string") continue;
    map[subpath.slice(2)] = [value.import.types];
  }
  const next = Object.keys(map).length ? { "*": map } : undefined;
  if (JSON.stringify(next) === JSON.stringify(pkg.typesVersions)) continue;
  stale++;
  if (check) continue;
  if (next) pkg.typesVersions = next;
  else delete pkg.typesVersions;
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
}
if (check && stale) {
  console.error(`${stale} package(s) have a stale typesVersions: run node scripts/sync-types-versions.mjs`);
  process.exit(1);
}
