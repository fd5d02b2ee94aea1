import * as z from "zod";
import { ID_CHARACTERS, MAX_ID_LENGTH, ONLY_DOTS } from "./input-limits";
import { joinShapes, lazyShape } from "./lazy-shape";

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
  .max(MAX_ID_LENGTH)
  .regex(ID_CHARACTERS, "must be letters, digits or _ - . @ + :")
  .refine((value) => !ONLY_DOTS.test(value), "must not be only dots");

export const UrlSchema = z.url({ protocol: /^https?$/ });

export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, "must be an upper-case ISO 4217 code");

export const MoneySchema = z.object(
  lazyShape({
    /** Integer minor units (cents for USD). */
    amount: () => z.number().int(),
    currency: () => CurrencySchema,
  }),
);
export type Money = z.infer<typeof MoneySchema>;

export const RawSchema = z.record(z.string(), z.unknown());

const addressShape = lazyShape({
  firstName: () => z.string().min(1).max(150).optional(),
  lastName: () => z.string().min(1).max(150).optional(),
  company: () => z.string().min(1).max(250).optional(),
  email: () => z.email().optional(),
  phone: () =>
    z
      .string()
      .regex(/^\+?[0-9 ().-]{5,30}$/, "must be a phone number")
      .optional(),
  line1: () => z.string().min(1).max(150).optional(),
  line2: () => z.string().min(1).max(150).optional(),
  city: () => z.string().min(1).max(50).optional(),
  state: () => z.string().min(1).max(50).optional(),
  postalCode: () =>
    z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/, "must be a postal code")
      .optional(),
  /** ISO 3166-1 alpha-2, upper case. */
  country: () =>
    z
      .string()
      .regex(/^[A-Z]{2}$/, "must be an upper-case ISO 3166 country code")
      .optional(),
});
export const AddressSchema = z.strictObject(addressShape);
export type Address = z.infer<typeof AddressSchema>;
export type AddressField = keyof typeof AddressSchema.shape;
/** Every field of a portable address, in the order of `AddressSchema`. */
export const ADDRESS_FIELDS = Object.keys(addressShape) as AddressField[];

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

type LaunchBaseShape = {
  provider: z.ZodString;
  section: z.ZodOptional<typeof PortalSectionSchema>;
  fallback: z.ZodOptional<z.ZodLiteral<true>>;
  expiresAt: z.ZodOptional<typeof IsoDateTimeSchema>;
  sessionId: z.ZodOptional<z.ZodString>;
};
const launchBase: { [K in keyof LaunchBaseShape]: () => LaunchBaseShape[K] } = {
  provider: () => z.string(),
  /** The portable section that was asked for, if any. */
  section: () => PortalSectionSchema.optional(),
  /** True when a section was asked for and the whole portal is opened instead. */
  fallback: () => z.literal(true).optional(),
  expiresAt: () => IsoDateTimeSchema.optional(),
  /**
   * The vendor portal session the launch opens, when the vendor keeps one that `logout`
   * ends (Chargebee's portal_session): the app keeps it to log the customer out on sign-out.
   */
  sessionId: () => z.string().optional(),
};

/** A vendor-neutral launch: send the customer to `url` (Stripe's hosted portal, a hosted page). */
export const RedirectLaunchSchema = z.object(
  lazyShape({
    kind: () => z.literal("redirect"),
    ...launchBase,
    url: () => UrlSchema,
  }),
);
export type RedirectLaunch = z.infer<typeof RedirectLaunchSchema>;

/**
 * A vendor's own way to open its portal in the page (a script and the payload it takes).
 * Its `kind` is lower-case words joined by hyphens (`chargebee-js`, `billflow-embed`), so it
 * never collides with `redirect`; the adapter that makes it exports its exact schema.
 */
export type VendorLaunchKind = `${string}-${string}`;

export const VendorLaunchSchema = z
  .object(
    lazyShape({
      kind: () =>
        z
          .string()
          .max(64)
          .regex(/^[a-z0-9]+(?:-[a-z0-9]+)+$/, "must be lower-case words joined by hyphens")
          .transform((kind) => kind as VendorLaunchKind),
      ...launchBase,
    }),
  )
  .catchall(z.unknown());
