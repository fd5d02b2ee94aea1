import * as z from "zod";
import { ID_CHARACTERS, MAX_ID_LENGTH, ONLY_DOTS } from "./input-limits";
import { joinShapes, lazyShape } from "./lazy-shape";
import { once } from "./once";

// Each schema of schemas.ts is built by one function here, on its first call (the same
// object on every later one): `@portalkit/core`'s index builds them all as it loads, while
// the adapter kit's entry (`@portalkit/core/adapter`) builds one when it is first used, so
// that importing an adapter builds none of them. Plain lists and functions that build
// nothing (`vendorLaunchSchema`, `PageSchema`) are here too, for the kit to share.

// ---- building blocks ---------------------------------------------------------------

export const isoDateTimeSchema = once(() => z.iso.datetime());

export const idSchema = once(() =>
  z
    .string()
    .min(1)
    .max(MAX_ID_LENGTH)
    .regex(ID_CHARACTERS, "must be letters, digits or _ - . @ + :")
    .refine((value) => !ONLY_DOTS.test(value), "must not be only dots"),
);

export const urlSchema = once(() => z.url({ protocol: /^https?$/ }));

export const currencySchema = once(() => z.string().regex(/^[A-Z]{3}$/, "must be an upper-case ISO 4217 code"));

export const moneySchema = once(() =>
  z.object(
    lazyShape({
      /** Integer minor units (cents for USD). */
      amount: () => z.number().int(),
      currency: () => currencySchema(),
    }),
  ),
);

export const rawSchema = once(() => z.record(z.string(), z.unknown()));

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
export const addressSchema = once(() => z.strictObject(addressShape));
export type AddressField = keyof typeof addressShape;
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
export const portalSectionSchema = once(() => z.enum(PORTAL_SECTIONS));

type LaunchBaseShape = {
  provider: z.ZodString;
  section: z.ZodOptional<ReturnType<typeof portalSectionSchema>>;
  fallback: z.ZodOptional<z.ZodLiteral<true>>;
  expiresAt: z.ZodOptional<ReturnType<typeof isoDateTimeSchema>>;
  sessionId: z.ZodOptional<z.ZodString>;
};
const launchBase: { [K in keyof LaunchBaseShape]: () => LaunchBaseShape[K] } = {
  provider: () => z.string(),
  /** The portable section that was asked for, if any. */
  section: () => portalSectionSchema().optional(),
  /** True when a section was asked for and the whole portal is opened instead. */
  fallback: () => z.literal(true).optional(),
  expiresAt: () => isoDateTimeSchema().optional(),
  /**
   * The vendor portal session the launch opens, when the vendor keeps one that `logout`
   * ends (Chargebee's portal_session): the app keeps it to log the customer out on sign-out.
   */
  sessionId: () => z.string().optional(),
};

export const redirectLaunchSchema = once(() =>
  z.object(
    lazyShape({
      kind: () => z.literal("redirect"),
      ...launchBase,
      url: () => urlSchema(),
    }),
  ),
);

/**
 * A vendor's own way to open its portal in the page (a script and the payload it takes).
 * Its `kind` is lower-case words joined by hyphens (`chargebee-js`, `billflow-embed`), so it
 * never collides with `redirect`; the adapter that makes it exports its exact schema.
 */
export type VendorLaunchKind = `${string}-${string}`;

export const vendorLaunchBaseSchema = once(() =>
  z
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
    .catchall(z.unknown()),
);

/** Core's part of every launch, for an adapter's own launch schema to extend with its payload. */
export function vendorLaunchSchema<K extends VendorLaunchKind, P extends z.ZodRawShape>(kind: K, payload: P) {
  // The payload's getters are kept: an adapter's lazy payload stays unbuilt until first use.
  const shape = joinShapes(lazyShape({ kind: () => z.literal(kind), ...launchBase }), payload);
  return z.object(shape as { kind: z.ZodLiteral<K> } & LaunchBaseShape & P);
}

export const portalLaunchSchema = once(() => z.union([redirectLaunchSchema(), vendorLaunchBaseSchema()]));

// ---- normalized objects -------------------------------------------------------------

export const portalSessionSchema = once(() =>
  z.object(
    lazyShape({
      id: () => z.string(),
      provider: () => z.string(),
      customerId: () => z.string(),
      url: () => urlSchema().optional(),
      token: () => z.string().optional(),
      createdAt: () => isoDateTimeSchema(),
      expiresAt: () => isoDateTimeSchema().optional(),
      /**
       * What the session endpoint hands the browser for this session, when the vendor's
       * browser script takes a session object rather than a URL. Never holds a secret.
       */
      browserSession: () => rawSchema().optional(),
      raw: () => rawSchema(),
    }),
  ),
);

