import { ADDRESS_FIELDS, claimCapabilities } from "@portalkit/core";
import { BILLFLOW_SECTIONS } from "./sections";

/**
 * Sections other than the billing page itself open the whole page with `fallback: "portal"`.
 * Data operations and webhooks are Stripe's; there is no payment-method page and no session to end.
 */
export const BILLFLOW_CAPABILITIES = claimCapabilities(BILLFLOW_SECTIONS, {
  cancelModes: ["now", "period_end"],
  addressKinds: ["billing", "shipping"],
  // cancel({ reason }) is sent as cancellation_details[comment].
  cancelReason: "comment",
  // The billing data is Stripe's: both kinds live on the Stripe customer.
  addressScopes: { billing: "customer", shipping: "customer" },
  // A shipping address has no email or company at Stripe (refused, not dropped).
  addressFields: {
    billing: [...ADDRESS_FIELDS],
    shipping: ADDRESS_FIELDS.filter((field) => field !== "email" && field !== "company"),
  },
  operations: [
    "getSubscription",
    "reactivate",
    "invoicePdf",
    "updateAddress",
    "getCustomer",
    "listSubscriptions",
    "parseWebhook",
  ],
});
