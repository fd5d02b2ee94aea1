import type { RedirectLaunch } from "@portalkit/core";
import type { Driver } from "../types";

export const run: Driver<RedirectLaunch> = async (launch, { options, end, LaunchError }) => {
  if (options.target !== "blank") {
    window.location.assign(launch.url);
    return () => {};
  }
  // Not opened with "noopener": window.open then always returns null, and a blocked
  // window could not be told apart. The opener is cut right after instead.
  const portal = window.open(launch.url, "_blank");
  if (!portal)
    throw new LaunchError("popup_blocked", "The portal window was blocked: call launch() inside a click handler");
  portal.opener = null;
  const timer = setInterval(() => {
    if (portal.closed) {
      clearInterval(timer);
      end();
    }
  }, 500);
  return () => {
    clearInterval(timer);
    portal.close();
  };
};
