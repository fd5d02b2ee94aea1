import { type Capabilities, defineCapabilities, type PortalSection } from "@portalkit/core";
import { CHARGEBEE_SECTIONS } from "./sections";

export const CHARGEBEE_CAPABILITIES: Readonly<Capabilities> = defineCapabilities({
  sections: Object.keys(CHARGEBEE_SECTIONS) as PortalSection[],
  cancelModes: ["now", "period_end"],
  addressKinds: ["billing", "shipping"],
  getSubscription: true,
  reactivate: true,
  invoicePdf: true,
  updateAddress: true,
  paymentMethodLaunch: true,
  logout: true,
});
