import type { PortalLaunch } from "@portalkit/core";
import { PortalLaunchError } from "./launch-error";
import type { Driver, LogoutDriver } from "./types";

type Loaded = { run: Driver<never>; logout?: LogoutDriver<never> };

/**
 * Launch kind -> the function that loads its driver. The built-in drivers are separate
 * chunks, fetched the first time a launch of their kind runs; `registerDriver` adds a kind
 * (or replaces one) from outside the package.
 */
const drivers: Record<string, () => Promise<Loaded>> = {
  __proto__: null as never,
  "chargebee-js": () => import("./drivers/chargebee-js"),
  "billflow-embed": () => import("./drivers/billflow-embed"),
  redirect: () => import("./drivers/redirect"),
};

/**
 * Registers the driver of a launch kind from outside the package: a function that loads a
 * module whose `run` opens the portal (called the first time a launch of that kind runs),
 * and whose optional `logout` ends the vendor's portal session in the page. Replaces the
 * driver a kind had, built-in ones included.
 */
export function registerDriver<L extends PortalLaunch>(
  kind: string,
  load: () => Promise<{ run: Driver<L>; logout?: LogoutDriver<L> }>,
): void {
  drivers[kind] = load as () => Promise<Loaded>;
}

export function loadDriver(kind: unknown): Promise<Loaded> {
  const load = drivers[kind as string];
  if (!load) throw new PortalLaunchError("unknown_kind", `Unknown launch kind: ${String(kind)}`);
  return load();
}
