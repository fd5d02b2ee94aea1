import * as z from "zod";

// ---- building blocks ---------------------------------------------------------------

/** An ISO-8601 UTC timestamp such as `2026-11-21T08:00:00Z` or `2026-11-21T08:00:00.000Z`. */
export const IsoDateTimeSchema = z.iso.datetime();

/**
 * A vendor object id as an application passes it: letters, digits and `_ - . @ + :`,
 * 1 to 100 characters, never only dots (that would walk up a URL path).
 */
export const IdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_\-.@+:]+$/, "must be letters, digits or _ - . @ + :")
  .refine((value) => !/^\.+$/.test(value), "must not be only dots");

export const UrlSchema = z.url({ protocol: /^https?$/ });

export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, "must be an upper-case ISO 4217 code");

export const MoneySchema = z.object({
  /** Integer minor units (cents for USD). */
  amount: z.number().int(),
  currency: CurrencySchema,
});
export type Money = z.infer<typeof MoneySchema>;

export const RawSchema = z.record(z.string(), z.unknown());

export const AddressSchema = z.strictObject({
  firstName: z.string().min(1).max(150).optional(),
  lastName: z.string().min(1).max(150).optional(),
  company: z.string().min(1).max(250).optional(),
  email: z.email().optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 ().-]{5,30}$/, "must be a phone number")
    .optional(),
  line1: z.string().min(1).max(150).optional(),
  line2: z.string().min(1).max(150).optional(),
  city: z.string().min(1).max(50).optional(),
  state: z.string().min(1).max(50).optional(),
  postalCode: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/, "must be a postal code")
    .optional(),
  /** ISO 3166-1 alpha-2, upper case. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be an upper-case ISO 3166 country code")
    .optional(),
});
export type Address = z.infer<typeof AddressSchema>;

// ---- sections and launches ----------------------------------------------------------

export const PORTAL_SECTIONS = [
  "subscription_details",
  "account_details",
  "address",
  "payment_sources",
  "billing_history",
  "cancel_subscription",
  "edit_subscription",
] as const;
export const PortalSectionSchema = z.enum(PORTAL_SECTIONS);
export type PortalSection = z.infer<typeof PortalSectionSchema>;

/** The portal session object Chargebee.js's `setPortalSession` resolves to. */
export const ChargebeePortalSessionSchema = z.object({
  id: z.string(),
  token: z.string(),
  access_url: z.string(),
  status: z.string(),
  customer_id: z.string(),
  created_at: z.number().int().optional(),
  expires_at: z.number().int().optional(),
  object: z.literal("portal_session"),
});
export type ChargebeePortalSession = z.infer<typeof ChargebeePortalSessionSchema>;

const launchBase = {
  provider: z.string(),
  /** The portable section that was asked for, if any. */
  section: PortalSectionSchema.optional(),
  /** True when a section was asked for and the whole portal is opened instead. */
  fallback: z.literal(true).optional(),
};

export const RedirectLaunchSchema = z.object({
  kind: z.literal("redirect"),
  ...launchBase,
  url: UrlSchema,
  expiresAt: IsoDateTimeSchema.optional(),
});

