import { randomBytes } from "node:crypto";
import {
  type ConformanceHarness,
  defineHarness,
  type HarnessTransportOptions,
  type SecretLifetime,
  type SimSubscriptionState,
  type VendorCalls,
} from "@portalkit/conformance";
import { type Address, type PortalProvider, type RetryOptions, redactSecrets } from "@portalkit/core";
import type Stripe from "stripe";
import { createStripeProvider } from "../provider";
import { createStripeSimulator, STRIPE_API_ORIGIN, type StripeSimulator } from "./simulator";

export type StripeHarnessOptions = HarnessTransportOptions;

/** How a provider under test reaches the simulator. */
export interface StripeSimulatorConnection {
  secretKey: string;
  /** Undefined when the simulator is served at Stripe's own origin. */
  apiBase?: string;
  retry: Required<RetryOptions>;
  timeoutMs: number;
  simulator: StripeSimulator;
  /** The signing secret of the endpoint the simulator delivers webhooks to. */
  webhookSecret: string;
}

export interface StripeBackedHarnessOptions extends StripeHarnessOptions {
  name: string;
  build(connection: StripeSimulatorConnection): PortalProvider;
  /** Where the provider's requests differ from the Stripe adapter's. */
  calls?: Partial<VendorCalls>;
  /** Credentials besides the Stripe key that must never appear in an answer or error. */
  secrets?: readonly string[];
  /**
   * Whether `createSession` answers with a Stripe billing portal session, whose record the
   * harness can read back (default true; a signed embed has none).
   */
  portalSessions?: boolean;
  secretLifetime?: SecretLifetime;
}

const SUBSCRIPTION_PATH = /^\/v1\/subscriptions\/[^/]+$/;
const STRIPE_CALLS: VendorCalls = {
  createSession: [{ method: "POST", path: "/v1/billing_portal/sessions" }],
  paymentMethodLaunch: [{ method: "POST", path: "/v1/billing_portal/sessions" }],
  listInvoices: [{ method: "GET", path: "/v1/invoices" }],
  getSubscription: [{ method: "GET", path: SUBSCRIPTION_PATH }],
  // The mutation, not the read that precedes it: `now` is a DELETE, `period_end` a POST.
  cancel: [
    { method: "DELETE", path: SUBSCRIPTION_PATH },
    { method: "POST", path: SUBSCRIPTION_PATH },
  ],
  reactivate: [{ method: "POST", path: SUBSCRIPTION_PATH }],
  invoicePdf: [{ method: "GET", path: /^\/v1\/invoices\/[^/]+$/ }],
  updateAddress: [{ method: "POST", path: /^\/v1\/customers\/[^/]+$/ }],
  logout: [],
  parseWebhook: [],
  getCustomer: [{ method: "GET", path: /^\/v1\/customers\/[^/]+$/ }],
  listSubscriptions: [{ method: "GET", path: "/v1/subscriptions" }],
};

/** A webhook signing secret per simulator, as Stripe makes one per endpoint. */
const webhookSecrets = new WeakMap<StripeSimulator, string>();

function webhookSecretOf(simulator: StripeSimulator): string {
  const secret = webhookSecrets.get(simulator);
  if (secret === undefined) throw new Error("the simulator has no webhook endpoint");
  return secret;
}

function iso(seconds: number | null | undefined): string | undefined {
  return seconds === null || seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();
}

/** The simulator's own record, read without the adapter's code. */
function subscriptionState(subscription: Stripe.Subscription): SimSubscriptionState {
  const customerId = typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id;
  const state: SimSubscriptionState = { id: subscription.id, customerId, status: "active" };
  if (subscription.status === "canceled" || subscription.status === "incomplete_expired") {
    state.status = "canceled";
    const ended = iso(subscription.ended_at ?? subscription.canceled_at);
    if (ended) state.canceledAt = ended;
    return state;
  }
  if (subscription.cancel_at_period_end || subscription.cancel_at !== null) {
    state.status = "cancel_scheduled";
    const periodEnd = Math.max(...subscription.items.data.map((item) => item.current_period_end));
    const at = iso(subscription.cancel_at ?? periodEnd);
    if (at) state.cancelAt = at;
    return state;
  }
  const plain: Record<string, SimSubscriptionState["status"]> = {
    trialing: "trialing",
    active: "active",
    past_due: "past_due",
    unpaid: "past_due",
    paused: "paused",
    incomplete: "incomplete",
  };
  state.status = plain[subscription.status] ?? "active";
  return state;
}

function addressFrom(parts: {
  address?: Stripe.Address | null;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  company?: string | null;
}): Address | undefined {
  const out: Address = {};
  const name = parts.name?.trim();
  if (name) {
    const [first, ...rest] = name.split(" ");
    if (first) out.firstName = first;
    if (rest.length > 0) out.lastName = rest.join(" ");
  }
  const set = (key: keyof Address, value: string | null | undefined) => {
    if (value) out[key] = value;
  };
  set("company", parts.company);
  set("email", parts.email);
  set("phone", parts.phone);
  set("line1", parts.address?.line1);
  set("line2", parts.address?.line2);
  set("city", parts.address?.city);
  set("state", parts.address?.state);
  set("postalCode", parts.address?.postal_code);
  set("country", parts.address?.country);
  return Object.keys(out).length === 0 ? undefined : out;
}

