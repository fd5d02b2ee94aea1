export { fromStripeAddress, joinName, splitName, toStripeAddressParams } from "./address";
export { createStripeBilling, type StripeBilling, type StripeBillingOptions } from "./billing";
export { STRIPE_CAPABILITIES } from "./capabilities";
export { normalizeCustomer } from "./normalize-customer";
export { invoiceSubscriptionId, normalizeInvoice } from "./normalize-invoice";
export { normalizeSession } from "./normalize-session";
export { currentPeriodEnd, hasEnded, isCancelScheduled, normalizeSubscription } from "./normalize-subscription";
export { flowDataFor, SECTION_FLOWS } from "./portal-flows";
export { createStripeProvider, type StripeProvider, type StripeProviderOptions } from "./provider";
export {
  DEFAULT_TIMEOUT_MS,
  type StripeConnectionOptions,
  StripeConnectionOptionsSchema,
  type StripeRunner,
} from "./stripe-client";
export { rejectingWithPortalError, toPortalError } from "./stripe-error";
