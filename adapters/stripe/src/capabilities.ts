import { ADDRESS_FIELDS, claimCapabilities } from "@portalkit/core";
import { STRIPE_SECTIONS } from "./sections";

/**
 * Stripe's customer portal opens the sections of its flow table directly; subscription
 * details and billing history live on the portal's home page, which `fallback: "portal"`
 * opens instead. Sessions cannot be revoked, so there is no `logout`.
 */
export const STRIPE_CAPABILITIES = claimCapabilities(STRIPE_SECTIONS, {
  cancelModes: ["now", "period_end"],
  addressKinds: ["billing", "shipping"],
  // cancel({ reason }) is sent as cancellation_details[comment].
  cancelReason: "comment",
  // Stripe keeps both on the customer (`address`, `shipping`).
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
    "paymentMethodLaunch",
    "getCustomer",
    "listSubscriptions",
    "parseWebhook",
  ],
});
