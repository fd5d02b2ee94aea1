import { claimCapabilities } from "@portalkit/core";
import type { SectionTable } from "@portalkit/core/adapter";

/**
 * Paddle's portal sessions carry two deep links per subscription: cancelling it and
 * updating its payment method. Every other section lives on the portal's overview, which
 * `fallback: "portal"` opens. Paddle keeps a payment method per subscription; without a
 * `subscriptionId`, `payment_sources` opens the customer's newest live subscription's.
 */
export const PADDLE_SECTIONS: SectionTable = {
  cancel_subscription: { subscription: true },
  payment_sources: {},
};

/**
 * What Paddle Billing offers behind the contract. Paddle keeps no shipping addresses (only
 * billing addresses, on the customer, with no phone or company), its portal sessions cannot
 * be revoked (no `logout`), it keeps no cancellation reason, and it has no invoice status
 * for `uncollectible` or `pending`.
 */
export const PADDLE_CAPABILITIES = claimCapabilities(PADDLE_SECTIONS, {
  cancelModes: ["now", "period_end"],
  addressKinds: ["billing"],
  // Paddle keeps billing addresses on the customer (its `/customers/{id}/addresses`).
  addressScopes: { billing: "customer" },
  // The name and email are the customer's own; the postal fields are the address's.
  addressFields: {
    billing: ["firstName", "lastName", "email", "line1", "line2", "city", "state", "postalCode", "country"],
  },
  operations: [
    "getSubscription",
    "reactivate",
    "invoicePdf",
    "updateAddress",
    "paymentMethodLaunch",
    "getCustomer",
    "listSubscriptions",
    "parseWebhook",
  ],
});
