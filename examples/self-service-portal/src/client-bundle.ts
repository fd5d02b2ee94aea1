import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** The page script and its chunks (one per @portalkit/browser driver), by URL path. */
export type ClientBundle = ReadonlyMap<string, string>;

/**
 * Bundles the page script with @portalkit/browser from their TypeScript sources, so the
 * example runs from a fresh clone with no build step. An app with a bundler of its own
 * imports `@portalkit/browser` in its client code instead.
 */
export async function buildClientBundle(): Promise<ClientBundle> {
  const result = await build({
    entryPoints: { "portal-client": fileURLToPath(new URL("./client/portal-client.ts", import.meta.url)) },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    conditions: ["@portalkit/source"],
    minify: true,
    write: false,
    outdir: "/assets",
    logLevel: "silent",
  });
  return new Map(result.outputFiles.map((file) => [file.path.replace(/^.*\/assets\//, "/assets/"), file.text]));
}
