import type { BillingEvent } from "@portalkit/core";

/** What the profile page lists of one event. */
export interface ActivityEntry {
  id: string;
  type: BillingEvent["type"];
  vendorType: string;
  occurredAt: string;
  subscriptionId?: string;
}

export interface ActivityStore {
  /** Keeps a verified event once (a duplicate delivery has the same id). */
  record(event: BillingEvent): void;
  /** The customer's newest events first. */
  recent(customerId: string): readonly ActivityEntry[];
}

/**
 * The billing events the app received, per customer, newest first and at most `limit`
 * each. An event is a trigger, never the state: pages read the subscription from the
 * provider, so an event that arrives late or twice changes nothing but this list.
 */
export function createActivityStore(limit = 10): ActivityStore {
  const byCustomer = new Map<string, ActivityEntry[]>();
  return {
    record(event) {
      if (!event.customerId) return;
      const entries = byCustomer.get(event.customerId) ?? [];
      if (entries.some((entry) => entry.id === event.id)) return;
      const entry: ActivityEntry = {
        id: event.id,
        type: event.type,
        vendorType: event.vendorType,
        occurredAt: event.occurredAt,
      };
      if (event.subscriptionId !== undefined) entry.subscriptionId = event.subscriptionId;
      // Newest first; events of the same second keep the order they arrived in (sort is stable).
      entries.unshift(entry);
      entries.sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
      byCustomer.set(event.customerId, entries.slice(0, limit));
    },
    recent: (customerId) => byCustomer.get(customerId) ?? [],
  };
}
