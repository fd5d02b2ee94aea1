import {
  type ISubscriptionResponse,
  type ITransactionResponse,
  Subscription,
  Transaction,
} from "@paddle/paddle-node-sdk";
import type { BillingEvent, BillingEventType, ParseWebhookInput } from "@portalkit/core";
import type { PaddleContext } from "./lookups";
import { normalizeInvoice } from "./normalize-invoice";
import { normalizeSubscription } from "./normalize-subscription";
import { DEFAULT_WEBHOOK_TOLERANCE_SECONDS } from "./options";
import { verifyPaddleSignature } from "./signature";
import { toIso } from "./wire-values";

/** Paddle's notification types as portable ones; `subscription.updated` is read from its data. */
const TYPES: Readonly<Record<string, BillingEventType>> = {
  "subscription.created": "subscription.created",
  "subscription.imported": "subscription.created",
  "subscription.activated": "subscription.updated",
  "subscription.trialing": "subscription.updated",
  "subscription.past_due": "subscription.updated",
  "subscription.canceled": "subscription.canceled",
  "subscription.paused": "subscription.paused",
  "subscription.resumed": "subscription.resumed",
  "transaction.created": "invoice.created",
  "transaction.paid": "invoice.paid",
  "transaction.completed": "invoice.paid",
  "transaction.payment_failed": "invoice.payment_failed",
  "customer.updated": "customer.updated",
  "address.created": "customer.updated",
  "address.updated": "customer.updated",
  "payment_method.saved": "payment_method.updated",
  "payment_method.deleted": "payment_method.updated",
};

interface PaddleNotificationBody {
  event_id: string;
  event_type: string;
  occurred_at: string;
  data: Record<string, unknown>;
}

function header(headers: ParseWebhookInput["headers"], name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/**
 * Verifies a Paddle notification (`Paddle-Signature`, see `verifyPaddleSignature`) and
 * normalizes it. Paddle sends an object's state, never its former one: a
 * `subscription.updated` carrying a scheduled cancel is `subscription.cancel_scheduled`, and
 * one without is `subscription.updated` (a removed cancel cannot be told from other changes).
 */
export async function parsePaddleWebhook(input: ParseWebhookInput, ctx: PaddleContext): Promise<BillingEvent> {
  const secret = ctx.options.webhookSecret;
  const refuse = (message: string) => ctx.error({ code: "unauthenticated", status: 401, message });
  if (secret === undefined) throw refuse("No webhookSecret is configured, so no Paddle notification can be verified");
  const tolerance = ctx.options.webhookTolerance ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  const verdict = verifyPaddleSignature(header(input.headers, "paddle-signature"), input.body, secret, tolerance);
  if (verdict === "malformed") throw refuse("The notification has no well-formed Paddle-Signature header");
  if (verdict === "stale") throw refuse(`The notification was signed more than ${tolerance} s from now`);
  if (verdict === "mismatch") throw refuse("The Paddle-Signature does not verify");
  try {
    return normalizePaddleEvent(JSON.parse(input.body) as PaddleNotificationBody, ctx.provider);
  } catch {
    throw ctx.error({ code: "invalid_input", status: 400, message: "The Paddle notification is not one Paddle sends" });
  }
}

/** A verified notification as a BillingEvent; its objects go through the readers' normalizers. */
export function normalizePaddleEvent(event: PaddleNotificationBody, provider: string): BillingEvent {
  const occurredAt = toIso(event.occurred_at);
  if (typeof event.event_id !== "string" || typeof event.event_type !== "string" || occurredAt === undefined) {
    throw new TypeError("not a Paddle notification");
  }
  const [entity] = event.event_type.split(".");
  const data = event.data ?? {};
  const out: BillingEvent = {
    id: event.event_id,
    provider,
    type: TYPES[event.event_type] ?? "unknown",
    vendorType: event.event_type,
    occurredAt,
    raw: event as unknown as Record<string, unknown>,
  };
  if (entity === "subscription") {
    const subscription = normalizeSubscription(new Subscription(data as unknown as ISubscriptionResponse), provider);
    if (event.event_type === "subscription.updated") {
      out.type = subscription.status === "cancel_scheduled" ? "subscription.cancel_scheduled" : "subscription.updated";
    }
    Object.assign(out, { subscription, subscriptionId: subscription.id, customerId: subscription.customerId });
  } else if (entity === "transaction") {
    const invoice = normalizeInvoice(new Transaction(data as unknown as ITransactionResponse), provider);
    Object.assign(out, { invoice, invoiceId: invoice.id, customerId: invoice.customerId });
    if (invoice.subscriptionId !== undefined) out.subscriptionId = invoice.subscriptionId;
  } else {
    const customerId = entity === "customer" ? data.id : data.customer_id;
    if (typeof customerId === "string" && customerId !== "") out.customerId = customerId;
  }
  if (out.customerId === "") delete out.customerId;
  return out;
}
