import type ChargebeeStatic from "@chargebee/chargebee-js-types";
import type {
  CbPortalForwardOptions,
  CbPortalOptions,
} from "@chargebee/chargebee-js-types/cb-types/interfaces/cb-portal-options";
import type CbInstance from "@chargebee/chargebee-js-types/cb-types/models/cb-instance";
import type { PortalEventType, VendorLaunch } from "@portalkit/core";
import type { Driver, LogoutContext, LogoutDriver } from "../types";

/** What this driver reads of a `chargebee-js` launch (its schema is @portalkit/chargebee's). */
interface ChargebeeJsLaunch extends VendorLaunch {
  site: string;
  domain?: string;
  session: object;
  chargebeeSection?: { sectionType: string; params?: { subscriptionId?: string; paymentSourceId?: string } };
}

type Callback = Exclude<keyof CbPortalOptions, "pageType" | "url" | "close">;

// Chargebee.js callback -> portable event (`close` ends the launch). A removed scheduled
// pause leaves the subscription running, so it is a change; a removed scheduled
// cancellation undoes a cancellation, as `reactivate` does.
const EVENTS: Record<Callback, PortalEventType> = {
  loaded: "portal.loaded",
  visit: "section.visited",
  paymentSourceAdd: "payment_source.added",
  paymentSourceUpdate: "payment_source.updated",
  paymentSourceRemove: "payment_source.removed",
  subscriptionChanged: "subscription.changed",
  subscriptionCustomFieldsChanged: "subscription.changed",
  subscriptionCancelled: "subscription.cancelled",
  subscriptionResumed: "subscription.resumed",
  subscriptionPaused: "subscription.paused",
  scheduledPauseRemoved: "subscription.changed",
  scheduledCancellationRemoved: "subscription.reactivated",
  subscriptionReactivated: "subscription.reactivated",
};

let script: Promise<unknown> | undefined;
let instance: CbInstance | undefined;

/**
 * Chargebee.js's instance, loading the script once per page (skipped when `window.Chargebee`
 * exists): the page's own when it called `Chargebee.init`, else one initialised for `site`.
 */
async function chargebee(
  portal: { site: string; domain?: string },
  { options, load, LaunchError }: LogoutContext,
): Promise<CbInstance> {
  const page = window as unknown as { Chargebee?: ChargebeeStatic };
  // A failed load is tried again by the next call.
  if (!page.Chargebee) {
    script ??= load(options.scriptUrl ?? "https://js.chargebee.com/v2/chargebee.js").catch((error) => {
      script = undefined;
      throw error;
    });
    await script;
  }
  const Chargebee = page.Chargebee;
  if (!Chargebee) throw new LaunchError("script_failed", "window.Chargebee is missing");
  try {
    instance ||= Chargebee.init({ site: portal.site, domain: portal.domain });
  } catch {
    // The page initialised Chargebee.js itself, and init() may be called only once.
    instance = Chargebee.getInstance();
  }
  return instance;
}

/** Chargebee.js `logout()`: the portal session set in this browser ends. */
export const logout: LogoutDriver<{ site: string; domain?: string }> = async (portal, context) =>
  (await chargebee(portal, context)).logout();

export const run: Driver<ChargebeeJsLaunch> = async (launch, context) => {
  const opened = await chargebee(launch, context);
  opened.setPortalSession(() => Promise.resolve(launch.session as never));

  const callbacks: Record<string, (data?: unknown) => void> = { close: context.end };
  for (const name in EVENTS) {
    callbacks[name] = (data) => {
      // paymentSourceAdd/Update report "error" when the card could not be saved.
      if (data !== "error") {
        context.emit({
          type: EVENTS[name as Callback],
          raw: data,
          subscriptionId: (data as { subscription?: { id?: string } } | undefined)?.subscription?.id,
          section: name === "visit" ? (data as string) : undefined,
        });
      }
    };
  }
  const portal = opened.createChargebeePortal();
  // chargebeeSection holds the Chargebee.js values already: { sectionType, params }.
  const section = launch.chargebeeSection as CbPortalForwardOptions | undefined;
  if (section) portal.openSection(section, callbacks);
  else portal.open(callbacks);
  return () => opened.closeAll();
};
