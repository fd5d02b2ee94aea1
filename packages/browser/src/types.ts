import type { PortalEvent, PortalLaunch } from "@portalkit/core";
import type { PortalLaunchError } from "./launch-error";

export interface LaunchOptions {
  /** Receives every normalized portal event. */
  onEvent?: (event: PortalEvent) => void;
  /** Where an embedded portal (Billflow) is placed; `document.body` by default. */
  container?: HTMLElement;
  /** Overrides the vendor script (Chargebee.js or the Billflow embed), e.g. a self-hosted copy. */
  scriptUrl?: string;
  /** For `redirect` launches: the same tab (default) or a new window. */
  target?: "self" | "blank";
}

export interface PortalHandle {
  /** Closes the portal (Chargebee.js modal, Billflow embed or portal window). */
  close(): void;
  /**
   * Settles when the portal closes. A same-tab redirect leaves the page, so this never
   * settles for it.
   */
  readonly closed: Promise<void>;
}

export interface DriverContext {
  readonly options: LaunchOptions;
  /** Reports an event; `launch()` adds the provider. */
  emit(event: Omit<PortalEvent, "provider">): void;
  /** Reports the portal closed: emits `portal.closed` once and settles `closed`. */
  end(raw?: unknown): void;
  /** Appends a script element; settles when it has run, rejects when it fails to load. */
  load(src: string): Promise<HTMLScriptElement>;
  readonly LaunchError: typeof PortalLaunchError;
}

/** What a driver's `logout` is given: the launch options' `scriptUrl`, `load` and `LaunchError`. */
export type LogoutContext = Pick<DriverContext, "options" | "load" | "LaunchError">;

/**
 * Ends the customer's vendor portal session in the page (Chargebee.js `logout()`), given
 * what `logout()` was called with: the launch kind and the fields its driver reads.
 */
export type LogoutDriver<T> = (portal: T, context: LogoutContext) => Promise<void>;

// Drivers take their helpers from the context rather than importing them, so that a
// driver chunk holds only its own code.
/** Opens the portal and returns the function that closes it. */
export type Driver<L extends PortalLaunch> = (launch: L, context: DriverContext) => Promise<() => void>;
