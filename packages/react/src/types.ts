import type { LaunchOptions } from "@portalkit/browser";
import type { PortalSection } from "@portalkit/core";

/** What `POST {basePath}/launch` is asked to open: the whole portal, or one section. */
export interface LaunchTarget {
  section?: PortalSection;
  /** The subscription a subscription section is about (`cancel_subscription`, ...). */
  subscriptionId?: string;
  /** Where the vendor's portal sends the customer back; on the app's own origin. */
  returnUrl?: string;
  /** `"portal"`: open the whole portal when the provider cannot open the section. */
  fallback?: "portal";
}

/** `@portalkit/browser`'s launch options, less `onEvent` (given to the provider or the hook). */
export type PortalLaunchOptions = Omit<LaunchOptions, "onEvent">;
