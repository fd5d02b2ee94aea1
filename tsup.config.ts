import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";

type ExportEntry = { "@portalkit/source"?: string };

// Every package builds with this one config; its entry points are read from the
// "@portalkit/source" condition of the package's own exports map.
const pkg = JSON.parse(readFileSync(join(process.cwd(), "package.json"), "utf8")) as {
  name: string;
  dependencies?: Record<string, string>;
  exports: Record<string, ExportEntry | string>;
  bin?: Record<string, string>;
  portalkit?: { platform?: "node" | "browser" | "neutral"; clientModule?: boolean };
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

// zod is bundled into @portalkit/core's dist, tree-shaken to what core uses: loading zod's
// own module graph (95 files, 64 of them locales) was most of a cold import. Source files
// import it as a namespace (`import * as z from "zod"`), the form bundlers can shake
// (biome's noRestrictedImports keeps it so). Every other package that depends on core
// takes its zod builders from that same copy, `@portalkit/core/zod`, so an application
// loads one copy (a builder missing from that entry is caught by core/test/zod-entry.test.ts:
// the import is external to these builds, so esbuild cannot see it). The copy agrees with an
// application's own zod: zod keeps its configuration and registry on globalThis, and its
// `instanceof` checks traits, not classes. Types still come from the `zod` dependency.
const isCore = pkg.name === "@portalkit/core";
// tsup's own external plugin leaves "zod" alone (noExternal below), then this one answers.
const zodFromCore: Plugin = {
  name: "zod-from-core",
  setup(build) {
    build.onResolve({ filter: /^zod$/ }, () => ({ path: "@portalkit/core/zod", external: true }));
  },
};
const takesZodFromCore = !isCore && pkg.dependencies?.["@portalkit/core"] !== undefined;

// React bindings hold hooks and event handlers: frameworks with server components (the
// Next.js App Router) need the "use client" directive at the top of each built entry. The
// tree-shaking pass drops a banner, so it is written after the build.
async function markClientModules(names: readonly string[]): Promise<void> {
  for (const name of names) {
    for (const file of [`dist/${name}.js`, `dist/${name}.cjs`]) {
      const code = await readFile(file, "utf8");
      if (!code.startsWith('"use client";')) await writeFile(file, `"use client";\n${code}`);
    }
  }
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
  ...(isCore || takesZodFromCore ? { noExternal: [/^zod(\/|$)/] } : {}),
  ...(takesZodFromCore ? { esbuildPlugins: [zodFromCore] } : {}),
  ...(pkg.portalkit?.clientModule ? { onSuccess: () => markClientModules(Object.keys(entry)) } : {}),
  esbuildOptions(options) {
    options.logOverride = { ...options.logOverride, "import-is-undefined": "error" };
  },
});
