import type { Subscription, SubscriptionStatus } from "@portalkit/core";
import { unixToIso } from "@portalkit/core/adapter";
import type Stripe from "stripe";
import { idOf, toRaw } from "./raw";

const STATUSES: Record<string, SubscriptionStatus> = {
  trialing: "trialing",
  active: "active",
  past_due: "past_due",
  unpaid: "past_due",
  paused: "paused",
  incomplete: "incomplete",
  incomplete_expired: "canceled",
  canceled: "canceled",
};

/** True once a subscription has ended: nothing can bring it back. */
export function hasEnded(subscription: Stripe.Subscription): boolean {
  return subscription.status === "canceled" || subscription.status === "incomplete_expired";
}

/** True when the subscription is set to end later (at the period end, or at a set time). */
export function isCancelScheduled(subscription: Stripe.Subscription): boolean {
  return !hasEnded(subscription) && (subscription.cancel_at_period_end || subscription.cancel_at !== null);
}

/** In this API version the billing period lives on each subscription item. */
export function currentPeriodEnd(subscription: Stripe.Subscription): number | undefined {
  const ends = subscription.items.data.map((item) => item.current_period_end).filter(Number.isFinite);
  return ends.length === 0 ? undefined : Math.max(...ends);
}

export function normalizeSubscription(subscription: Stripe.Subscription, provider: string): Subscription {
  const ended = hasEnded(subscription);
  const scheduled = isCancelScheduled(subscription);
  const periodEnd = currentPeriodEnd(subscription);
  const out: Subscription = {
    id: subscription.id,
    provider,
    customerId: idOf(subscription.customer) ?? "",
    status: scheduled ? "cancel_scheduled" : (STATUSES[subscription.status] ?? "active"),
    items: subscription.items.data.map((item) => {
      const normalized: Subscription["items"][number] = { id: item.id, quantity: item.quantity ?? 0 };
      const priceId = item.price?.id;
      if (priceId) normalized.priceId = priceId;
      return normalized;
    }),
    raw: toRaw(subscription),
  };
  if (scheduled) {
    const cancelAt = unixToIso(subscription.cancel_at ?? periodEnd);
    if (cancelAt !== undefined) out.cancelAt = cancelAt;
  }
  if (ended) {
    // `canceled_at` is when the cancellation was asked for; `ended_at` is when it took effect.
    const canceledAt = unixToIso(subscription.ended_at ?? subscription.canceled_at);
    if (canceledAt !== undefined) out.canceledAt = canceledAt;
  }
  const periodEndIso = unixToIso(periodEnd);
  if (periodEndIso !== undefined) out.currentPeriodEnd = periodEndIso;
  return out;
}
