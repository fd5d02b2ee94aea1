import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import * as entry from "../src/zod";

const ROOT = join(import.meta.dirname, "../../..");
// Every package but core builds its `import * as z from "zod"` against @portalkit/core/zod
// (tsup.config.ts). The import is external to their builds, so a builder missing from the
// entry would only show when the built package runs: this finds it from the sources.
const PACKAGE_SOURCES = ["adapters", "packages", "conformance-tests", "examples"];

function sourceFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (name === "node_modules" || name === "dist" || name === "test") return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

it("@portalkit/core/zod exports every zod builder the other packages' sources call", () => {
  const files = PACKAGE_SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir))).filter(
    (file) => !file.includes(join("packages", "core")),
  );
  const used = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    if (!/from "zod"/.test(text)) continue;
    // A generic call (`z.custom<Fetch>(…)`) is a builder too; type names are filtered below.
    for (const match of text.matchAll(/\bz\.([A-Za-z]+)\b/g)) used.add(match[1] as string);
  }
  const typesOnly = new Set(["infer", "input", "output", "core"]);
  const missing = [...used].filter((name) => !typesOnly.has(name) && !name.startsWith("Zod") && !(name in entry));
  expect(used.size).toBeGreaterThan(3);
  expect(missing).toEqual([]);
});
