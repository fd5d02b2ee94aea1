import type * as z from "zod";
import {
  addressSchema,
  billingEventSchema,
  billingEventTypeSchema,
  currencySchema,
  customerSchema,
  idSchema,
  invoicePdfSchema,
  invoiceSchema,
  invoiceStatusSchema,
  isoDateTimeSchema,
  moneySchema,
  paymentMethodSummarySchema,
  portalEventSchema,
  portalEventTypeSchema,
  portalLaunchSchema,
  portalSectionSchema,
  portalSessionSchema,
  rawSchema,
  redirectLaunchSchema,
  subscriptionItemSchema,
  subscriptionSchema,
  subscriptionStatusSchema,
  urlSchema,
  vendorLaunchBaseSchema,
} from "./schema-builders";

// The schemas themselves are written in schema-builders.ts (see there why); this module
// builds every one of them as `@portalkit/core` loads.

export {
  ADDRESS_FIELDS,
  type AddressField,
  BILLING_EVENT_TYPES,
  INVOICE_STATUSES,
  PAYMENT_METHOD_TYPES,
  PageSchema,
  PORTAL_EVENT_TYPES,
  PORTAL_SECTIONS,
  SUBSCRIPTION_STATUSES,
  type VendorLaunchKind,
  vendorLaunchSchema,
} from "./schema-builders";

// ---- building blocks ---------------------------------------------------------------

/** An ISO-8601 UTC timestamp such as `2026-11-21T08:00:00Z` or `2026-11-21T08:00:00.000Z`. */
export const IsoDateTimeSchema = isoDateTimeSchema();

/**
 * A vendor object id as an application passes it: letters, digits and `_ - . @ + :`,
 * 1 to 100 characters, never only dots (that would walk up a URL path).
 */
export const IdSchema = idSchema();

export const UrlSchema = urlSchema();

export const CurrencySchema = currencySchema();

export const MoneySchema = moneySchema();
export type Money = z.infer<typeof MoneySchema>;

export const RawSchema = rawSchema();

export const AddressSchema = addressSchema();
export type Address = z.infer<typeof AddressSchema>;

// ---- sections and launches ----------------------------------------------------------

export const PortalSectionSchema = portalSectionSchema();
export type PortalSection = z.infer<typeof PortalSectionSchema>;

/** A vendor-neutral launch: send the customer to `url` (Stripe's hosted portal, a hosted page). */
export const RedirectLaunchSchema = redirectLaunchSchema();
export type RedirectLaunch = z.infer<typeof RedirectLaunchSchema>;

/**
 * A vendor's own way to open its portal in the page (a script and the payload it takes),
 * tagged on a `kind` of lower-case words joined by hyphens; the adapter that makes it
 * exports its exact schema (`vendorLaunchSchema(kind, payload)`).
 */
export const VendorLaunchSchema = vendorLaunchBaseSchema();
export type VendorLaunch = z.infer<typeof VendorLaunchSchema>;

export const PortalLaunchSchema = portalLaunchSchema();
/**
 * What `openPortal` / `openSection` answer: plain JSON for the browser, tagged on `kind`.
 * `PortalLaunch<ChargebeeJsLaunch>` names an adapter's own launch type.
 */
export type PortalLaunch<V extends VendorLaunch = VendorLaunch> = RedirectLaunch | V;

// ---- normalized objects -------------------------------------------------------------

export const PortalSessionSchema = portalSessionSchema();
export type PortalSession = z.infer<typeof PortalSessionSchema>;

export const InvoiceStatusSchema = invoiceStatusSchema();
export type InvoiceStatus = z.infer<typeof InvoiceStatusSchema>;

export const InvoiceSchema = invoiceSchema();
export type Invoice = z.infer<typeof InvoiceSchema>;

export const SubscriptionStatusSchema = subscriptionStatusSchema();
export type SubscriptionStatus = z.infer<typeof SubscriptionStatusSchema>;

export const SubscriptionItemSchema = subscriptionItemSchema();
export type SubscriptionItem = z.infer<typeof SubscriptionItemSchema>;

export const SubscriptionSchema = subscriptionSchema();
export type Subscription = z.infer<typeof SubscriptionSchema>;

/** A summary of the customer's default payment method: never a full number, never a vendor token. */
export const PaymentMethodSummarySchema = paymentMethodSummarySchema();
export type PaymentMethodSummary = z.infer<typeof PaymentMethodSummarySchema>;

export const CustomerSchema = customerSchema();
export type Customer = z.infer<typeof CustomerSchema>;

export const InvoicePdfSchema = invoicePdfSchema();
export type InvoicePdf = z.infer<typeof InvoicePdfSchema>;

export interface Page<T> {
  data: T[];
  nextCursor?: string;
}

// ---- billing events (webhooks) -------------------------------------------------------

export const BillingEventTypeSchema = billingEventTypeSchema();
export type BillingEventType = z.infer<typeof BillingEventTypeSchema>;

/**
 * A verified vendor webhook, normalized. Vendors deliver late, twice and out of order: the
 * same `id` is the same event, `occurredAt` tells an older one from a newer one, and the
 * embedded `subscription` / `invoice` are the state when the event happened, not now.
 */
export const BillingEventSchema = billingEventSchema();
export type BillingEvent = z.infer<typeof BillingEventSchema>;

// ---- browser events -----------------------------------------------------------------

export const PortalEventTypeSchema = portalEventTypeSchema();
export type PortalEventType = z.infer<typeof PortalEventTypeSchema>;

export const PortalEventSchema = portalEventSchema();
export type PortalEvent = z.infer<typeof PortalEventSchema>;
