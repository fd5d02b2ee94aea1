import { launch, type PortalHandle, type PortalLaunchError } from "@portalkit/browser";
import type { PortalEvent, PortalLaunch } from "@portalkit/core";
import { useState } from "react";
import type { PortalApiError } from "./portal-api-error";
import { usePortalKit } from "./portal-kit-provider";
import { requestJson } from "./request-json";
import type { LaunchTarget, PortalLaunchOptions } from "./types";

/**
 * Why a launch failed: the server's answer to `POST /launch` (`PortalApiError`: not signed
 * in, a section the provider cannot open, ...) or the page's (`PortalLaunchError`: the
 * vendor script did not load, the popup was blocked, ...). Told apart by `name`.
 */
export type PortalLaunchFailure = PortalApiError | PortalLaunchError;

export interface PortalLaunchState {
  /**
   * Opens the whole portal, or `target.section`: `POST {basePath}/launch`, then
   * `@portalkit/browser`'s `launch()` with the answer, with the provider's `launchOptions`
   * and then `options` (an element of the moment as `container`). Call it from the click
   * handler. Resolves to the portal's handle, or to undefined when it failed (see `error`).
   */
  open(target?: LaunchTarget, options?: PortalLaunchOptions): Promise<PortalHandle | undefined>;
  /** From the call until the portal runs (or the launch failed). */
  loading: boolean;
  /** The last launch's failure; cleared by the next `open`. */
  error?: PortalLaunchFailure;
}

/**
 * Opens the vendor's portal through `POST {basePath}/launch` and `@portalkit/browser`. The
 * read hooks re-read when the portal closes or reports a subscription or payment change.
 */
export function usePortalLaunch(onEvent?: (event: PortalEvent) => void): PortalLaunchState {
  const portal = usePortalKit();
  const [state, setState] = useState<Omit<PortalLaunchState, "open">>({ loading: false });
  const open = async (target: LaunchTarget = {}, options?: PortalLaunchOptions) => {
    setState({ loading: true });
    try {
      const handle = await launch(await requestJson<PortalLaunch>(`${portal.basePath}/launch`, target), {
        ...portal.launchOptions,
        ...options,
        onEvent(event) {
          portal.onEvent?.(event);
          onEvent?.(event);
          // subscription.* and payment_source.* events (not portal.* or section.*).
          if (/^(su|pa)/.test(event.type)) portal.refresh();
        },
      });
      setState({ loading: false });
      handle.closed.then(portal.refresh);
      return handle;
    } catch (error) {
      setState({ loading: false, error: error as PortalLaunchFailure });
    }
  };
  return { open, ...state };
}
