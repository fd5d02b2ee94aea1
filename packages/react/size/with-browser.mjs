import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { sizeConfig } from "../../browser/size/esbuild-config.mjs";

// An app on the bindings: @portalkit/browser's own all-drivers check (its whole entry with
// every driver inlined) and every export of the bindings, used, in one bundle; React left
// out. The budget is on the difference: the bindings add at most 1 kB (1000 B) min+gzip to
// the browser package. size-limit reports and limits the whole bundle (the browser's 2 kB
// budget plus 1 kB); the plugin below also builds the browser check alone and fails the
// check when the difference is over budget, whatever the browser package weighs.
export const BINDINGS_BUDGET = 1000;

const browser = sizeConfig(["chargebee-js", "billflow-embed", "redirect"]);
const [browserEntry] = browser.entryPoints;
const bindings = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const EXPORTS = [
  "ManageBillingButton",
  "PortalKitProvider",
  "useCustomer",
  "useInvoices",
  "usePortalKit",
  "usePortalLaunch",
  "useSubscriptions",
];

const gzipped = (result) =>
  result.outputFiles
    .filter((file) => file.path.endsWith(".js"))
    .reduce((sum, file) => sum + gzipSync(file.text, { level: 9 }).length, 0);

const budget = {
  name: "bindings-budget",
  setup(bundle) {
    bundle.onEnd(async (result) => {
      if (result.errors.length) return;
      const inMemory = { write: false, metafile: false };
      const [alone, both] = await Promise.all([
        build({ ...browser, ...inMemory }),
        build({ ...bundle.initialOptions, ...inMemory, plugins: [] }),
      ]);
      const added = gzipped(both) - gzipped(alone);
      if (added > BINDINGS_BUDGET) {
        return {
          errors: [
            {
              text: `@portalkit/react adds ${added} B min+gzip to @portalkit/browser: over its ${BINDINGS_BUDGET} B budget`,
            },
          ],
        };
      }
      console.error(
        `\n  @portalkit/react adds ${added} B min+gzip to @portalkit/browser (budget ${BINDINGS_BUDGET} B)`,
      );
    });
  },
};

export default {
  ...browser,
  entryPoints: undefined,
  stdin: {
    contents: `export * from ${JSON.stringify(browserEntry)};
import { ${EXPORTS} } from ${JSON.stringify(bindings)};
export const bindings = [${EXPORTS}];`,
    resolveDir: fileURLToPath(new URL(".", import.meta.url)),
    sourcefile: "app.js",
  },
  outdir: join(browser.outdir, "..", "portalkit-size-browser+react"),
  external: ["react", "react/*"],
  // The bindings import "@portalkit/browser": the same built file the browser checks bundle.
  alias: { "@portalkit/browser": browserEntry },
  plugins: [budget],
};
