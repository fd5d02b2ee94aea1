import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useCustomer } from "../src";

const REACT_18 = fileURLToPath(new URL("../../../test/react-18/node_modules/", import.meta.url));

// A component on every hook and the button, rendered on the server: `render(React, renderToString, bindings)`.
const PAGE = `
export function render({ createElement }, renderToString, { ManageBillingButton, PortalKitProvider, useCustomer, useInvoices, usePortalLaunch, useSubscriptions }) {
  function Billing() {
    const customer = useCustomer();
    const invoices = useInvoices({ limit: 5 });
    const subscriptions = useSubscriptions();
    const launch = usePortalLaunch();
    return createElement("p", { "data-loading": String(customer.loading && invoices.loading && subscriptions.loading && !launch.loading) },
      (customer.data?.email ?? "…") + " " + (invoices.data?.length ?? 0));
  }
  return renderToString(createElement(PortalKitProvider, { basePath: "/api/portal" }, createElement(Billing),
    createElement(ManageBillingButton, { section: "payment_sources" }, "Payment methods")));
}`;
const Orphan = () => createElement("p", null, useCustomer().data?.email);
const EXPECTED = '<p data-loading="true">… 0</p><button type="button" aria-busy="false">Payment methods</button>';

describe("@portalkit/react on the server", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("React 19: imports and renders without window, reads nothing and loads no driver", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    expect(typeof globalThis.window).toBe("undefined");
    const bindings = await import("../src");
    const { render } = await import(`data:text/javascript,${encodeURIComponent(PAGE)}`);
    expect(render({ createElement }, renderToString, bindings)).toBe(EXPECTED);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("a hook outside a <PortalKitProvider> throws, saying so", async () => {
    expect(() => renderToString(createElement(Orphan))).toThrow("Render this inside a <PortalKitProvider>");
  });

  it("React 18: the bindings bundled with React 18 render the same", async () => {
    const dir = await mkdtemp(join(tmpdir(), "portalkit-react-18-"));
    try {
      const out = join(dir, "ssr.mjs");
      await build({
        stdin: {
          contents: `import * as React from "react"; import { renderToString } from "react-dom/server";
import * as bindings from ${JSON.stringify(fileURLToPath(new URL("../src/index.ts", import.meta.url)))};
${PAGE}
export const html = () => render(React, renderToString, bindings);
export const version = React.version;`,
          resolveDir: fileURLToPath(new URL(".", import.meta.url)),
          sourcefile: "ssr-18.js",
        },
        bundle: true,
        format: "esm",
        platform: "node",
        conditions: ["@portalkit/source"],
        alias: { react: `${REACT_18}react`, "react-dom": `${REACT_18}react-dom` },
        // React 18's CommonJS needs require in an ES module.
        banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
        outfile: out,
      });
      const fetch = vi.fn();
      vi.stubGlobal("fetch", fetch);
      const ssr = await import(pathToFileURL(out).href);
      expect(ssr.version).toMatch(/^18\./);
      expect(ssr.html()).toBe(EXPECTED);
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
