import { defineCapabilities, type PortalSection } from "@portalkit/core";
import { BILLFLOW_SECTIONS } from "./sections";

/**
 * Sections other than the billing page itself open the whole page with `fallback: "portal"`.
 * Data operations are Stripe's; there is no payment-method page and no session to end.
 */
export const BILLFLOW_CAPABILITIES = defineCapabilities({
  sections: Object.keys(BILLFLOW_SECTIONS) as PortalSection[],
  cancelModes: ["now", "period_end"],
  addressKinds: ["billing", "shipping"],
  getSubscription: true,
  reactivate: true,
  invoicePdf: true,
  updateAddress: true,
  paymentMethodLaunch: false,
  logout: false,
});
