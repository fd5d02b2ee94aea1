import type { CollectionChange, SignedWebhook, SignOptions } from "@portalkit/core/testing";
import { MEMORY_WEBHOOK_HEADERS, memoryWebhookSignature } from "../webhook";
import type { WireCustomer, WireEvent, WireInvoice, WireSubscription } from "../wire";

let count = 0;

function event(type: string, created: number, data: WireEvent["data"]): WireEvent {
  return {
    object: "event",
    id: `evt_${(++count).toString(36)}${crypto.randomUUID().slice(0, 8)}`,
    type,
    created,
    data: structuredClone(data),
  };
}

function subscriptionType(change: CollectionChange<WireSubscription>): string {
  if (change.type !== "updated") return `subscription.${change.type}`;
  const { item, previous } = change;
  if (item.status === "canceled" && previous.status !== "canceled") return "subscription.canceled";
  if (previous.status === "canceled" && item.status !== "canceled") return "subscription.reactivated";
  if (item.cancel_at_period_end && !previous.cancel_at_period_end) return "subscription.cancel_scheduled";
  if (!item.cancel_at_period_end && previous.cancel_at_period_end) return "subscription.reactivated";
  return "subscription.updated";
}

export function subscriptionEvent(change: CollectionChange<WireSubscription>, created: number): WireEvent {
  return event(subscriptionType(change), created, { subscription: change.item });
}

export function customerEvent(change: CollectionChange<WireCustomer>, created: number): WireEvent {
  return event(`customer.${change.type}`, created, { customer: change.item });
}

export function invoiceEvent(change: CollectionChange<WireInvoice>, created: number): WireEvent {
  const paid = change.type === "updated" && change.item.status === "paid" && change.previous.status !== "paid";
  return event(paid ? "invoice.paid" : `invoice.${change.type}`, created, { invoice: change.item });
}

/** The API's own scheme: a timestamp header and `sha256=` HMAC of `timestamp.body`. */
export function signMemoryWebhook(secret: string, body: string, options: SignOptions): SignedWebhook {
  const key = options.badSignature ? `${secret}-not-this-one` : secret;
  return {
    body,
    headers: {
      [MEMORY_WEBHOOK_HEADERS.timestamp]: String(options.timestamp),
      [MEMORY_WEBHOOK_HEADERS.signature]: memoryWebhookSignature(key, options.timestamp, body),
    },
  };
}
