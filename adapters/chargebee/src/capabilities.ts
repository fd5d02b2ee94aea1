import { claimCapabilities } from "@portalkit/core";
import { CHARGEBEE_SECTIONS } from "./sections";

export const CHARGEBEE_CAPABILITIES = claimCapabilities(CHARGEBEE_SECTIONS, {
  cancelModes: ["now", "period_end"],
  addressKinds: ["billing", "shipping"],
  operations: [
    "getSubscription",
    "reactivate",
    "invoicePdf",
    "updateAddress",
    "paymentMethodLaunch",
    "logout",
    "parseWebhook",
  ],
});
