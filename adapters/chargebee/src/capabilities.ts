import { claimCapabilities } from "@portalkit/core";
import { CHARGEBEE_SECTIONS } from "./sections";

export const CHARGEBEE_CAPABILITIES = claimCapabilities(CHARGEBEE_SECTIONS, {
  cancelModes: ["now", "period_end"],
  addressKinds: ["billing", "shipping"],
  // Chargebee keeps the billing address on the customer and a shipping address on each subscription.
  addressScopes: { billing: "customer", shipping: "subscription" },
  operations: [
    "getSubscription",
    "reactivate",
    "invoicePdf",
    "updateAddress",
    "paymentMethodLaunch",
    "logout",
    "parseWebhook",
    "getCustomer",
    "listSubscriptions",
  ],
});
