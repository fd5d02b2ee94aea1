import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// size-limit measures a check by bundling it with esbuild. The built ESM entries are
// bundled as an ESM app bundle would be: the chosen driver's chunk is inlined and the other
// drivers stay separate chunks (external), as they are only fetched when used. Every export
// of the measured entries is kept (`index.js`: launch, registerDriver, PortalLaunchError;
// `logout.js`: logout); several entries are measured as one page importing all of them.
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const DRIVERS = ["chargebee-js", "billflow-embed", "redirect"];

export function sizeConfig(drivers, entries = ["index"]) {
  const outdir = join(tmpdir(), `portalkit-size-${entries.join("+")}-${drivers.join("+")}`);
  let entry = join(dist, `${entries[0]}.js`);
  if (entries.length > 1) {
    mkdirSync(outdir, { recursive: true });
    entry = join(outdir, "page.mjs");
    writeFileSync(
      entry,
      entries.map((name) => `export * from ${JSON.stringify(join(dist, `${name}.js`))};\n`).join(""),
    );
  }
  return {
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "browser",
    minify: true,
    treeShaking: true,
    metafile: true,
    write: true,
    allowOverwrite: true,
    outdir: join(outdir, "out"),
    external: DRIVERS.filter((driver) => !drivers.includes(driver)).map((driver) => `./${driver}-*`),
  };
}
