import { randomBytes } from "node:crypto";
import type { ISubscriptionResponse } from "@paddle/paddle-node-sdk";
import {
  type ConformanceHarness,
  defineHarness,
  type HarnessTransportOptions,
  type SimSubscriptionState,
} from "@portalkit/conformance";
import { type Address, redactSecrets, type SubscriptionStatus } from "@portalkit/core";
import { createPaddleProvider } from "../provider";
import { createPaddleSimulator, PADDLE_SANDBOX_ORIGIN, type PaddleSimulator } from "./simulator";

export type PaddleHarnessOptions = HarnessTransportOptions;

const SUBSCRIPTION = /^\/subscriptions\/[^/]+$/;

/** A notification destination's secret key per simulator, as Paddle makes one per destination. */
const webhookSecrets = new WeakMap<PaddleSimulator, string>();
const webhookSecretOf = (simulator: PaddleSimulator) => webhookSecrets.get(simulator) ?? "";

function iso(value: string | null | undefined): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}

/** The simulator's own record, read without the adapter's code. */
function subscriptionState(subscription: ISubscriptionResponse): SimSubscriptionState {
  const state: SimSubscriptionState = { id: subscription.id, customerId: subscription.customer_id, status: "active" };
  if (subscription.status === "canceled") {
    state.status = "canceled";
    const at = iso(subscription.canceled_at);
    if (at) state.canceledAt = at;
    return state;
  }
  if (subscription.scheduled_change?.action === "cancel") {
    state.status = "cancel_scheduled";
    const at = iso(subscription.scheduled_change.effective_at);
    if (at) state.cancelAt = at;
    return state;
  }
  state.status = subscription.status as SubscriptionStatus;
  return state;
}

// Shaped like no credential, so that only their registration redacts them.
const OWNED_API_KEY = "paddle-owned-key-Q7w8E9r0T1y2";
const OWNED_WEBHOOK_SECRET = "paddle-owned-whs-A1s2D3f4G5h6";

/** The conformance harness for `@portalkit/paddle` (the CLI's `portalkit conformance` loads it). */
export function createPaddleHarness(options: PaddleHarnessOptions = {}): ConformanceHarness {
  return defineHarness(
    {
      name: "paddle",
      manifest: {
        invoiceStatuses: ["draft", "open", "paid", "void"],
        sessionExpiry: false,
        pageSize: 30,
        idempotencyKeys: false,
        webhookTimestamps: true,
        reactivationEvents: false,
      },
      simulator: (clock) => {
        const simulator = createPaddleSimulator({ now: () => clock.now() });
        webhookSecrets.set(simulator, `pdl_ntfset_${randomBytes(24).toString("hex")}`);
        return simulator;
      },
      origin: () => PADDLE_SANDBOX_ORIGIN,
      provider: ({ simulator, setup, baseUrl }) =>
        createPaddleProvider({
          apiKey: simulator.apiKey,
          retry: setup.retry,
          timeoutMs: setup.timeoutMs,
          webhookSecret: webhookSecretOf(simulator),
          ...(baseUrl !== undefined ? { environment: baseUrl } : {}),
        }),
      calls: {
        createSession: [{ method: "POST", path: /^\/customers\/[^/]+\/portal-sessions$/ }],
        paymentMethodLaunch: [{ method: "POST", path: /^\/customers\/[^/]+\/portal-sessions$/ }],
        listInvoices: [{ method: "GET", path: "/transactions" }],
        getSubscription: [{ method: "GET", path: SUBSCRIPTION }],
        cancel: [{ method: "POST", path: /^\/subscriptions\/[^/]+\/cancel$/ }],
        reactivate: [{ method: "PATCH", path: SUBSCRIPTION }],
        invoicePdf: [{ method: "GET", path: /^\/transactions\/[^/]+\/invoice$/ }],
        updateAddress: [{ method: "PATCH", path: /^\/customers\/[^/]+\/addresses\/[^/]+$/ }],
        logout: [],
        getCustomer: [{ method: "GET", path: /^\/customers\/[^/]+$/ }],
        listSubscriptions: [{ method: "GET", path: "/subscriptions" }],
        parseWebhook: [],
      },
      paramErrors: {
        createSession: "subscription_ids",
        listInvoices: "status",
        cancel: "effective_from",
        reactivate: "scheduled_change",
        invoicePdf: "disposition",
        listSubscriptions: "status",
      },
      read: {
        subscription: (simulator, id) => {
          const subscription = simulator.subscription(id);
          return subscription ? subscriptionState(subscription) : undefined;
        },
        address: (simulator, query) => {
          if (query.kind === "shipping") return undefined;
          const customer = simulator.customer(query.customerId);
          const subscription = query.subscriptionId ? simulator.subscription(query.subscriptionId) : undefined;
          const all = simulator.addresses(query.customerId);
          const address = subscription
            ? all.find((a) => a.id === subscription.address_id)
            : all.find((a) => a.status === "active");
          if (!customer || !address) return undefined;
          const out: Address = {};
          const set = (key: keyof Address, value: string | null | undefined) => {
            if (value) out[key] = value;
          };
          set("line1", address.first_line);
          set("line2", address.second_line);
          set("city", address.city);
          set("state", address.region);
          set("postalCode", address.postal_code);
          set("country", address.country_code);
          set("email", customer.email);
          const [first, ...rest] = (customer.name ?? "").trim().split(" ");
          set("firstName", first);
          set("lastName", rest.join(" "));
          return out;
        },
        paymentMethod: (simulator, customerId) => {
          const [newest] = simulator.paymentMethods(customerId);
          if (!newest?.card) return newest ? { type: newest.type === "paypal" ? "paypal" : "other" } : undefined;
          const { type, last4, expiry_month, expiry_year } = newest.card;
          return { type: "card", brand: type, last4, expMonth: expiry_month, expYear: expiry_year };
        },
      },
      deleteCustomer: (simulator, customerId) => simulator.archiveCustomer(customerId),
      secrets: (simulator) => [simulator.apiKey, webhookSecretOf(simulator)],
      secretLifetime: {
        redact: redactSecrets,
        secrets: [OWNED_API_KEY, OWNED_WEBHOOK_SECRET],
        build: () => createPaddleProvider({ apiKey: OWNED_API_KEY, webhookSecret: OWNED_WEBHOOK_SECRET }),
      },
      webhooks: {
        attach: (simulator, target) =>
          simulator.setWebhookDestination({ ...target, secret: webhookSecretOf(simulator) }),
        outbox: (simulator) => simulator.webhooks,
      },
    },
    options,
  );
}
