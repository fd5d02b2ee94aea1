import type * as NodeCrypto from "node:crypto";
import type { BillingEvent, BillingEventType, ParseWebhookInput } from "@portalkit/core";
import type { AdapterContext } from "@portalkit/core/adapter";
import { unixToIso } from "@portalkit/core/adapter";
import type Chargebee from "chargebee";
import type { Customer, Event, Invoice, Subscription } from "chargebee";
import { normalizeInvoice } from "./normalize-invoice";
import { normalizeSubscription } from "./normalize-subscription";
import type { ChargebeeProviderOptions } from "./options";

/** Chargebee's event types, by the portable type each one means. */
const TYPES: Readonly<Record<string, BillingEventType>> = {
  subscription_created: "subscription.created",
  subscription_started: "subscription.updated",
  subscription_activated: "subscription.updated",
  subscription_changed: "subscription.updated",
  subscription_shipping_address_updated: "subscription.updated",
  subscription_renewed: "subscription.updated",
  subscription_cancellation_scheduled: "subscription.cancel_scheduled",
  subscription_cancelled: "subscription.canceled",
  subscription_reactivated: "subscription.reactivated",
  subscription_scheduled_cancellation_removed: "subscription.reactivated",
  subscription_paused: "subscription.paused",
  subscription_resumed: "subscription.resumed",
  invoice_generated: "invoice.created",
  payment_succeeded: "invoice.paid",
  payment_failed: "invoice.payment_failed",
  payment_source_added: "payment_method.updated",
  payment_source_updated: "payment_method.updated",
  payment_source_deleted: "payment_method.updated",
  card_added: "payment_method.updated",
  card_updated: "payment_method.updated",
  card_deleted: "payment_method.updated",
  customer_changed: "customer.updated",
  customer_billing_address_updated: "customer.updated",
};

/** What parsing needs of the provider: its options, reads and errors (no ownership lookups). */
type Context = Pick<
  AdapterContext<Chargebee, Record<string, never>, ChargebeeProviderOptions>,
  "options" | "provider" | "read" | "error"
>;

function header(headers: ParseWebhookInput["headers"], name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

// Loaded with the first webhook checked, not with the adapter: loading node:crypto was a
// tenth of the adapter's cold import, and most processes that import it verify no webhook.
let nodeCrypto: typeof NodeCrypto | undefined;
const crypto = () => (nodeCrypto ??= process.getBuiltinModule("node:crypto"));

const digest = (value: string) => crypto().createHash("sha256").update(value, "utf8").digest();

/** Equal-length digests compared in constant time: neither the length nor a prefix leaks. */
function sameCredentials(given: string, expected: string): boolean {
  return crypto().timingSafeEqual(digest(given), digest(expected));
}

function checkBasicAuth(input: ParseWebhookInput, ctx: Context): void {
  const auth = ctx.options.webhookAuth;
  if (!auth) return;
  const value = header(input.headers, "authorization") ?? "";
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(value);
  const given = Buffer.from(match?.[1] ?? "", "base64").toString("utf8");
  // Always one comparison, whatever was sent, so a missing header takes as long as a wrong one.
  const ok = sameCredentials(given, `${auth.username}:${auth.password}`);
  if (!match || !ok) {
    throw ctx.error({
      code: "unauthenticated",
      status: 401,
      message: "The webhook's credentials (HTTP Basic) are wrong",
    });
  }
}

function parseEnvelope(body: string, ctx: Context): Event {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw ctx.error({ code: "invalid_input", status: 400, message: "The Chargebee webhook body is not JSON" });
  }
  const event = value as Partial<Event> | null;
  if (
    typeof event !== "object" ||
    event === null ||
    typeof event.id !== "string" ||
    event.id === "" ||
    typeof event.occurred_at !== "number" ||
    typeof event.event_type !== "string" ||
    typeof event.content !== "object" ||
    event.content === null
  ) {
    throw ctx.error({ code: "invalid_input", status: 400, message: "The Chargebee webhook body is not an event" });
  }
  return event as Event;
}

/**
 * Chargebee signs nothing: a delivery is trusted by its Basic credentials
 * (`webhookAuth`), and with `verify: "refetch"` only the copy of the event read back from
 * the API by its id is used.
 */
export async function parseChargebeeWebhook(input: ParseWebhookInput, ctx: Context): Promise<BillingEvent> {
  const { webhookAuth, verify } = ctx.options;
  if (!webhookAuth && verify !== "refetch") {
    throw ctx.error({
      code: "unauthenticated",
      status: 401,
      message: 'No webhookAuth is configured and verify is not "refetch", so no Chargebee webhook can be trusted',
    });
  }
  checkBasicAuth(input, ctx);
  let event = parseEnvelope(input.body, ctx);
  if (verify === "refetch") {
    const id = event.id;
    try {
      event = (await ctx.read((sdk) => sdk.event.retrieve(id))).event;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "not_found") {
        throw ctx.error({ code: "unauthenticated", status: 401, message: `Chargebee knows no event ${id}` });
      }
      throw error;
    }
  }
  return normalizeChargebeeEvent(event, ctx.provider);
}

export function normalizeChargebeeEvent(event: Event, provider: string): BillingEvent {
  const content = event.content as { subscription?: Subscription; customer?: Customer; invoice?: Invoice };
  const vendorType = event.event_type ?? "unknown";
  const out: BillingEvent = {
    id: event.id,
    provider,
    type: TYPES[vendorType] ?? "unknown",
    vendorType,
    occurredAt: unixToIso(event.occurred_at) ?? new Date(0).toISOString(),
    raw: event as unknown as Record<string, unknown>,
  };
  if (content.subscription) {
    out.subscription = normalizeSubscription(content.subscription);
    out.subscriptionId = content.subscription.id;
    out.customerId = content.subscription.customer_id;
  }
  if (content.invoice) {
    out.invoice = normalizeInvoice(content.invoice);
    out.invoiceId = content.invoice.id;
    out.customerId ??= content.invoice.customer_id;
    if (content.invoice.subscription_id) out.subscriptionId ??= content.invoice.subscription_id;
  }
  if (content.customer) out.customerId ??= content.customer.id;
  return out;
}
