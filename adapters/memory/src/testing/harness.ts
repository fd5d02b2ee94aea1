import {
  type ConformanceHarness,
  defineHarness,
  type HarnessTransportOptions,
  type SimSubscriptionState,
} from "@portalkit/conformance";
import {
  type Address,
  type PortalProvider,
  type PortalSection,
  redactSecrets,
  type SubscriptionStatus,
} from "@portalkit/core";
import { createMemoryProvider, MEMORY_API_URL, type MemoryProviderOptions } from "../provider";
import type { WireAddress, WireSubscription } from "../wire";
import { createMemorySimulator, type MemorySimulator } from "./simulator";

export interface MemoryHarnessOptions extends HarnessTransportOptions {
  /** Shown in the suite's describe block; default "memory". */
  name?: string;
  /** Sections the provider opens directly; default all seven. */
  sections?: readonly PortalSection[];
  /**
   * Builds the provider under test from the options the harness chose. Default
   * createMemoryProvider; pass your own to run the suite against a decorated provider.
   */
  provider?: (options: MemoryProviderOptions, simulator: MemorySimulator) => PortalProvider;
}

const API_KEY = "mem_key_conformance_0123456789";
const WEBHOOK_SECRET = "mem_webhook_secret_conformance_9876543210";

// The simulator's records read with the harness's own code, never the adapter's
// normalizers: a wrong mapping in the adapter then disagrees with the vendor's state.

const STATUSES: Readonly<Record<WireSubscription["status"], SubscriptionStatus>> = {
  active: "active",
  trialing: "trialing",
  canceled: "canceled",
};

const iso = (seconds: number | undefined) =>
  seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();

function subscriptionState(wire: WireSubscription): SimSubscriptionState {
  const status = wire.status !== "canceled" && wire.cancel_at_period_end ? "cancel_scheduled" : STATUSES[wire.status];
  const state: SimSubscriptionState = { id: wire.id, customerId: wire.customer_id, status };
  const cancelAt = iso(wire.cancel_at);
  if (cancelAt) state.cancelAt = cancelAt;
  const canceledAt = iso(wire.canceled_at);
  if (canceledAt) state.canceledAt = canceledAt;
  return state;
}

function address(wire: WireAddress | undefined): Address | undefined {
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
    ["state", wire.state],
    ["postalCode", wire.postal_code],
    ["country", wire.country],
  ];
  const out: Address = {};
  for (const [field, value] of fields) if (value) out[field] = value;
  return out;
}

// Shaped like no credential, so that only their registration redacts them.
const OWNED_API_KEY = "memory-owned-key-H1j2K3l4M5n6";
const OWNED_WEBHOOK_SECRET = "memory-owned-hook-secret-J7k8L9";

/**
 * The conformance harness for the memory adapter: each setup makes a fresh simulator,
 * served at MEMORY_API_URL through MSW (or on loopback), and builds the provider with
 * global fetch, as an adapter on a vendor SDK runs in its own tests.
 */
