import type { PortalLaunch } from "@portalkit/core";
import { PortalLaunchError } from "./launch-error";
import { loadScript } from "./load-script";
import { loadDriver } from "./registry";
import type { DriverContext, LaunchOptions, PortalHandle } from "./types";

/**
 * Runs a PortalLaunch from the server. Call it inside the user's click handler: a redirect
 * to a new window, and Chargebee.js on mobile browsers, open a window, which browsers only
 * allow in response to a click.
 */
export async function launch(portalLaunch: PortalLaunch, options: LaunchOptions = {}): Promise<PortalHandle> {
  const driver = loadDriver((portalLaunch as { kind?: unknown } | null)?.kind);

  let settle: (() => void) | undefined;
  const closed = new Promise<void>((resolve) => {
    settle = resolve;
  });
  const context: DriverContext = {
    options,
    emit: (event) => options.onEvent?.({ ...event, provider: portalLaunch.provider }),
    end(raw) {
      if (!settle) return;
      settle();
      settle = undefined;
      context.emit({ type: "portal.closed", raw });
    },
    load: loadScript,
    LaunchError: PortalLaunchError,
  };
  const close = await (await driver).run(portalLaunch as never, context);
  return {
    close() {
      if (settle) close();
      context.end();
    },
    closed,
  };
}
