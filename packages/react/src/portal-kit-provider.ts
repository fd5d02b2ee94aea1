import type { PortalEvent } from "@portalkit/core";
import { createContext, createElement, type ReactNode, useContext, useState } from "react";
import type { PortalLaunchOptions } from "./types";

export interface PortalKitProviderProps {
  /** Where the app mounted `createPortalHandler`, e.g. `"/api/portal"` (its `basePath`, no trailing `/`). */
  basePath: string;
  /** `@portalkit/browser` launch options for every launch below (`scriptUrl`, `target`, `container`). */
  launchOptions?: PortalLaunchOptions;
  /** Receives every normalized portal event of every launch below. */
  onEvent?: (event: PortalEvent) => void;
  children?: ReactNode;
}

export interface PortalKitContext extends Omit<PortalKitProviderProps, "children"> {
  /** Moves whenever the billing data may have changed; every read hook re-reads then. */
  version: number;
  /** Makes every read hook below re-read (after a change the app made itself). */
  refresh(): void;
}

const Context = createContext<PortalKitContext | null>(null);

/** Points the hooks below at the app's mounted `@portalkit/server` handler. */
export function PortalKitProvider({ children, ...props }: PortalKitProviderProps) {
  const [version, setVersion] = useState(0);
  return createElement(
    Context.Provider,
    { value: { ...props, version, refresh: () => setVersion((value) => value + 1) } },
    children,
  );
}

/** The provider's settings, data version and `refresh()`, for hooks of the app's own (inside a `<PortalKitProvider>`). */
export function usePortalKit(): PortalKitContext {
  const context = useContext(Context);
  if (!context) throw new Error("Render this inside a <PortalKitProvider>");
  return context;
}
