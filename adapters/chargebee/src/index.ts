export { type ChargebeeAddressFields, fromChargebeeAddress, toChargebeeAddress } from "./address";
export { CHARGEBEE_CAPABILITIES, chargebeeCapabilities } from "./capabilities";
export { createChargebeeClient } from "./client";
export { toPortalError as chargebeeErrorToPortalError, toPortalError } from "./errors";
export {
  type ChargebeeJsLaunch,
  ChargebeeJsLaunchSchema,
  type ChargebeePortalSession,
  ChargebeePortalSessionSchema,
} from "./launch";
export { normalizeCustomer } from "./normalize-customer";
export { normalizeInvoice } from "./normalize-invoice";
export { browserPortalSession, normalizePortalSession } from "./normalize-session";
export { normalizeSubscription } from "./normalize-subscription";
export { type ChargebeeProviderOptions, ChargebeeProviderOptionsSchema, DEFAULT_TIMEOUT_MS } from "./options";
export { type ChargebeeProvider, createChargebeeProvider } from "./provider";
export { CHARGEBEE_PROVIDER_ID } from "./provider-id";
export { CHARGEBEE_SECTION_TYPES, CHARGEBEE_SECTIONS, SUBSCRIPTION_SECTIONS } from "./sections";
export {
  type ChargebeeInvoiceStatus,
  type ChargebeeSubscriptionStatus,
  INVOICE_STATUS_MAP,
  subscriptionStatus,
  VENDOR_INVOICE_STATUSES,
} from "./status-map";
