import type { CollectionChange, SignedWebhook, SignOptions } from "@portalkit/core/testing";
import type { Event } from "chargebee";
import type { WireCustomer, WireInvoice, WireSubscription } from "./wire";

/** Chargebee's event, as its webhooks deliver it and `GET /events/:id` answers it. */
export type WireEvent = Omit<Event, "content" | "event_type"> & {
  object: "event";
  event_type: string;
  content: { subscription?: WireSubscription; customer?: WireCustomer; invoice?: WireInvoice };
};

export interface EventFactory {
  newId(prefix: string): string;
  nowSec(): number;
}

function event(factory: EventFactory, type: string, content: WireEvent["content"]): WireEvent {
  return {
    id: factory.newId("ev"),
    occurred_at: factory.nowSec(),
    source: "api",
    object: "event",
    api_version: "v2",
    webhook_status: "scheduled",
    event_type: type,
    content: structuredClone(content),
  };
}

/** What a change of a subscription is called by Chargebee. */
function subscriptionType(change: CollectionChange<WireSubscription>): string {
  if (change.type === "created") return "subscription_created";
  if (change.type === "deleted") return "subscription_deleted";
  const was = change.previous.status;
  const now = change.item.status;
  if (was === now) return "subscription_changed";
  if (now === "cancelled") return "subscription_cancelled";
  if (now === "non_renewing") return "subscription_cancellation_scheduled";
  if (was === "non_renewing") return "subscription_scheduled_cancellation_removed";
  if (was === "cancelled") return "subscription_reactivated";
  if (now === "paused") return "subscription_paused";
  if (was === "paused") return "subscription_resumed";
  return "subscription_changed";
}

export function subscriptionEvent(
  factory: EventFactory,
  change: CollectionChange<WireSubscription>,
  customer: WireCustomer | undefined,
): WireEvent {
  return event(factory, subscriptionType(change), {
    subscription: change.item,
    ...(customer ? { customer } : {}),
  });
}

export function customerEvent(factory: EventFactory, change: CollectionChange<WireCustomer>): WireEvent {
  const type =
    change.type === "created"
      ? "customer_created"
      : change.type === "deleted"
        ? "customer_deleted"
        : "customer_changed";
  return event(factory, type, { customer: change.item });
}

export function invoiceEvent(factory: EventFactory, change: CollectionChange<WireInvoice>): WireEvent | undefined {
  if (change.type === "created") return event(factory, "invoice_generated", { invoice: change.item });
  if (change.type === "deleted") return event(factory, "invoice_deleted", { invoice: change.item });
  if (change.item.status === "paid" && change.previous.status !== "paid") {
    return event(factory, "payment_succeeded", { invoice: change.item });
  }
  return event(factory, "invoice_updated", { invoice: change.item });
}

/** Chargebee signs nothing: each delivery carries the Basic credentials set on the webhook. */
export function basicAuthWebhook(
  credentials: { username: string; password: string },
  body: string,
  options: SignOptions,
): SignedWebhook {
  const password = options.badSignature ? `${credentials.password}-wrong` : credentials.password;
  const token = Buffer.from(`${credentials.username}:${password}`, "utf8").toString("base64");
  return { body, headers: { authorization: `Basic ${token}` } };
}
