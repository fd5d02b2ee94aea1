import type { Subscription as PortalSubscription, SubscriptionItem } from "@portalkit/core";
import { unixToIso } from "@portalkit/core/adapter";
import type { Subscription } from "chargebee";
import { fromChargebeeAddress } from "./address";
import { CHARGEBEE_PROVIDER_ID } from "./provider-id";
import { subscriptionStatus } from "./status-map";

export function normalizeSubscription(subscription: Subscription): PortalSubscription {
  const status = subscriptionStatus(subscription.status, subscription.due_invoices_count ?? 0);
  const out: PortalSubscription = {
    id: subscription.id,
    provider: CHARGEBEE_PROVIDER_ID,
    customerId: subscription.customer_id,
    status,
    items: items(subscription),
    raw: subscription,
  };
  // For non_renewing, Chargebee's cancelled_at is the future date the subscription ends.
  if (subscription.status === "non_renewing") {
    const cancelAt = unixToIso(subscription.cancelled_at ?? subscription.current_term_end);
    if (cancelAt) out.cancelAt = cancelAt;
  }
  if (status === "canceled") {
    const canceledAt = unixToIso(subscription.cancelled_at);
    if (canceledAt) out.canceledAt = canceledAt;
  }
  const periodEnd = unixToIso(subscription.current_term_end);
  if (periodEnd) out.currentPeriodEnd = periodEnd;
  // Chargebee keeps the shipping address on each subscription.
  const shipping = fromChargebeeAddress(subscription.shipping_address);
  if (shipping) out.shippingAddress = shipping;
  return out;
}

function items(subscription: Subscription): SubscriptionItem[] {
  if (subscription.subscription_items && subscription.subscription_items.length > 0) {
    return subscription.subscription_items.map((item) => ({
      id: item.item_price_id,
      priceId: item.item_price_id,
      quantity: Math.max(0, Math.trunc(item.quantity ?? 1)),
    }));
  }
  // Product Catalog 1.0 sites describe the plan on the subscription itself.
  if (subscription.plan_id) {
    return [
      {
        id: subscription.plan_id,
        priceId: subscription.plan_id,
        quantity: Math.max(0, Math.trunc(subscription.plan_quantity ?? 1)),
      },
    ];
  }
  return [];
}
