import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "tsup";

type ExportEntry = { "@portalkit/source"?: string };

// Every package builds with this one config; its entry points are read from the
// "@portalkit/source" condition of the package's own exports map.
const pkg = JSON.parse(readFileSync(join(process.cwd(), "package.json"), "utf8")) as {
  exports: Record<string, ExportEntry | string>;
  bin?: Record<string, string>;
  portalkit?: { platform?: "node" | "browser" | "neutral" };
};

const entry: Record<string, string> = {};
for (const value of Object.values(pkg.exports)) {
  const source = typeof value === "string" ? undefined : value["@portalkit/source"];
  if (!source) continue;
  entry[source.replace(/^\.\/src\//, "").replace(/\.ts$/, "")] = source;
}

// Command-line entries: `"bin": { "x": "./dist/bin.js" }` builds from `src/bin.ts`; a
// launcher outside dist (`./bin/x.js`, which runs dist/bin.js) builds `src/bin.ts` too.
for (const target of Object.values(pkg.bin ?? {})) {
  const name = target.startsWith("./dist/") ? target.replace(/^\.\/dist\//, "").replace(/\.c?js$/, "") : "bin";
  entry[name] = `./src/${name}.ts`;
}

export default defineConfig({
  entry,
  format: ["esm", "cjs"],
  dts: { compilerOptions: { ignoreDeprecations: "6.0", customConditions: [] } },
  platform: pkg.portalkit?.platform ?? "node",
  target: "es2022",
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
});