export const INVOICE_STATUSES = ["draft", "open", "paid", "void", "uncollectible", "pending"] as const;
export const invoiceStatusSchema = once(() => z.enum(INVOICE_STATUSES));

export const invoiceSchema = once(() =>
  z.object(
    lazyShape({
      id: () => z.string(),
      provider: () => z.string(),
      customerId: () => z.string(),
      subscriptionId: () => z.string().optional(),
      number: () => z.string().optional(),
      status: () => invoiceStatusSchema(),
      total: () => moneySchema(),
      amountDue: () => moneySchema(),
      amountPaid: () => moneySchema(),
      issuedAt: () => isoDateTimeSchema(),
      dueAt: () => isoDateTimeSchema().optional(),
      paidAt: () => isoDateTimeSchema().optional(),
      hostedUrl: () => urlSchema().optional(),
      pdfUrl: () => urlSchema().optional(),
      raw: () => rawSchema(),
    }),
  ),
);

export const SUBSCRIPTION_STATUSES = [
  "trialing",
  "active",
  "past_due",
  "paused",
  "cancel_scheduled",
  "canceled",
  "incomplete",
] as const;
export const subscriptionStatusSchema = once(() => z.enum(SUBSCRIPTION_STATUSES));

export const subscriptionItemSchema = once(() =>
  z.object(
    lazyShape({
      id: () => z.string(),
      priceId: () => z.string().optional(),
      quantity: () => z.number().int().nonnegative(),
    }),
  ),
);

export const subscriptionSchema = once(() =>
  z.object(
    lazyShape({
      id: () => z.string(),
      provider: () => z.string(),
      customerId: () => z.string(),
      status: () => subscriptionStatusSchema(),
      cancelAt: () => isoDateTimeSchema().optional(),
      canceledAt: () => isoDateTimeSchema().optional(),
      currentPeriodEnd: () => isoDateTimeSchema().optional(),
      items: () => z.array(subscriptionItemSchema()),
      /** Where the vendor keeps shipping per subscription (Chargebee): this one's shipping address. */
      shippingAddress: () => addressSchema().optional(),
      raw: () => rawSchema(),
    }),
  ),
);

export const PAYMENT_METHOD_TYPES = ["card", "bank_account", "paypal", "other"] as const;

export const paymentMethodSummarySchema = once(() =>
  z.strictObject(
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
  ),
);

export const customerSchema = once(() =>
  z.object(
    lazyShape({
      id: () => z.string(),
      provider: () => z.string(),
      email: () => z.string().optional(),
      name: () => z.string().optional(),
      company: () => z.string().optional(),
      billingAddress: () => addressSchema().optional(),
      /** Where the vendor keeps shipping on the customer (Stripe); see `capabilities.addressScopes`. */
      shippingAddress: () => addressSchema().optional(),
      paymentMethod: () => paymentMethodSummarySchema().optional(),
      raw: () => rawSchema(),
    }),
  ),
);

export const invoicePdfSchema = once(() =>
  z.object(
    lazyShape({
      url: () => urlSchema(),
      expiresAt: () => isoDateTimeSchema().optional(),
    }),
  ),
);

export function PageSchema<T extends z.ZodType>(item: T) {
  return z.object(
    lazyShape({
      data: () => z.array(item),
      nextCursor: () => z.string().min(1).optional(),
    }),
  );
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
export const billingEventTypeSchema = once(() => z.enum(BILLING_EVENT_TYPES));

export const billingEventSchema = once(() =>
  z.object(
    lazyShape({
      /** The vendor's event id: a duplicate delivery carries the same one. */
      id: () => z.string().min(1),
      provider: () => z.string(),
      /** The portable type; `unknown` for events without one (see `vendorType`). */
      type: () => billingEventTypeSchema(),
      /** The vendor's own event name: `customer.subscription.updated`, `subscription_cancelled`. */
      vendorType: () => z.string(),
      occurredAt: () => isoDateTimeSchema(),
      customerId: () => z.string().optional(),
      subscriptionId: () => z.string().optional(),
      invoiceId: () => z.string().optional(),
      subscription: () => subscriptionSchema().optional(),
      invoice: () => invoiceSchema().optional(),
      raw: () => rawSchema(),
    }),
  ),
);

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
export const portalEventTypeSchema = once(() => z.enum(PORTAL_EVENT_TYPES));

export const portalEventSchema = once(() =>
  z.object(
    lazyShape({
      type: () => portalEventTypeSchema(),
      provider: () => z.string(),
      subscriptionId: () => z.string().optional(),
      /** The vendor's section name, for `section.visited`. */
      section: () => z.string().optional(),
      raw: () => z.unknown(),
    }),
  ),
);
