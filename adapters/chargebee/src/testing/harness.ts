import {
  type ConformanceHarness,
  defineHarness,
  type HarnessTransportOptions,
  type SimSubscriptionState,
} from "@portalkit/conformance";
import { type Address, redactSecrets, type SubscriptionStatus } from "@portalkit/core";
import type { Customer } from "chargebee";
import { createChargebeeProvider } from "../provider";
import { type ChargebeeSimulator, createChargebeeSimulator } from "./simulator";
import type { WireSubscription } from "./wire";

export type ChargebeeHarnessOptions = HarnessTransportOptions;

// The simulator's records read with the harness's own code, never the adapter's
// normalizers: a wrong mapping in the adapter then disagrees with the vendor's state.

const STATUSES: Readonly<Record<WireSubscription["status"], SubscriptionStatus>> = {
  future: "incomplete",
  in_trial: "trialing",
  active: "active",
  non_renewing: "cancel_scheduled",
  paused: "paused",
  cancelled: "canceled",
  transferred: "canceled",
};

const iso = (seconds: number | undefined) =>
  seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();

function subscriptionState(wire: WireSubscription): SimSubscriptionState {
  let status = STATUSES[wire.status];
  if (status === "active" && (wire.due_invoices_count ?? 0) > 0) status = "past_due";
  const state: SimSubscriptionState = { id: wire.id, customerId: wire.customer_id, status };
  // A non_renewing subscription's cancelled_at is the future date it ends.
  const cancelAt = status === "cancel_scheduled" ? iso(wire.cancelled_at ?? wire.current_term_end) : undefined;
  if (cancelAt) state.cancelAt = cancelAt;
  const canceledAt = status === "canceled" ? iso(wire.cancelled_at) : undefined;
  if (canceledAt) state.canceledAt = canceledAt;
  return state;
}

function address(wire: Customer.BillingAddress | undefined): Address | undefined {
  if (!wire) return undefined;
  const fields: Array<[keyof Address, string | undefined]> = [
    ["firstName", wire.first_name],
    ["lastName", wire.last_name],
    ["company", wire.company],
    ["email", wire.email],
    ["phone", wire.phone],
    ["line1", wire.line1],
    ["line2", wire.line2],
    ["city", wire.city],
    ["state", wire.state ?? wire.state_code],
    ["postalCode", wire.zip],
    ["country", wire.country],
  ];
  const out: Address = {};
  for (const [field, value] of fields) if (value) out[field] = value;
  return Object.keys(out).length > 0 ? out : undefined;
}

let harnessCount = 0;

// Shaped like no credential, so that only their registration redacts them.
const OWNED_API_KEY = "chargebee-owned-key-Z3x4C5v6B7n8";
const OWNED_WEBHOOK_PASSWORD = "chargebee-owned-hook-password-W2e3R4";

/** The site's cancellation reason codes, configured alike on the simulator and the provider. */
const CANCEL_REASON_CODES = ["too_expensive", "missing_features"];

