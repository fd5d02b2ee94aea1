import { createHmac } from "node:crypto";
import type { CollectionChange, SignedWebhook, SignOptions } from "@portalkit/core/testing";
import type Stripe from "stripe";
import { stripeId } from "./wire";

/** A Stripe event as it goes on the wire. */
export interface StripeWireEvent {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: {
    object: Stripe.Subscription | Stripe.Invoice | Stripe.Customer;
    previous_attributes?: Record<string, unknown>;
  };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: Stripe.Event.Type;
}

/** The top-level fields that changed, with their former values (Stripe's `previous_attributes`). */
function previousAttributes(previous: object, current: object): Record<string, unknown> {
  const before = previous as Record<string, unknown>;
  const after = current as Record<string, unknown>;
  const changed: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = before[key] ?? null;
  }
  return changed;
}

function event(
  type: Stripe.Event.Type,
  object: StripeWireEvent["data"]["object"],
  created: number,
  previous?: Record<string, unknown>,
): StripeWireEvent {
  return {
    id: stripeId("evt"),
    object: "event",
    api_version: "2026-10-28.endive",
    created,
    data: { object: structuredClone(object), ...(previous ? { previous_attributes: previous } : {}) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

export function subscriptionEvent(change: CollectionChange<Stripe.Subscription>, created: number): StripeWireEvent {
  if (change.type === "created") return event("customer.subscription.created", change.item, created);
  if (change.type === "deleted") return event("customer.subscription.deleted", change.item, created);
  const { item, previous } = change;
  const changed = previousAttributes(previous, item);
  let type: Stripe.Event.Type = "customer.subscription.updated";
  if (item.status === "canceled" && previous.status !== "canceled") type = "customer.subscription.deleted";
  else if (item.status === "paused" && previous.status !== "paused") type = "customer.subscription.paused";
  else if (previous.status === "paused" && item.status !== "paused") type = "customer.subscription.resumed";
  return event(type, item, created, type === "customer.subscription.updated" ? changed : undefined);
}

export function invoiceEvent(change: CollectionChange<Stripe.Invoice>, created: number): StripeWireEvent | undefined {
  if (change.type === "created") return event("invoice.created", change.item, created);
  if (change.type === "deleted") return event("invoice.deleted", change.item, created);
  const { item, previous } = change;
  if (item.status === "paid" && previous.status !== "paid") return event("invoice.paid", item, created);
  return event("invoice.updated", item, created, previousAttributes(previous, item));
}

export function customerEvent(change: CollectionChange<Stripe.Customer>, created: number): StripeWireEvent | undefined {
  if (change.type === "created") return event("customer.created", change.item, created);
  if (change.type === "deleted") return event("customer.deleted", change.item, created);
  return event("customer.updated", change.item, created, previousAttributes(change.previous, change.item));
}

/** `Stripe-Signature: t=…,v1=…`: the hex HMAC-SHA256 of `t.body`, keyed with the endpoint secret. */
export function signStripeWebhook(secret: string, body: string, options: SignOptions): SignedWebhook {
  const key = options.badSignature ? `${secret}_not_this_one` : secret;
  const v1 = createHmac("sha256", key).update(`${options.timestamp}.${body}`, "utf8").digest("hex");
  return { body, headers: { "stripe-signature": `t=${options.timestamp},v1=${v1}` } };
}
