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
