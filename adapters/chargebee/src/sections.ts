import type { PortalSection } from "@portalkit/core";

/** `Chargebee.getPortalSections()` values (SectionType in @chargebee/chargebee-js-types). */
export const CHARGEBEE_SECTION_TYPES = {
  subscription_details: "sub_details",
  account_details: "account_details",
  address: "portal_address",
  payment_sources: "portal_payment_methods",
  billing_history: "portal_billing_history",
  cancel_subscription: "sub_cancel",
  edit_subscription: "edit_subscription",
} as const satisfies Record<PortalSection, string>;

/** Sections Chargebee.js opens for one subscription (`params.subscriptionId`). */
export const SUBSCRIPTION_SECTIONS: ReadonlySet<PortalSection> = new Set([
  "subscription_details",
  "cancel_subscription",
  "edit_subscription",
]);
