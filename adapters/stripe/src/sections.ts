import type { PortalSection } from "@portalkit/core";
import type { SectionTable } from "@portalkit/core/adapter";
import type Stripe from "stripe";

type FlowData = Stripe.BillingPortal.SessionCreateParams.FlowData;

/** How a portable section opens in Stripe's portal: the flow type, and whether it names a subscription. */
export const SECTION_FLOWS: Partial<Record<PortalSection, { type: FlowData["type"]; subscription: boolean }>> = {
  payment_sources: { type: "payment_method_update", subscription: false },
  cancel_subscription: { type: "subscription_cancel", subscription: true },
  edit_subscription: { type: "subscription_update", subscription: true },
  account_details: { type: "customer_update", subscription: false },
  address: { type: "customer_update", subscription: false },
};

/**
 * `flow_data` for a section; `subscriptionId` must be given for the subscription flows. When
 * the flow is done, Stripe sends the customer back to `returnUrl` rather than to the portal's
 * home page: the application asked for one task, not for the whole portal.
 */
export function flowDataFor(
  section: PortalSection,
  subscriptionId: string | undefined,
  returnUrl: string,
): FlowData | undefined {
  const flow = SECTION_FLOWS[section];
  if (!flow) return undefined;
  const data: FlowData = {
    type: flow.type,
    after_completion: { type: "redirect", redirect: { return_url: returnUrl } },
  };
  const subscription = subscriptionId ?? "";
  if (flow.type === "subscription_cancel") data.subscription_cancel = { subscription };
  if (flow.type === "subscription_update") data.subscription_update = { subscription };
  return data;
}

/** The section table: what Stripe's portal opens directly as a flow. */
export const STRIPE_SECTIONS: SectionTable = Object.fromEntries(
  Object.entries(SECTION_FLOWS).map(([section, flow]) => [section, { subscription: flow.subscription }]),
);
