import type { BillingEvent } from "@portalkit/core";

export interface Activity {
  id: string;
  type: BillingEvent["type"];
  occurredAt: string;
  subscriptionId?: string;
}

// The billing events the webhook endpoint received, by customer: the demo's stand-in for a
// table in the app's database.
const shared = globalThis as typeof globalThis & { portalkitActivity?: Map<string, Activity[]> };
shared.portalkitActivity ??= new Map();
const activity = shared.portalkitActivity;

/** `createWebhookHandler`'s `onEvent`: vendors deliver twice, so an id already seen is skipped. */
export async function recordEvent(event: BillingEvent): Promise<void> {
  if (!event.customerId) return;
  const list = activity.get(event.customerId) ?? [];
  if (list.some((seen) => seen.id === event.id)) return;
  list.unshift({
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt,
    ...(event.subscriptionId ? { subscriptionId: event.subscriptionId } : {}),
  });
  activity.set(event.customerId, list.slice(0, 20));
}

export function activityOf(customerId: string): Activity[] {
  return activity.get(customerId) ?? [];
}
