import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// size-limit measures a check by bundling it with esbuild. The built ESM entry is bundled
// as an ESM app bundle would be: the chosen driver's chunk is inlined and the other
// drivers stay separate chunks (external), as they are only fetched when used.
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const DRIVERS = ["chargebee-js", "billflow-embed", "redirect"];

export function sizeConfig(drivers) {
  return {
    entryPoints: [join(dist, "index.js")],
    bundle: true,
    format: "esm",
    platform: "browser",
    minify: true,
    treeShaking: true,
    metafile: true,
    write: true,
    allowOverwrite: true,
    outdir: join(tmpdir(), `portalkit-size-${drivers.join("+")}`),
    external: DRIVERS.filter((driver) => !drivers.includes(driver)).map((driver) => `./${driver}-*`),
  };
}
