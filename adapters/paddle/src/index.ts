export { fromPaddleAddress, joinName, toPaddleAddress } from "./address";
export { PADDLE_BILLING_OPERATIONS, TRANSACTIONS_PAGE_MAX } from "./billing";
export { PADDLE_CAPABILITIES, PADDLE_SECTIONS } from "./capabilities";
export { createPaddleClient } from "./client";
export { toPortalError } from "./errors";
export { PADDLE_LOOKUPS, type PaddleContext } from "./lookups";
export { normalizeCustomer, paymentMethodSummary } from "./normalize-customer";
export { normalizeInvoice, PADDLE_TRANSACTION_STATUSES, TRANSACTION_STATUSES } from "./normalize-invoice";
export { normalizeSession } from "./normalize-session";
export { isCancelScheduled, normalizeSubscription } from "./normalize-subscription";
export {
  DEFAULT_TIMEOUT_MS,
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  type PaddleProviderOptions,
  PaddleProviderOptionsSchema,
} from "./options";
export { PADDLE_PORTAL_HOSTS, portalUrl } from "./portal-url";
export { createPaddleProvider, type PaddleProvider } from "./provider";
export { normalizePaddleEvent, parsePaddleWebhook, verifyPaddleSignature } from "./webhook";
