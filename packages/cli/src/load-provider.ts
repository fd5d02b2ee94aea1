import type { PortalProvider } from "@portalkit/core";
import { cliError } from "./cli-error";
import { loadModule } from "./load-module";

/**
 * A provider config is a module exporting `provider` (a PortalProvider) or
 * `createProvider()` (returning one, or a promise of one).
 */
export async function loadProvider(specifier: string, cwd?: string): Promise<PortalProvider> {
  const { exports } = await loadModule(specifier, cwd);
  const candidate =
    typeof exports.createProvider === "function" ? await (exports.createProvider as () => unknown)() : exports.provider;
  if (!isProvider(candidate)) {
    throw cliError(`${specifier} must export \`provider\` or \`createProvider()\` giving a PortalProvider`);
  }
  return candidate;
}

function isProvider(value: unknown): value is PortalProvider {
  if (typeof value !== "object" || value === null) return false;
  const p = value as Record<string, unknown>;
  return typeof p.id === "string" && typeof p.listInvoices === "function" && typeof p.capabilities === "object";
}