export type VendorLaunch = z.infer<typeof VendorLaunchSchema>;

/** Core's part of every launch, for an adapter's own launch schema to extend with its payload. */
export function vendorLaunchSchema<K extends VendorLaunchKind, P extends z.ZodRawShape>(kind: K, payload: P) {
  // The payload's getters are kept: an adapter's lazy payload stays unbuilt until first use.
  const shape = joinShapes(lazyShape({ kind: () => z.literal(kind), ...launchBase }), payload);
  return z.object(shape as { kind: z.ZodLiteral<K> } & LaunchBaseShape & P);
}

export const PortalLaunchSchema = z.union([RedirectLaunchSchema, VendorLaunchSchema]);
/**
 * What `openPortal` / `openSection` answer: plain JSON for the browser, tagged on `kind`.
 * `PortalLaunch<ChargebeeJsLaunch>` names an adapter's own launch type.
 */
export type PortalLaunch<V extends VendorLaunch = VendorLaunch> = RedirectLaunch | V;

// ---- normalized objects -------------------------------------------------------------

export const PortalSessionSchema = z.object(
  lazyShape({
    id: () => z.string(),
    provider: () => z.string(),
    customerId: () => z.string(),
    url: () => UrlSchema.optional(),
    token: () => z.string().optional(),
    createdAt: () => IsoDateTimeSchema,
    expiresAt: () => IsoDateTimeSchema.optional(),
    /**
     * What the session endpoint hands the browser for this session, when the vendor's
     * browser script takes a session object rather than a URL. Never holds a secret.
     */
    browserSession: () => RawSchema.optional(),
    raw: () => RawSchema,
  }),
);
export type PortalSession = z.infer<typeof PortalSessionSchema>;

export const INVOICE_STATUSES = ["draft", "open", "paid", "void", "uncollectible", "pending"] as const;
export const InvoiceStatusSchema = z.enum(INVOICE_STATUSES);
export type InvoiceStatus = z.infer<typeof InvoiceStatusSchema>;

export const InvoiceSchema = z.object(
  lazyShape({
    id: () => z.string(),
    provider: () => z.string(),
    customerId: () => z.string(),
    subscriptionId: () => z.string().optional(),
    number: () => z.string().optional(),
    status: () => InvoiceStatusSchema,
    total: () => MoneySchema,
    amountDue: () => MoneySchema,
    amountPaid: () => MoneySchema,
    issuedAt: () => IsoDateTimeSchema,
    dueAt: () => IsoDateTimeSchema.optional(),
    paidAt: () => IsoDateTimeSchema.optional(),
    hostedUrl: () => UrlSchema.optional(),
    pdfUrl: () => UrlSchema.optional(),
    raw: () => RawSchema,
  }),
);
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

export const SubscriptionItemSchema = z.object(
  lazyShape({
    id: () => z.string(),
    priceId: () => z.string().optional(),
    quantity: () => z.number().int().nonnegative(),
  }),
);
export type SubscriptionItem = z.infer<typeof SubscriptionItemSchema>;

export const SubscriptionSchema = z.object(
  lazyShape({
    id: () => z.string(),
    provider: () => z.string(),
    customerId: () => z.string(),
    status: () => SubscriptionStatusSchema,
    cancelAt: () => IsoDateTimeSchema.optional(),
    canceledAt: () => IsoDateTimeSchema.optional(),
    currentPeriodEnd: () => IsoDateTimeSchema.optional(),
    items: () => z.array(SubscriptionItemSchema),
    /** Where the vendor keeps shipping per subscription (Chargebee): this one's shipping address. */
    shippingAddress: () => AddressSchema.optional(),
    raw: () => RawSchema,
  }),
);
export type Subscription = z.infer<typeof SubscriptionSchema>;

export const PAYMENT_METHOD_TYPES = ["card", "bank_account", "paypal", "other"] as const;

