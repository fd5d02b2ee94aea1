import { defineCapabilities } from "@portalkit/core";

/**
 * The Billflow customer portal is one billing page: it opens on the customer's subscription
 * (only the one named, when a section names one). Payment method, invoices, plan changes and
 * cancellation sit on that same page without a deep link of their own, so those sections
 * open the whole page with `fallback: "portal"`. Data operations are Stripe's.
 */
export const BILLFLOW_CAPABILITIES = defineCapabilities({
  sections: ["subscription_details"],
  cancelModes: ["now", "period_end"],
  addressKinds: ["billing", "shipping"],
  getSubscription: true,
  reactivate: true,
  invoicePdf: true,
  updateAddress: true,
  paymentMethodLaunch: false,
  logout: false,
});