/** The conformance harness for Chargebee: a fresh simulator (on a site of its own) and provider per setup. */
export function createChargebeeHarness(options: ChargebeeHarnessOptions = {}): ConformanceHarness {
  return defineHarness<ChargebeeSimulator>(
    {
      name: "chargebee",
      manifest: {
        invoiceStatuses: ["paid", "open", "void", "uncollectible", "pending"],
        sessionExpiry: true,
        invoiceNumber: "id",
        cancelReason: CANCEL_REASON_CODES[0],
      },
      simulator: (clock) => {
        const simulator = createChargebeeSimulator({
          site: `portalkit-conformance-${++harnessCount}`,
          apiKey: `test_cbsim_${crypto.randomUUID().replace(/-/g, "")}`,
          cancelReasonCodes: CANCEL_REASON_CODES,
          now: clock.now,
        });
        webhookAuths.set(simulator, { username: "chargebee", password: `cbhook_${crypto.randomUUID()}` });
        return simulator;
      },
      origin: (simulator) => `https://${simulator.site}.chargebee.com`,
      provider: ({ simulator, setup, baseUrl }) =>
        createChargebeeProvider({
          site: simulator.site,
          apiKey: simulator.apiKey,
          retry: setup.retry,
          timeoutMs: setup.timeoutMs,
          cancelReasonCodes: CANCEL_REASON_CODES,
          webhookAuth: webhookAuthOf(simulator),
          verify: "refetch",
          ...(baseUrl !== undefined ? { apiBaseUrl: baseUrl } : {}),
        }),
      calls: {
        createSession: [{ method: "POST", path: "/api/v2/portal_sessions" }],
        listInvoices: [{ method: "GET", path: "/api/v2/invoices" }],
        getSubscription: [{ method: "GET", path: /^\/api\/v2\/subscriptions\/[^/]+$/ }],
        cancel: [{ method: "POST", path: /^\/api\/v2\/subscriptions\/[^/]+\/cancel_for_items$/ }],
        reactivate: [
          { method: "POST", path: /^\/api\/v2\/subscriptions\/[^/]+\/(?:reactivate|remove_scheduled_cancellation)$/ },
        ],
        invoicePdf: [{ method: "POST", path: /^\/api\/v2\/invoices\/[^/]+\/pdf$/ }],
        updateAddress: [
          {
            method: "POST",
            path: /^\/api\/v2\/(?:customers\/[^/]+\/update_billing_info|subscriptions\/[^/]+\/update_for_items)$/,
          },
        ],
        paymentMethodLaunch: [{ method: "POST", path: "/api/v2/hosted_pages/manage_payment_sources" }],
        logout: [{ method: "POST", path: /^\/api\/v2\/portal_sessions\/[^/]+\/logout$/ }],
        parseWebhook: [{ method: "GET", path: /^\/api\/v2\/events\/[^/]+$/ }],
        getCustomer: [{ method: "GET", path: /^\/api\/v2\/customers\/[^/]+$/ }],
        listSubscriptions: [{ method: "GET", path: "/api/v2/subscriptions" }],
      },
      paramErrors: {
        createSession: "customer[id]",
        listInvoices: "customer_id[is]",
        getSubscription: "id",
        cancel: "end_of_term",
        reactivate: "invoice_immediately",
        invoicePdf: "disposition_type",
        updateAddress: "billing_address[line1]",
        paymentMethodLaunch: "redirect_url",
        logout: "id",
        getCustomer: "id",
        listSubscriptions: "customer_id[is]",
      },
      seed: (simulator, world) =>
        simulator.seed({ ...world, invoices: world.invoices.filter((invoice) => invoice.status !== "draft") }),
      read: {
        subscription: (simulator, id) => {
          const wire = simulator.subscriptions.get(id);
          return wire ? subscriptionState(wire) : undefined;
        },
        address: (simulator, { customerId, kind, subscriptionId }) => {
          if (kind === "billing") return address(simulator.customers.get(customerId)?.billing_address);
          if (subscriptionId === undefined) return undefined;
          const subscription = simulator.subscriptions.get(subscriptionId);
          return subscription?.customer_id === customerId ? address(subscription.shipping_address) : undefined;
        },
        session: (simulator, id) => {
          const session = simulator.portalSessions.get(id);
          return session ? { status: session.status === "logged_out" ? "logged_out" : "active" } : undefined;
        },
        cancelReason: (simulator, id) => simulator.subscriptions.get(id)?.cancel_reason_code,
        paymentMethod: (simulator, customerId) => {
          const card = simulator.cards.get(customerId);
          if (!card || simulator.customers.get(customerId)?.payment_method?.type !== "card") return undefined;
          return {
            type: "card",
            ...(card.card_type ? { brand: card.card_type } : {}),
            last4: card.last4,
            expMonth: card.expiry_month,
            expYear: card.expiry_year,
          };
        },
        portalSession: (simulator, id) => {
          const session = simulator.portalSessions.get(id);
          if (!session) return undefined;
          return session.redirect_url ? { returnUrl: session.redirect_url } : {};
        },
      },
      deleteCustomer: (simulator, customerId) => simulator.deleteCustomer(customerId),
      secrets: (simulator) => [simulator.apiKey, webhookAuthOf(simulator).password],
      secretLifetime: {
        redact: redactSecrets,
        secrets: [OWNED_API_KEY, OWNED_WEBHOOK_PASSWORD],
        build: () =>
          createChargebeeProvider({
            site: "acme-test",
            apiKey: OWNED_API_KEY,
            webhookAuth: { username: "hooks", password: OWNED_WEBHOOK_PASSWORD },
          }),
      },
      webhooks: {
        attach: (simulator, target) => simulator.setWebhookEndpoint({ ...target, ...webhookAuthOf(simulator) }),
        outbox: (simulator) => simulator.webhooks,
      },
    },
    options,
  );
}

/** The Basic credentials of each simulator's webhook, as set on a Chargebee site's webhook. */
const webhookAuths = new WeakMap<ChargebeeSimulator, { username: string; password: string }>();

function webhookAuthOf(simulator: ChargebeeSimulator): { username: string; password: string } {
  const auth = webhookAuths.get(simulator);
  if (!auth) throw new Error("the simulator has no webhook");
  return auth;
}

/** The default harness (MSW transport), for `describeConformance` and `portalkit conformance`. */
export const chargebeeHarness: ConformanceHarness = createChargebeeHarness();
