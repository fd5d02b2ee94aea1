import { defineCapabilities } from "@portalkit/core";

/**
 * Stripe's customer portal opens these sections directly as portal flows; subscription
 * details and billing history live on the portal's home page, which `fallback: "portal"`
 * opens instead. Sessions cannot be revoked, so there is no `logout`.
 */
export const STRIPE_CAPABILITIES = defineCapabilities({
  sections: ["account_details", "address", "payment_sources", "cancel_subscription", "edit_subscription"],
  cancelModes: ["now", "period_end"],
  addressKinds: ["billing", "shipping"],
  getSubscription: true,
  reactivate: true,
  invoicePdf: true,
  updateAddress: true,
  paymentMethodLaunch: true,
  logout: false,
});
