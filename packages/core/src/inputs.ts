import * as z from "zod";
import { MAX_CURSOR_LENGTH } from "./input-limits";
import { lazyShape } from "./lazy-shape";
import {
  AddressSchema,
  IdSchema,
  InvoiceStatusSchema,
  PortalSectionSchema,
  SubscriptionStatusSchema,
  UrlSchema,
} from "./schemas";

// Inputs are strict: an unknown key (a typo such as `subscriptionID`) is an error rather
// than a silently broader call.

export const CreateSessionInputSchema = z.strictObject(
  lazyShape({
    customerId: () => IdSchema,
    returnUrl: () => UrlSchema.optional(),
  }),
);
export type CreateSessionInput = z.infer<typeof CreateSessionInputSchema>;

/**
 * Launch options one vendor's portal takes beyond the contract (Billflow's `service` and
 * `quantity`), keyed by the adapter they are for: `{ billflow: { quantity: 3 } }`. Each
 * adapter checks its own entry with its own schema (`invalid_input` naming the field, such
 * as `vendorOptions.billflow.quantity`) and rejects an entry when it takes none; entries for
 * other adapters are left to them, so one call can go through a router to any customer.
 */
export const VendorOptionsSchema = z.record(
  z
    .string()
    .max(64)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be an adapter id"),
  z.record(z.string().max(64), z.unknown()),
);
export type VendorOptions = z.infer<typeof VendorOptionsSchema>;

export const OpenPortalInputSchema = z.strictObject(
  lazyShape({
    customerId: () => IdSchema,
    returnUrl: () => UrlSchema.optional(),
    vendorOptions: () => VendorOptionsSchema.optional(),
  }),
);
export type OpenPortalInput = z.infer<typeof OpenPortalInputSchema>;

export const OpenSectionInputSchema = z.strictObject(
  lazyShape({
    customerId: () => IdSchema,
    section: () => PortalSectionSchema,
    subscriptionId: () => IdSchema.optional(),
    returnUrl: () => UrlSchema.optional(),
    fallback: () => z.literal("portal").optional(),
    vendorOptions: () => VendorOptionsSchema.optional(),
  }),
);
export type OpenSectionInput = z.infer<typeof OpenSectionInputSchema>;

export const MAX_PAGE_SIZE = 100;

export const ListInvoicesInputSchema = z.strictObject(
  lazyShape({
    customerId: () => IdSchema,
    subscriptionId: () => IdSchema.optional(),
    status: () => z.array(InvoiceStatusSchema).min(1).max(6).optional(),
    includePending: () => z.boolean().optional(),
    limit: () => z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
    cursor: () => z.string().min(1).max(MAX_CURSOR_LENGTH).optional(),
  }),
);
export type ListInvoicesInput = z.infer<typeof ListInvoicesInputSchema>;

export const CancelInputSchema = z.strictObject(
  lazyShape({
    customerId: () => IdSchema,
    subscriptionId: () => IdSchema,
    when: () => z.enum(["now", "period_end"]),
    reason: () => z.string().min(1).max(500).optional(),
  }),
);
export type CancelInput = z.infer<typeof CancelInputSchema>;
export type CancelMode = CancelInput["when"];

export const SubscriptionRefInputSchema = z.strictObject(
  lazyShape({
    customerId: () => IdSchema,
    subscriptionId: () => IdSchema,
  }),
);
export type GetSubscriptionInput = z.infer<typeof SubscriptionRefInputSchema>;
export type ReactivateInput = z.infer<typeof SubscriptionRefInputSchema>;
export const GetSubscriptionInputSchema = SubscriptionRefInputSchema;
export const ReactivateInputSchema = SubscriptionRefInputSchema;

export const InvoicePdfInputSchema = z.strictObject(
  lazyShape({
    customerId: () => IdSchema,
    invoiceId: () => IdSchema,
  }),
);
export type InvoicePdfInput = z.infer<typeof InvoicePdfInputSchema>;

export const AddressKindSchema = z.enum(["billing", "shipping"]);
export type AddressKind = z.infer<typeof AddressKindSchema>;

export const UpdateAddressInputSchema = z.strictObject(
  lazyShape({
    customerId: () => IdSchema,
    kind: () => AddressKindSchema,
    subscriptionId: () => IdSchema.optional(),
    address: () => AddressSchema,
  }),
);
export type UpdateAddressInput = z.infer<typeof UpdateAddressInputSchema>;

export const PaymentMethodLaunchInputSchema = CreateSessionInputSchema;
export type PaymentMethodLaunchInput = z.infer<typeof PaymentMethodLaunchInputSchema>;

/** Ends a portal session of the customer's; another customer's session is `not_found`. */
export const LogoutInputSchema = z.strictObject(
  lazyShape({
    customerId: () => IdSchema,
    sessionId: () => IdSchema,
  }),
);
export type LogoutInput = z.infer<typeof LogoutInputSchema>;

/** Request headers: a fetch `Headers`, or a plain record (names in any case). */
export const WebhookHeadersSchema = z.union([
  z.custom<Headers>((value) => typeof Headers !== "undefined" && value instanceof Headers, "must be Headers"),
  z.record(z.string(), z.string()),
]);

export const ParseWebhookInputSchema = z.strictObject(
  lazyShape({
    /** The raw body exactly as received: signatures are computed over these bytes. */
    body: () => z.string(),
    headers: () => WebhookHeadersSchema,
  }),
);
export type ParseWebhookInput = z.infer<typeof ParseWebhookInputSchema>;
export const GetCustomerInputSchema = z.strictObject(
  lazyShape({
    customerId: () => IdSchema,
  }),
);
export type GetCustomerInput = z.infer<typeof GetCustomerInputSchema>;

export const ListSubscriptionsInputSchema = z.strictObject(
  lazyShape({
    customerId: () => IdSchema,
    status: () => z.array(SubscriptionStatusSchema).min(1).max(7).optional(),
    limit: () => z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
    cursor: () => z.string().min(1).max(MAX_CURSOR_LENGTH).optional(),
  }),
);
export type ListSubscriptionsInput = z.infer<typeof ListSubscriptionsInputSchema>;
