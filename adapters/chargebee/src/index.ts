export { type ChargebeeAddressFields, fromChargebeeAddress, toChargebeeAddress } from "./address";
export {
  type ChargebeeJsLaunch,
  ChargebeeJsLaunchSchema,
  type ChargebeePortalSession,
  ChargebeePortalSessionSchema,
} from "./launch";
export { toPortalError as chargebeeErrorToPortalError } from "./map-error";
export { normalizeCustomer } from "./normalize-customer";
export { normalizeInvoice } from "./normalize-invoice";
export { browserPortalSession, normalizePortalSession } from "./normalize-session";
export { normalizeSubscription } from "./normalize-subscription";
export type { ChargebeeProviderOptions } from "./options";
export { CHARGEBEE_CAPABILITIES, type ChargebeeProvider, createChargebeeProvider } from "./provider";
export { CHARGEBEE_PROVIDER_ID } from "./provider-id";
export { CHARGEBEE_SECTION_TYPES, SUBSCRIPTION_SECTIONS } from "./sections";
export {
  type ChargebeeInvoiceStatus,
  type ChargebeeSubscriptionStatus,
  INVOICE_STATUS_MAP,
  subscriptionStatus,
  VENDOR_INVOICE_STATUSES,
} from "./status-map";
