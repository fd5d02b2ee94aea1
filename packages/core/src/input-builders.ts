import * as z from "zod";
import { MAX_CURSOR_LENGTH } from "./input-limits";
import { lazyShape } from "./lazy-shape";
import { once } from "./once";
import {
  addressSchema,
  idSchema,
  invoiceStatusSchema,
  portalSectionSchema,
  subscriptionStatusSchema,
  urlSchema,
} from "./schema-builders";

// Each input schema of inputs.ts is built by one function here, on its first call (see
// schema-builders.ts for why).

// Inputs are strict: an unknown key (a typo such as `subscriptionID`) is an error rather
// than a silently broader call.

export const createSessionInputSchema = once(() =>
  z.strictObject(
    lazyShape({
      customerId: () => idSchema(),
      returnUrl: () => urlSchema().optional(),
    }),
  ),
);

/**
 * Launch options one vendor's portal takes beyond the contract (Billflow's `service` and
 * `quantity`), keyed by the adapter they are for: `{ billflow: { quantity: 3 } }`. Each
 * adapter checks its own entry with its own schema (`invalid_input` naming the field, such
 * as `vendorOptions.billflow.quantity`) and rejects an entry when it takes none; entries for
 * other adapters are left to them, so one call can go through a router to any customer.
 */
export const vendorOptionsSchema = once(() =>
  z.record(
    z
      .string()
      .max(64)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be an adapter id"),
    z.record(z.string().max(64), z.unknown()),
  ),
);

export const openPortalInputSchema = once(() =>
  z.strictObject(
    lazyShape({
      customerId: () => idSchema(),
      returnUrl: () => urlSchema().optional(),
      vendorOptions: () => vendorOptionsSchema().optional(),
    }),
  ),
);

export const openSectionInputSchema = once(() =>
  z.strictObject(
    lazyShape({
      customerId: () => idSchema(),
      section: () => portalSectionSchema(),
      subscriptionId: () => idSchema().optional(),
      returnUrl: () => urlSchema().optional(),
      fallback: () => z.literal("portal").optional(),
      vendorOptions: () => vendorOptionsSchema().optional(),
    }),
  ),
);

export const MAX_PAGE_SIZE = 100;

export const listInvoicesInputSchema = once(() =>
  z.strictObject(
    lazyShape({
      customerId: () => idSchema(),
      subscriptionId: () => idSchema().optional(),
      status: () => z.array(invoiceStatusSchema()).min(1).max(6).optional(),
      includePending: () => z.boolean().optional(),
      limit: () => z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
      cursor: () => z.string().min(1).max(MAX_CURSOR_LENGTH).optional(),
    }),
  ),
);

export const cancelInputSchema = once(() =>
  z.strictObject(
    lazyShape({
      customerId: () => idSchema(),
      subscriptionId: () => idSchema(),
      when: () => z.enum(["now", "period_end"]),
      reason: () => z.string().min(1).max(500).optional(),
    }),
  ),
);

export const subscriptionRefInputSchema = once(() =>
  z.strictObject(
    lazyShape({
      customerId: () => idSchema(),
      subscriptionId: () => idSchema(),
    }),
  ),
);
export const getSubscriptionInputSchema = subscriptionRefInputSchema;
export const reactivateInputSchema = subscriptionRefInputSchema;

export const invoicePdfInputSchema = once(() =>
  z.strictObject(
    lazyShape({
      customerId: () => idSchema(),
      invoiceId: () => idSchema(),
    }),
  ),
);

export const addressKindSchema = once(() => z.enum(["billing", "shipping"]));

export const updateAddressInputSchema = once(() =>
  z.strictObject(
    lazyShape({
      customerId: () => idSchema(),
      kind: () => addressKindSchema(),
      subscriptionId: () => idSchema().optional(),
      address: () => addressSchema(),
    }),
  ),
);

export const paymentMethodLaunchInputSchema = createSessionInputSchema;

/** Ends a portal session of the customer's; another customer's session is `not_found`. */
export const logoutInputSchema = once(() =>
  z.strictObject(
    lazyShape({
      customerId: () => idSchema(),
      sessionId: () => idSchema(),
    }),
  ),
);

/** Request headers: a fetch `Headers`, or a plain record (names in any case). */
export const webhookHeadersSchema = once(() =>
  z.union([
    z.custom<Headers>((value) => typeof Headers !== "undefined" && value instanceof Headers, "must be Headers"),
    z.record(z.string(), z.string()),
  ]),
);

export const parseWebhookInputSchema = once(() =>
  z.strictObject(
    lazyShape({
      /** The raw body exactly as received: signatures are computed over these bytes. */
      body: () => z.string(),
      headers: () => webhookHeadersSchema(),
    }),
  ),
);
export const getCustomerInputSchema = once(() =>
  z.strictObject(
    lazyShape({
      customerId: () => idSchema(),
    }),
  ),
);

export const listSubscriptionsInputSchema = once(() =>
  z.strictObject(
    lazyShape({
      customerId: () => idSchema(),
      status: () => z.array(subscriptionStatusSchema()).min(1).max(7).optional(),
      limit: () => z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
      cursor: () => z.string().min(1).max(MAX_CURSOR_LENGTH).optional(),
    }),
  ),
);
