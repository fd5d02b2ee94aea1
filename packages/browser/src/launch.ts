import type { PortalLaunch } from "@portalkit/core";
import { PortalLaunchError } from "./launch-error";
import type { Driver, DriverContext, LaunchOptions, PortalHandle } from "./types";

// Each driver is a separate chunk, fetched only when a launch of its kind runs.
function loadDriver(kind: unknown): Promise<{ run: Driver<never> }> {
  switch (kind) {
    case "chargebee-js":
      return import("./drivers/chargebee-js");
    case "billflow-embed":
      return import("./drivers/billflow-embed");
    case "redirect":
      return import("./drivers/redirect");
  }
  throw new PortalLaunchError("unknown_kind", `Unknown launch kind: ${String(kind)}`);
}

function loadScript(src: string): Promise<HTMLScriptElement> {
  return new Promise((resolve, reject) => {
    const script = document.head.appendChild(document.createElement("script"));
    script.onload = () => resolve(script);
    script.onerror = () => {
      script.remove();
      reject(new PortalLaunchError("script_failed", `Could not load ${src}`));
    };
    script.src = src;
  });
}

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
