export { fromStripeAddress, joinName, splitName, toStripeAddressParams } from "./address";
export { retrieveCustomer, STRIPE_BILLING_OPERATIONS, STRIPE_LOOKUPS, type StripeContext } from "./billing";
export { STRIPE_BILLING_CLAIMS, STRIPE_CAPABILITIES } from "./capabilities";
export { createStripeClient, stripeDeadline } from "./client";
export { toPortalError } from "./errors";
export { normalizeCustomer } from "./normalize-customer";
export { invoiceSubscriptionId, normalizeInvoice } from "./normalize-invoice";
export { normalizeSession } from "./normalize-session";
export { currentPeriodEnd, hasEnded, isCancelScheduled, normalizeSubscription } from "./normalize-subscription";
export {
  DEFAULT_TIMEOUT_MS,
  type StripeConnectionOptions,
  StripeConnectionOptionsSchema,
  type StripeProviderOptions,
  StripeProviderOptionsSchema,
} from "./options";
export { createStripeProvider, type StripeProvider } from "./provider";
export { flowDataFor, SECTION_FLOWS, STRIPE_SECTIONS } from "./sections";
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  normalizeStripeEvent,
  parseStripeWebhook,
  type StripeWebhookOptions,
} from "./webhook";
