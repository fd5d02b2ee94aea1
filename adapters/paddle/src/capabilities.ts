import { claimCapabilities } from "@portalkit/core";
import { PADDLE_SECTIONS } from "./sections";

/**
 * What Paddle Billing offers behind the contract. Paddle keeps no shipping addresses (only
 * billing addresses, on the customer), its portal sessions cannot be revoked (no `logout`),
 * and it has no invoice status for `uncollectible` or `pending`.
 */
export const PADDLE_CAPABILITIES = claimCapabilities(PADDLE_SECTIONS, {
  cancelModes: ["now", "period_end"],
  addressKinds: ["billing"],
  // Paddle keeps billing addresses on the customer (its `/customers/{id}/addresses`).
  addressScopes: { billing: "customer" },
  operations: ["getSubscription", "reactivate", "invoicePdf", "updateAddress", "paymentMethodLaunch"],
});
