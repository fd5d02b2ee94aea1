import type * as z from "zod";
import {
  addressKindSchema,
  cancelInputSchema,
  createSessionInputSchema,
  getCustomerInputSchema,
  getSubscriptionInputSchema,
  invoicePdfInputSchema,
  listInvoicesInputSchema,
  listSubscriptionsInputSchema,
  logoutInputSchema,
  openPortalInputSchema,
  openSectionInputSchema,
  parseWebhookInputSchema,
  paymentMethodLaunchInputSchema,
  reactivateInputSchema,
  subscriptionRefInputSchema,
  updateAddressInputSchema,
  vendorOptionsSchema,
  webhookHeadersSchema,
} from "./input-builders";

export { MAX_PAGE_SIZE } from "./input-builders";

// Inputs are strict: an unknown key (a typo such as `subscriptionID`) is an error rather
// than a silently broader call.

export const CreateSessionInputSchema = createSessionInputSchema();
export type CreateSessionInput = z.infer<typeof CreateSessionInputSchema>;

/**
 * Launch options one vendor's portal takes beyond the contract (Billflow's `service` and
 * `quantity`), keyed by the adapter they are for: `{ billflow: { quantity: 3 } }`. Each
 * adapter checks its own entry with its own schema (`invalid_input` naming the field, such
 * as `vendorOptions.billflow.quantity`) and rejects an entry when it takes none; entries for
 * other adapters are left to them, so one call can go through a router to any customer.
 */
export const VendorOptionsSchema = vendorOptionsSchema();
export type VendorOptions = z.infer<typeof VendorOptionsSchema>;

export const OpenPortalInputSchema = openPortalInputSchema();
export type OpenPortalInput = z.infer<typeof OpenPortalInputSchema>;

export const OpenSectionInputSchema = openSectionInputSchema();
export type OpenSectionInput = z.infer<typeof OpenSectionInputSchema>;

export const ListInvoicesInputSchema = listInvoicesInputSchema();
export type ListInvoicesInput = z.infer<typeof ListInvoicesInputSchema>;

export const CancelInputSchema = cancelInputSchema();
export type CancelInput = z.infer<typeof CancelInputSchema>;
export type CancelMode = CancelInput["when"];

export const SubscriptionRefInputSchema = subscriptionRefInputSchema();
export type GetSubscriptionInput = z.infer<typeof SubscriptionRefInputSchema>;
export type ReactivateInput = z.infer<typeof SubscriptionRefInputSchema>;
export const GetSubscriptionInputSchema = getSubscriptionInputSchema();
export const ReactivateInputSchema = reactivateInputSchema();

export const InvoicePdfInputSchema = invoicePdfInputSchema();
export type InvoicePdfInput = z.infer<typeof InvoicePdfInputSchema>;

export const AddressKindSchema = addressKindSchema();
export type AddressKind = z.infer<typeof AddressKindSchema>;

export const UpdateAddressInputSchema = updateAddressInputSchema();
export type UpdateAddressInput = z.infer<typeof UpdateAddressInputSchema>;

export const PaymentMethodLaunchInputSchema = paymentMethodLaunchInputSchema();
export type PaymentMethodLaunchInput = z.infer<typeof PaymentMethodLaunchInputSchema>;

/** Ends a portal session of the customer's; another customer's session is `not_found`. */
export const LogoutInputSchema = logoutInputSchema();
export type LogoutInput = z.infer<typeof LogoutInputSchema>;

/** Request headers: a fetch `Headers`, or a plain record (names in any case). */
export const WebhookHeadersSchema = webhookHeadersSchema();

export const ParseWebhookInputSchema = parseWebhookInputSchema();
export type ParseWebhookInput = z.infer<typeof ParseWebhookInputSchema>;
export const GetCustomerInputSchema = getCustomerInputSchema();
export type GetCustomerInput = z.infer<typeof GetCustomerInputSchema>;

export const ListSubscriptionsInputSchema = listSubscriptionsInputSchema();
export type ListSubscriptionsInput = z.infer<typeof ListSubscriptionsInputSchema>;
