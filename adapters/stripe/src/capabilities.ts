import { ADDRESS_FIELDS, claimCapabilities } from "@portalkit/core/adapter";
import { STRIPE_SECTIONS } from "./sections";

/**
 * What Stripe's billing operations (`STRIPE_BILLING_OPERATIONS`) and its webhooks claim,
 * for every adapter that runs them on Stripe's data: `createStripeProvider` and
 * `createBillflowProvider` build their manifests from it.
 */
export const STRIPE_BILLING_CLAIMS = {
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
    "getCustomer",
    "listSubscriptions",
    "parseWebhook",
  ],
} as const satisfies Parameters<typeof claimCapabilities>[1];

/**
 * Stripe's customer portal opens the sections of its flow table directly; subscription
 * details and billing history live on the portal's home page, which `fallback: "portal"`
 * opens instead. Its payment-method flow is a portal session too. Sessions cannot be
 * revoked, so there is no `logout`.
 */
export const STRIPE_CAPABILITIES = claimCapabilities(STRIPE_SECTIONS, {
  ...STRIPE_BILLING_CLAIMS,
  operations: [...STRIPE_BILLING_CLAIMS.operations, "paymentMethodLaunch"],
});
