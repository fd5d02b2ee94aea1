import { PortalLaunchError } from "./launch-error";
import { loadScript } from "./load-script";
import { loadDriver } from "./registry";
import type { LaunchOptions } from "./types";

/**
 * Ends the customer's vendor portal session in the page, for a launch kind that keeps one
 * (`chargebee-js`: Chargebee.js `logout()`); other kinds resolve doing nothing. `portal` is
 * the kind with the fields its driver reads, e.g. `{ kind: "chargebee-js", site }`, or a
 * launch the page ran. Call it at sign-out, alongside the server's `POST /logout`.
 */
export async function logout<T extends { kind: string }>(
  portal: T,
  options: Pick<LaunchOptions, "scriptUrl"> = {},
): Promise<void> {
  const { logout: end } = await loadDriver(portal?.kind);
  return end?.(portal as never, { options, load: loadScript, LaunchError: PortalLaunchError });
}
