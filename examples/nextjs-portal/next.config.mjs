import { fileURLToPath } from "node:url";

/** @type {import("next").NextConfig} */
const config = {
  // The simulator entry also carries the conformance harness, which imports vitest.
  serverExternalPackages: ["chargebee", "@portalkit/conformance", "vitest"],
  // The monorepo root, where the workspace's node_modules are.
  turbopack: { root: fileURLToPath(new URL("../..", import.meta.url)) },
  outputFileTracingRoot: fileURLToPath(new URL("../..", import.meta.url)),
  poweredByHeader: false,
  // Types are checked by the workspace's `npm run typecheck`; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
};

export default config;
