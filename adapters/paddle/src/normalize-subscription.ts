import type { Subscription as PaddleSubscription } from "@paddle/paddle-node-sdk";
import type { Subscription, SubscriptionStatus } from "@portalkit/core";
import { toIso, toRaw } from "./wire-values";

const STATUSES: Readonly<Record<string, SubscriptionStatus>> = {
  active: "active",
  trialing: "trialing",
  past_due: "past_due",
  paused: "paused",
  canceled: "canceled",
};

/** Paddle keeps a cancellation at the period end as a scheduled change on a live subscription. */
export function isCancelScheduled(subscription: PaddleSubscription): boolean {
  return subscription.status !== "canceled" && subscription.scheduledChange?.action === "cancel";
}

export function normalizeSubscription(subscription: PaddleSubscription, provider: string): Subscription {
  const scheduled = isCancelScheduled(subscription);
  const out: Subscription = {
    id: subscription.id,
    provider,
    customerId: subscription.customerId,
    status: scheduled ? "cancel_scheduled" : (STATUSES[subscription.status] ?? "active"),
    // Paddle's items have no id of their own: a subscription holds each price once.
    items: subscription.items.map((item) => ({ id: item.price.id, priceId: item.price.id, quantity: item.quantity })),
    raw: toRaw(subscription),
  };
  if (scheduled) {
    const cancelAt = toIso(subscription.scheduledChange?.effectiveAt);
    if (cancelAt !== undefined) out.cancelAt = cancelAt;
  }
  if (subscription.status === "canceled") {
    const canceledAt = toIso(subscription.canceledAt);
    if (canceledAt !== undefined) out.canceledAt = canceledAt;
  }
  const periodEnd = toIso(subscription.currentBillingPeriod?.endsAt);
  if (periodEnd !== undefined) out.currentPeriodEnd = periodEnd;
  return out;
}
