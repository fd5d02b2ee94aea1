import { claimCapabilities } from "@portalkit/core";
import { PADDLE_SECTIONS } from "./sections";

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