/**
 * A conformance harness for any provider that talks to Stripe's API: a fresh simulator per
 * setup, and the provider `build` makes against it.
 */
export function createStripeBackedHarness(options: StripeBackedHarnessOptions): ConformanceHarness {
  return defineHarness(
    {
      name: options.name,
      manifest: {
        invoiceStatuses: ["draft", "open", "paid", "void", "uncollectible"],
        sessionExpiry: false,
        webhookTimestamps: true,
      },
      simulator: (clock) => {
        const simulator = createStripeSimulator({ now: () => Math.floor(clock.now() / 1000) });
        webhookSecrets.set(simulator, `whsec_${randomBytes(24).toString("hex")}`);
        return simulator;
      },
      origin: () => STRIPE_API_ORIGIN,
      provider: ({ simulator, setup, baseUrl }) =>
        options.build({
          secretKey: simulator.secretKey,
          retry: setup.retry,
          timeoutMs: setup.timeoutMs,
          simulator,
          webhookSecret: webhookSecretOf(simulator),
          ...(baseUrl !== undefined ? { apiBase: baseUrl } : {}),
        }),
      calls: { ...STRIPE_CALLS, ...options.calls },
      paramErrors: {
        createSession: "return_url",
        paymentMethodLaunch: "flow_data[type]",
        listInvoices: "status",
        getSubscription: "expand[0]",
        cancel: "cancellation_details[comment]",
        reactivate: "cancel_at_period_end",
        invoicePdf: "expand[0]",
        updateAddress: "address[postal_code]",
        getCustomer: "expand[0]",
        listSubscriptions: "starting_after",
      },
      read: {
        subscription: (simulator, id) => {
          const subscription = simulator.subscription(id);
          return subscription ? subscriptionState(subscription) : undefined;
        },
        address: (simulator, query) => {
          const customer = simulator.customer(query.customerId);
          if (!customer) return undefined;
          if (query.kind === "shipping") {
            const { shipping } = customer;
            return shipping
              ? addressFrom({ address: shipping.address, name: shipping.name, phone: shipping.phone })
              : undefined;
          }
          return addressFrom({
            address: customer.address,
            name: customer.name,
            phone: customer.phone,
            email: customer.email,
            company: customer.business_name,
          });
        },
        cancelReason: (simulator, id) => simulator.subscription(id)?.cancellation_details?.comment ?? undefined,
        paymentMethod: (simulator, customerId) => {
          const id = simulator.customer(customerId)?.invoice_settings.default_payment_method;
          const method = typeof id === "string" ? simulator.paymentMethod(id) : undefined;
          if (!method?.card) return method ? { type: "other" } : undefined;
          const { brand, last4, exp_month, exp_year } = method.card;
          return { type: "card", brand, last4, expMonth: exp_month, expYear: exp_year };
        },
        ...(options.portalSessions === false
          ? {}
          : {
              portalSession: (simulator: StripeSimulator, id: string) => {
                const session = simulator.session(id);
                if (!session) return undefined;
                return session.return_url ? { returnUrl: session.return_url } : {};
              },
            }),
      },
      deleteCustomer: (simulator, customerId) => simulator.deleteCustomer(customerId),
      secrets: (simulator) => [simulator.secretKey, webhookSecretOf(simulator), ...(options.secrets ?? [])],
      webhooks: {
        attach: (simulator, target) => simulator.setWebhookEndpoint({ ...target, secret: webhookSecretOf(simulator) }),
        outbox: (simulator) => simulator.webhooks,
      },
      ...(options.secretLifetime ? { secretLifetime: options.secretLifetime } : {}),
    },
    options,
  );
}

// Shaped like no credential, so that only their registration redacts them.
const OWNED_SECRET_KEY = "stripe-owned-key-Q7w8E9r0T1y2";
const OWNED_WEBHOOK_SECRET = "stripe-owned-hook-secret-U3i4O5";

/** The conformance harness for `@portalkit/stripe` (the CLI's `portalkit conformance` loads it). */
export function createStripeHarness(options: StripeHarnessOptions = {}): ConformanceHarness {
  return createStripeBackedHarness({
    ...options,
    name: "stripe",
    secretLifetime: {
      redact: redactSecrets,
      secrets: [OWNED_SECRET_KEY, OWNED_WEBHOOK_SECRET],
      build: () =>
        createStripeProvider({
          secretKey: OWNED_SECRET_KEY,
          webhookSecret: OWNED_WEBHOOK_SECRET,
          returnUrl: "https://app.example.com/account",
        }),
    },
    build: (connection) =>
      createStripeProvider({
        secretKey: connection.secretKey,
        returnUrl: "https://app.example.com/account",
        retry: connection.retry,
        timeoutMs: connection.timeoutMs,
        webhookSecret: connection.webhookSecret,
        ...(connection.apiBase !== undefined ? { apiBase: connection.apiBase } : {}),
      }),
  });
}

/** The harness the Stripe adapter's own test runs (over MSW). */
export const stripeHarness: ConformanceHarness = createStripeHarness();