export const ChargebeeJsLaunchSchema = z.object({
  kind: z.literal("chargebee-js"),
  ...launchBase,
  site: z.string().min(1),
  /** Custom domain for Chargebee.js (`Chargebee.init({ site, domain })`), when the site uses one. */
  domain: z.string().optional(),
  session: ChargebeePortalSessionSchema,
  /** Chargebee.js section: a `Chargebee.getPortalSections()` value and its params. */
  chargebeeSection: z
    .object({
      sectionType: z.string(),
      params: z
        .object({
          subscriptionId: z.string().optional(),
          paymentSourceId: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
});

export const BillflowSettingsSchema = z.object({
  billing_page_id: z.string().min(1),
  customer_id: z.string().optional(),
  email: z.string().optional(),
  /** Hex HMAC-SHA256 of the customer id (or email), keyed with the Billflow secret. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  subscription_id: z.string().optional(),
  service: z.string().optional(),
  options: z.object({ quantity: z.number().int().positive().optional() }).optional(),
});
export type BillflowSettings = z.infer<typeof BillflowSettingsSchema>;

export const BillflowEmbedLaunchSchema = z.object({
  kind: z.literal("billflow-embed"),
  ...launchBase,
  settings: BillflowSettingsSchema,
});

export const PortalLaunchSchema = z.discriminatedUnion("kind", [
  RedirectLaunchSchema,
  ChargebeeJsLaunchSchema,
  BillflowEmbedLaunchSchema,
]);
export type PortalLaunch = z.infer<typeof PortalLaunchSchema>;
export type RedirectLaunch = z.infer<typeof RedirectLaunchSchema>;
export type ChargebeeJsLaunch = z.infer<typeof ChargebeeJsLaunchSchema>;
export type BillflowEmbedLaunch = z.infer<typeof BillflowEmbedLaunchSchema>;

// ---- normalized objects -------------------------------------------------------------

export const PortalSessionSchema = z.object({
  id: z.string(),
  provider: z.string(),
  customerId: z.string(),
  url: UrlSchema.optional(),
  token: z.string().optional(),
  createdAt: IsoDateTimeSchema,
  expiresAt: IsoDateTimeSchema.optional(),
  raw: RawSchema,
});
export type PortalSession = z.infer<typeof PortalSessionSchema>;

export const INVOICE_STATUSES = ["draft", "open", "paid", "void", "uncollectible", "pending"] as const;
export const InvoiceStatusSchema = z.enum(INVOICE_STATUSES);
export type InvoiceStatus = z.infer<typeof InvoiceStatusSchema>;

export const InvoiceSchema = z.object({
  id: z.string(),
  provider: z.string(),
  customerId: z.string(),
  subscriptionId: z.string().optional(),
  number: z.string().optional(),
  status: InvoiceStatusSchema,
  total: MoneySchema,
  amountDue: MoneySchema,
  amountPaid: MoneySchema,
  issuedAt: IsoDateTimeSchema,
  dueAt: IsoDateTimeSchema.optional(),
  paidAt: IsoDateTimeSchema.optional(),
  hostedUrl: UrlSchema.optional(),
  pdfUrl: UrlSchema.optional(),
  raw: RawSchema,
});
export type Invoice = z.infer<typeof InvoiceSchema>;

export const SUBSCRIPTION_STATUSES = [
  "trialing",
  "active",
  "past_due",
  "paused",
  "cancel_scheduled",
  "canceled",
  "incomplete",
] as const;
export const SubscriptionStatusSchema = z.enum(SUBSCRIPTION_STATUSES);
export type SubscriptionStatus = z.infer<typeof SubscriptionStatusSchema>;

export const SubscriptionItemSchema = z.object({
  id: z.string(),
  priceId: z.string().optional(),
  quantity: z.number().int().nonnegative(),
});
export type SubscriptionItem = z.infer<typeof SubscriptionItemSchema>;

export const SubscriptionSchema = z.object({
  id: z.string(),
  provider: z.string(),
  customerId: z.string(),
  status: SubscriptionStatusSchema,
  cancelAt: IsoDateTimeSchema.optional(),
  canceledAt: IsoDateTimeSchema.optional(),
  currentPeriodEnd: IsoDateTimeSchema.optional(),
  items: z.array(SubscriptionItemSchema),
  raw: RawSchema,
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

export const CustomerSchema = z.object({
  id: z.string(),
  provider: z.string(),
  email: z.string().optional(),
  billingAddress: AddressSchema.optional(),
  shippingAddress: AddressSchema.optional(),
  raw: RawSchema,
});
export type Customer = z.infer<typeof CustomerSchema>;

export const InvoicePdfSchema = z.object({
  url: UrlSchema,
  expiresAt: IsoDateTimeSchema.optional(),
});
export type InvoicePdf = z.infer<typeof InvoicePdfSchema>;

export function PageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().min(1).optional(),
  });
}
export interface Page<T> {
  data: T[];
  nextCursor?: string;
}

// ---- browser events -----------------------------------------------------------------

export const PORTAL_EVENT_TYPES = [
  "portal.loaded",
  "portal.closed",
  "section.visited",
  "payment_source.added",
  "payment_source.updated",
  "payment_source.removed",
  "subscription.changed",
  "subscription.cancelled",
  "subscription.paused",
  "subscription.resumed",
  "subscription.reactivated",
  "subscription.created",
] as const;
export const PortalEventTypeSchema = z.enum(PORTAL_EVENT_TYPES);
export type PortalEventType = z.infer<typeof PortalEventTypeSchema>;

export const PortalEventSchema = z.object({
  type: PortalEventTypeSchema,
  provider: z.string(),
  subscriptionId: z.string().optional(),
  /** The vendor's section name, for `section.visited`. */
  section: z.string().optional(),
  raw: z.unknown(),
});
export type PortalEvent = z.infer<typeof PortalEventSchema>;