export function createMemoryHarness(options: MemoryHarnessOptions = {}): ConformanceHarness {
  const build = options.provider ?? ((providerOptions) => createMemoryProvider(providerOptions));
  return defineHarness<MemorySimulator>(
    {
      name: options.name ?? "memory",
      manifest: {
        invoiceStatuses: ["draft", "open", "paid", "void", "uncollectible", "pending"],
        sessionExpiry: true,
        webhookTimestamps: true,
      },
      simulator: (clock) => createMemorySimulator({ apiKey: API_KEY, now: clock.now }),
      origin: () => MEMORY_API_URL,
      provider: ({ simulator, setup, baseUrl }) =>
        build(
          {
            apiKey: API_KEY,
            retry: setup.retry,
            timeoutMs: setup.timeoutMs,
            webhookSecret: WEBHOOK_SECRET,
            ...(baseUrl !== undefined ? { baseUrl } : {}),
            ...(options.sections ? { sections: options.sections } : {}),
          },
          simulator,
        ),
      calls: {
        createSession: [{ method: "POST", path: "/v1/portal_sessions" }],
        paymentMethodLaunch: [{ method: "POST", path: "/v1/portal_sessions" }],
        logout: [{ method: "POST", path: /^\/v1\/portal_sessions\/[^/]+\/logout$/ }],
        listInvoices: [{ method: "GET", path: "/v1/invoices" }],
        invoicePdf: [{ method: "GET", path: /^\/v1\/invoices\/[^/]+\/pdf$/ }],
        getSubscription: [{ method: "GET", path: /^\/v1\/subscriptions\/[^/]+$/ }],
        cancel: [{ method: "POST", path: /^\/v1\/subscriptions\/[^/]+\/cancel$/ }],
        reactivate: [{ method: "POST", path: /^\/v1\/subscriptions\/[^/]+\/reactivate$/ }],
        updateAddress: [{ method: "POST", path: /^\/v1\/customers\/[^/]+\/addresses$/ }],
        parseWebhook: [],
        getCustomer: [{ method: "GET", path: /^\/v1\/customers\/[^/]+$/ }],
        listSubscriptions: [{ method: "GET", path: "/v1/subscriptions" }],
      },
      paramErrors: {
        createSession: "return_url",
        paymentMethodLaunch: "return_url",
        logout: "id",
        listInvoices: "limit",
        invoicePdf: "id",
        getSubscription: "id",
        cancel: "cancellation[reason_code]",
        reactivate: "id",
        updateAddress: "address[postal_code]",
        getCustomer: "id",
        listSubscriptions: "limit",
      },
      read: {
        subscription: (simulator, id) => {
          const wire = simulator.state.subscriptions.get(id);
          return wire ? subscriptionState(wire) : undefined;
        },
        address: (simulator, { customerId, kind, subscriptionId }) => {
          const { customers, subscriptions } = simulator.state;
          const customer = customers.get(customerId);
          const subscription = subscriptionId ? subscriptions.get(subscriptionId) : undefined;
          if (kind === "billing") return address(customer?.billing_address);
          return address(subscription ? subscription.shipping_address : customer?.shipping_address);
        },
        session: (simulator, id) => {
          const session = simulator.state.sessions.get(id);
          return session ? { status: session.status } : undefined;
        },
        cancelReason: (simulator, id) => simulator.state.subscriptions.get(id)?.cancellation_reason,
        portalSession: (simulator, id) => {
          const session = simulator.state.sessions.get(id);
          if (!session) return undefined;
          return session.return_url ? { returnUrl: session.return_url } : {};
        },
        paymentMethod: (simulator, customerId) => {
          const method = simulator.state.customers.get(customerId)?.payment_method;
          if (!method) return undefined;
          const { brand, last4, exp_month, exp_year } = method.card;
          return { type: "card", brand, last4, expMonth: exp_month, expYear: exp_year };
        },
      },
      deleteCustomer: (simulator, customerId) => {
        simulator.deleteCustomer(customerId);
      },
      secrets: () => [API_KEY, WEBHOOK_SECRET],
      // The package's own provider: the check is about the adapter, not a decorated one.
      secretLifetime: {
        redact: redactSecrets,
        secrets: [OWNED_API_KEY, OWNED_WEBHOOK_SECRET],
        build: () =>
          createMemoryProvider({
            apiKey: OWNED_API_KEY,
            webhookSecret: OWNED_WEBHOOK_SECRET,
            fetch: async () => new Response("{}"),
          }),
      },
      webhooks: {
        attach: (simulator, target) => simulator.setWebhookEndpoint({ ...target, secret: WEBHOOK_SECRET }),
        outbox: (simulator) => simulator.webhooks,
      },
    },
    options,
  );
}

/** The harness `portalkit conformance` and the memory adapter's own test run. */
export const memoryHarness: ConformanceHarness = createMemoryHarness();