/** A summary of the customer's default payment method: never a full number, never a vendor token. */
export const PaymentMethodSummarySchema = z.strictObject(
  lazyShape({
    type: () => z.enum(PAYMENT_METHOD_TYPES),
    /** The card network as the vendor names it (`visa`, `mastercard`), lower case. */
    brand: () => z.string().min(1).max(50).optional(),
    last4: () =>
      z
        .string()
        .regex(/^[0-9]{4}$/, "must be exactly 4 digits")
        .optional(),
    expMonth: () => z.number().int().min(1).max(12).optional(),
    expYear: () => z.number().int().min(1900).max(9999).optional(),
  }),
);
export type PaymentMethodSummary = z.infer<typeof PaymentMethodSummarySchema>;

export const CustomerSchema = z.object(
  lazyShape({
    id: () => z.string(),
    provider: () => z.string(),
    email: () => z.string().optional(),
    name: () => z.string().optional(),
    company: () => z.string().optional(),
    billingAddress: () => AddressSchema.optional(),
    /** Where the vendor keeps shipping on the customer (Stripe); see `capabilities.addressScopes`. */
    shippingAddress: () => AddressSchema.optional(),
    paymentMethod: () => PaymentMethodSummarySchema.optional(),
    raw: () => RawSchema,
  }),
);
export type Customer = z.infer<typeof CustomerSchema>;

export const InvoicePdfSchema = z.object(
  lazyShape({
    url: () => UrlSchema,
    expiresAt: () => IsoDateTimeSchema.optional(),
  }),
);
export type InvoicePdf = z.infer<typeof InvoicePdfSchema>;

export function PageSchema<T extends z.ZodType>(item: T) {
  return z.object(
    lazyShape({
      data: () => z.array(item),
      nextCursor: () => z.string().min(1).optional(),
    }),
  );
}
export interface Page<T> {
  data: T[];
  nextCursor?: string;
}

// ---- billing events (webhooks) -------------------------------------------------------

export const BILLING_EVENT_TYPES = [
  "subscription.created",
  "subscription.updated",
  "subscription.cancel_scheduled",
  "subscription.canceled",
  "subscription.reactivated",
  "subscription.paused",
  "subscription.resumed",
  "invoice.created",
  "invoice.paid",
  "invoice.payment_failed",
  "payment_method.updated",
  "customer.updated",
  "unknown",
] as const;
export const BillingEventTypeSchema = z.enum(BILLING_EVENT_TYPES);
export type BillingEventType = z.infer<typeof BillingEventTypeSchema>;

/**
 * A verified vendor webhook, normalized. Vendors deliver late, twice and out of order: the
 * same `id` is the same event, `occurredAt` tells an older one from a newer one, and the
 * embedded `subscription` / `invoice` are the state when the event happened, not now.
 */
export const BillingEventSchema = z.object(
  lazyShape({
    /** The vendor's event id: a duplicate delivery carries the same one. */
    id: () => z.string().min(1),
    provider: () => z.string(),
    /** The portable type; `unknown` for events without one (see `vendorType`). */
    type: () => BillingEventTypeSchema,
    /** The vendor's own event name: `customer.subscription.updated`, `subscription_cancelled`. */
    vendorType: () => z.string(),
    occurredAt: () => IsoDateTimeSchema,
    customerId: () => z.string().optional(),
    subscriptionId: () => z.string().optional(),
    invoiceId: () => z.string().optional(),
    subscription: () => SubscriptionSchema.optional(),
    invoice: () => InvoiceSchema.optional(),
    raw: () => RawSchema,
  }),
);
export type BillingEvent = z.infer<typeof BillingEventSchema>;

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

export const PortalEventSchema = z.object(
  lazyShape({
    type: () => PortalEventTypeSchema,
    provider: () => z.string(),
    subscriptionId: () => z.string().optional(),
    /** The vendor's section name, for `section.visited`. */
    section: () => z.string().optional(),
    raw: () => z.unknown(),
  }),
);
export type PortalEvent = z.infer<typeof PortalEventSchema>;
