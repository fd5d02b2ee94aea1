import type { PortalSection } from "@portalkit/core";
import type { SectionTable } from "@portalkit/core/adapter";

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

/** The section table: Chargebee.js opens every portable section directly. */
export const CHARGEBEE_SECTIONS: SectionTable = Object.fromEntries(
  Object.keys(CHARGEBEE_SECTION_TYPES).map((section) => [
    section,
    { subscription: SUBSCRIPTION_SECTIONS.has(section as PortalSection) },
  ]),
);
