import type { BillingEvent, BillingEventType, ParseWebhookInput } from "@portalkit/core";
import { unixToIso } from "@portalkit/core/adapter";
import type Stripe from "stripe";
import type { StripeContext } from "./billing";
import { normalizeInvoice } from "./normalize-invoice";
import { isCancelScheduled, normalizeSubscription } from "./normalize-subscription";
import { idOf } from "./raw";

/** Stripe's default: a signature more than five minutes old is refused. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

export interface StripeWebhookOptions {
  /** The endpoint's signing secret (`whsec_…`). */
  webhookSecret?: string | undefined;
  /** Seconds a signature's timestamp may be old; default 300. */
  webhookTolerance?: number | undefined;
}

const DIRECT: Readonly<Record<string, BillingEventType>> = {
  "customer.subscription.created": "subscription.created",
  "customer.subscription.deleted": "subscription.canceled",
  "customer.subscription.paused": "subscription.paused",
  "customer.subscription.resumed": "subscription.resumed",
  "invoice.created": "invoice.created",
  "invoice.paid": "invoice.paid",
  "invoice.payment_succeeded": "invoice.paid",
  "invoice.payment_failed": "invoice.payment_failed",
  "payment_method.attached": "payment_method.updated",
  "payment_method.updated": "payment_method.updated",
  "payment_method.detached": "payment_method.updated",
  "customer.updated": "customer.updated",
};

function header(headers: ParseWebhookInput["headers"], name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** What a `customer.subscription.updated` means, from the object and the fields it changed. */
function subscriptionUpdate(
  subscription: Stripe.Subscription,
  previous: Partial<Stripe.Subscription> | undefined,
): BillingEventType {
  const before = previous ?? {};
  if (subscription.status === "canceled" && before.status !== undefined) return "subscription.canceled";
  if (before.status === "paused" && subscription.status !== "paused") return "subscription.resumed";
  if (subscription.status === "paused" && before.status !== undefined) return "subscription.paused";
  const touched = "cancel_at_period_end" in before || "cancel_at" in before;
  if (touched) {
    const wasScheduled = before.cancel_at_period_end === true || (before.cancel_at ?? null) !== null;
    const scheduled = isCancelScheduled(subscription);
    if (scheduled && !wasScheduled) return "subscription.cancel_scheduled";
    if (!scheduled && wasScheduled) return "subscription.reactivated";
  }
  return "subscription.updated";
}

/**
 * Verifies a Stripe webhook with the SDK (`Stripe-Signature`, HMAC-SHA256 of `t.body`,
 * the timestamp within the tolerance) and normalizes it. Used by every Stripe-backed provider.
 */
export async function parseStripeWebhook(
  input: ParseWebhookInput,
  ctx: StripeContext,
  options: StripeWebhookOptions,
): Promise<BillingEvent> {
  const secret = options.webhookSecret;
  if (secret === undefined) {
    throw ctx.error({
      code: "unauthenticated",
      status: 401,
      message: "No webhookSecret is configured, so no Stripe webhook can be verified",
    });
  }
  const signature = header(input.headers, "stripe-signature");
  if (signature === undefined || signature === "") {
    throw ctx.error({ code: "unauthenticated", status: 401, message: "The webhook has no Stripe-Signature header" });
  }
  let event: Stripe.Event;
  try {
    event = await ctx.client.webhooks.constructEventAsync(
      input.body,
      signature,
      secret,
      options.webhookTolerance ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
    );
  } catch (error) {
    // The SDK verifies before it parses: a failure past a good signature is the body itself.
    const verification = (error as { type?: unknown }).type === "StripeSignatureVerificationError";
    throw ctx.error(
      verification
        ? { code: "unauthenticated", status: 401, message: "The Stripe webhook signature does not verify" }
        : { code: "invalid_input", status: 400, message: "The Stripe webhook body is not a JSON event" },
    );
  }
  try {
    return normalizeStripeEvent(event, ctx.provider);
  } catch {
    throw ctx.error({ code: "invalid_input", status: 400, message: "The Stripe webhook's objects are not Stripe's" });
  }
}

/** A Stripe event (verified) as a BillingEvent; its objects go through the readers' normalizers. */
export function normalizeStripeEvent(event: Stripe.Event, provider: string): BillingEvent {
  if (typeof event?.id !== "string" || typeof event.type !== "string" || typeof event.created !== "number") {
    throw new TypeError("not a Stripe event");
  }
  const object = (event.data?.object ?? {}) as unknown as { object?: string };
  const out: BillingEvent = {
    id: event.id,
    provider,
    type: DIRECT[event.type] ?? "unknown",
    vendorType: event.type,
    occurredAt: unixToIso(event.created) ?? new Date(0).toISOString(),
    raw: event as unknown as Record<string, unknown>,
  };
  if (object.object === "subscription") {
    const subscription = object as unknown as Stripe.Subscription;
    if (event.type === "customer.subscription.updated") {
      const previous = (event.data as { previous_attributes?: Partial<Stripe.Subscription> }).previous_attributes;
      out.type = subscriptionUpdate(subscription, previous);
    }
    out.subscription = normalizeSubscription(subscription, provider);
    out.subscriptionId = subscription.id;
    out.customerId = out.subscription.customerId;
  } else if (object.object === "invoice") {
    const invoice = object as unknown as Stripe.Invoice;
    out.invoice = normalizeInvoice(invoice, provider);
    out.invoiceId = invoice.id;
    out.customerId = out.invoice.customerId;
    if (out.invoice.subscriptionId !== undefined) out.subscriptionId = out.invoice.subscriptionId;
  } else if (object.object === "customer") {
    const id = (object as unknown as Stripe.Customer).id;
    if (typeof id === "string") out.customerId = id;
  } else if (object.object === "payment_method") {
    const customer = idOf((object as unknown as Stripe.PaymentMethod).customer);
    if (customer) out.customerId = customer;
  }
  if (out.customerId === "") delete out.customerId;
  return out;
}
