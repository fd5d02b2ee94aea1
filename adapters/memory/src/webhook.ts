import { createHmac, timingSafeEqual } from "node:crypto";
import { type BillingEvent, BillingEventTypeSchema, type ParseWebhookInput, unixToIso } from "@portalkit/core";
import { normalizeCustomer, normalizeInvoice, normalizeSubscription, PROVIDER_ID } from "./normalize";
import type { WireEvent } from "./wire";

/** Seconds a delivery's timestamp may be away from now; default 300. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

/** The headers the in-memory billing API signs its webhooks with. */
export const MEMORY_WEBHOOK_HEADERS = {
  timestamp: "memory-webhook-timestamp",
  signature: "memory-webhook-signature",
} as const;

/** `sha256=` and the hex HMAC-SHA256 of `timestamp.body`, keyed with the endpoint's secret. */
export function memoryWebhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex")}`;
}

function header(headers: ParseWebhookInput["headers"], name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

export interface MemoryWebhookOptions {
  webhookSecret?: string | undefined;
  webhookTolerance?: number | undefined;
}

type Fail = (code: "unauthenticated" | "invalid_input", message: string) => Error;

/** Verifies the signature (timing-safe) and the timestamp, then normalizes the event. */
export function parseMemoryWebhook(input: ParseWebhookInput, options: MemoryWebhookOptions, fail: Fail): BillingEvent {
  const secret = options.webhookSecret;
  if (secret === undefined) {
    throw fail("unauthenticated", "No webhookSecret is configured, so no webhook can be verified");
  }
  const timestamp = header(input.headers, MEMORY_WEBHOOK_HEADERS.timestamp) ?? "";
  const signature = header(input.headers, MEMORY_WEBHOOK_HEADERS.signature) ?? "";
  if (!/^\d{1,12}$/.test(timestamp) || signature === "") {
    throw fail("unauthenticated", "The webhook is not signed");
  }
  const expected = Buffer.from(memoryWebhookSignature(secret, Number(timestamp), input.body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw fail("unauthenticated", "The webhook signature does not verify");
  }
  const tolerance = options.webhookTolerance ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > tolerance) {
    throw fail("unauthenticated", `The webhook's timestamp is more than ${tolerance} s away from now`);
  }
  let event: WireEvent;
  try {
    event = JSON.parse(input.body) as WireEvent;
  } catch {
    throw fail("invalid_input", "The webhook body is not JSON");
  }
  if (
    typeof event !== "object" ||
    event === null ||
    event.object !== "event" ||
    typeof event.id !== "string" ||
    typeof event.type !== "string" ||
    typeof event.created !== "number" ||
    typeof event.data !== "object" ||
    event.data === null
  ) {
    throw fail("invalid_input", "The webhook body is not an event");
  }
  const known = BillingEventTypeSchema.safeParse(event.type);
  const out: BillingEvent = {
    id: event.id,
    provider: PROVIDER_ID,
    type: known.success ? known.data : "unknown",
    vendorType: event.type,
    occurredAt: unixToIso(event.created) ?? new Date(0).toISOString(),
    raw: { ...event },
  };
  const { subscription, invoice, customer } = event.data;
  try {
    if (subscription) {
      out.subscription = normalizeSubscription(subscription);
      out.subscriptionId = subscription.id;
      out.customerId = subscription.customer_id;
    }
    if (invoice) {
      out.invoice = normalizeInvoice(invoice);
      out.invoiceId = invoice.id;
      out.customerId ??= invoice.customer_id;
      if (invoice.subscription_id !== undefined) out.subscriptionId ??= invoice.subscription_id;
    }
    if (customer) {
      normalizeCustomer(customer);
      out.customerId ??= customer.id;
    }
  } catch {
    throw fail("invalid_input", "The webhook's objects are not the billing API's");
  }
  return out;
}
