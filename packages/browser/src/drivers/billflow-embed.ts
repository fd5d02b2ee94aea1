import type { PortalEventType, VendorLaunch } from "@portalkit/core";
import type { Driver } from "../types";

/** The embed's `window.billflowSettings`, as the server signed them (schema: @portalkit/billflow's). */
interface BillflowSettings {
  billing_page_id: string;
  customer_id?: string;
  subscription_id?: string;
  [setting: string]: unknown;
}

interface BillflowEmbedLaunch extends VendorLaunch {
  settings: BillflowSettings;
}

interface BillflowPayload {
  event: string;
  response?: unknown;
}

type BillflowWindow = Window & {
  billflowSettings?: BillflowSettings & { handleResponse(payload: BillflowPayload): void };
};

// Billflow event -> portable event. The `pre_*` and `select_plan` events come before
// anything has happened and are not reported.
const EVENTS: Record<string, PortalEventType> = {
  post_load: "portal.loaded",
  create_subscription: "subscription.created",
  change_plan: "subscription.changed",
  resubscribe: "subscription.reactivated",
};

export const run: Driver<BillflowEmbedLaunch> = async (launch, { options, emit, load }) => {
  const container = options.container ?? document.body;
  const found = container.querySelector<HTMLElement>("#billflow-embed");
  const embed = found ?? container.appendChild(document.createElement("div"));
  embed.id = "billflow-embed";
  const page = window as BillflowWindow;
  let loaded = false;
  page.billflowSettings = {
    ...launch.settings,
    handleResponse({ event, response }) {
      const type = Object.hasOwn(EVENTS, event) ? EVENTS[event] : undefined;
      const data = response as
        | { billingData?: unknown; object?: string; id?: string; subscription?: string | { id?: string } }
        | undefined;
      if (type === "portal.loaded") {
        // post_load first fires with `billingData: null`, before the portal data is in.
        if (loaded || data?.billingData === null) return;
        loaded = true;
      }
      const subscription = data?.object === "subscription" ? data : data?.subscription;
      if (type) {
        emit({
          type,
          raw: response,
          subscriptionId:
            (typeof subscription === "string" ? subscription : subscription?.id) ?? launch.settings.subscription_id,
        });
      }
    },
  };
  const remove = () => {
    if (found) found.replaceChildren();
    else embed.remove();
    delete page.billflowSettings;
  };
  // The embed reads billflowSettings when its script runs and has no call to start it
  // again, so every launch runs a fresh script element.
  const script = await load(options.scriptUrl ?? "https://js.billflow.io/billflow-embed.js").catch((error) => {
    remove();
    throw error;
  });
  return () => {
    remove();
    script.remove();
  };
};
