import type {
  ConformanceHarness,
  HarnessContext,
  HarnessFaultRule,
  HarnessOperation,
  SimSubscriptionState,
} from "@portalkit/conformance";
import type { Address, PortalProvider, RetryOptions } from "@portalkit/core";
import type { FaultRule, FetchHandler } from "@portalkit/core/testing";
import type Stripe from "stripe";
import { createStripeProvider } from "../provider";
import { createStripeSimulator, STRIPE_API_ORIGIN, type StripeSimulator, serveStripeSimulator } from "./simulator";

/** Mounts a handler at an origin inside this process, returning an unmount function (as `mountOnMsw` does). */
export type MountSimulator = (origin: string, handler: FetchHandler) => () => void;

export interface StripeHarnessOptions {
  /** Serve the simulator through this mount (e.g. `mountOnMsw`); default: a loopback node:http server. */
  mount?: MountSimulator;
}

/** How a provider under test reaches the simulator. */
export interface StripeSimulatorConnection {
  secretKey: string;
  /** Undefined when the simulator is mounted at Stripe's own origin. */
  apiBase?: string;
  retry: Required<RetryOptions>;
  timeoutMs: number;
  simulator: StripeSimulator;
}

/** The Stripe requests a fault aimed at an operation applies to. */
export type FaultTargets = Record<HarnessOperation, Array<Pick<FaultRule, "method" | "path">>>;

export interface StripeBackedHarnessOptions extends StripeHarnessOptions {
  name: string;
  build(connection: StripeSimulatorConnection): PortalProvider;
  /** Where the provider's requests differ from the Stripe adapter's. */
  faultTargets?: Partial<FaultTargets>;
  /** Credentials besides the Stripe key that must never appear in an answer or error. */
  secrets?: readonly string[];
}

/** The parameter each operation's request is refused over by `injectParamError`, in Stripe's form. */
const PARAM_ERRORS: Partial<Record<HarnessOperation, string>> = {
  createSession: "return_url",
  paymentMethodLaunch: "flow_data[type]",
  listInvoices: "status",
  getSubscription: "expand[0]",
  cancel: "cancellation_details[comment]",
  reactivate: "cancel_at_period_end",
  invoicePdf: "expand[0]",
  updateAddress: "address[postal_code]",
};

const SUBSCRIPTION_PATH = /^\/v1\/subscriptions\/[^/]+$/;
const STRIPE_FAULT_TARGETS: FaultTargets = {
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
};

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
 * setup, served on loopback (or through `mount`), and the provider `build` makes against it.
 */
export function createStripeBackedHarness(options: StripeBackedHarnessOptions): ConformanceHarness {
  const faultTargets: FaultTargets = { ...STRIPE_FAULT_TARGETS, ...options.faultTargets };
  return {
    name: options.name,
    invoiceStatuses: ["draft", "open", "paid", "void", "uncollectible"],
    sessionExpiry: false,
    async setup(setup): Promise<HarnessContext> {
      const simulator = createStripeSimulator();
      let apiBase: string | undefined;
      let release: () => Promise<void>;
      if (options.mount) {
        const unmount = options.mount(STRIPE_API_ORIGIN, (request) => simulator.handle(request));
        release = async () => unmount();
      } else {
        const server = await serveStripeSimulator(simulator);
        apiBase = server.url;
        release = () => server.close();
      }
      const connection: StripeSimulatorConnection = {
        secretKey: simulator.secretKey,
        retry: setup.retry,
        timeoutMs: setup.timeoutMs,
        simulator,
      };
      if (apiBase !== undefined) connection.apiBase = apiBase;
      const provider = options.build(connection);
      return {
        provider,
        async seed(world) {
          simulator.seed(world);
        },
        async readSubscription(id) {
          const subscription = simulator.subscription(id);
          return subscription ? subscriptionState(subscription) : undefined;
        },
        async readAddress(query) {
          const customer = simulator.customer(query.customerId);
          if (!customer) return undefined;
          if (query.kind === "shipping") {
            return customer.shipping
              ? addressFrom({
                  address: customer.shipping.address,
                  name: customer.shipping.name,
                  phone: customer.shipping.phone,
                })
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
        get requests() {
          return simulator.requests;
        },
        clearRequests: () => simulator.clearRequests(),
        secrets: [simulator.secretKey, ...(options.secrets ?? [])],
        injectParamError(operation) {
          const param = PARAM_ERRORS[operation];
          const targets = faultTargets[operation];
          if (param === undefined || targets.length === 0) {
            throw new Error(`${options.name} makes no request for ${operation}`);
          }
          // One refusal, taken by whichever of the operation's requests comes first.
          const methods = targets.map((t) => t.method).filter((m): m is string => m !== undefined);
          const path = targets[0]?.path;
          simulator.injectParamError({
            param,
            ...(methods.length > 0 ? { method: methods } : {}),
            ...(path !== undefined ? { path } : {}),
          });
          return { field: param.replace(/\[\]/g, "").replace(/\[([^\]]*)\]/g, ".$1") };
        },
        inject(rule: HarnessFaultRule) {
          const { operation, ...rest } = rule;
          if (operation === undefined) {
            simulator.inject(rest);
            return;
          }
          const targets = faultTargets[operation];
          if (targets.length === 0) throw new Error(`${options.name} makes no request for ${operation}`);
          for (const target of targets) simulator.inject({ ...rest, ...target });
        },
        close: release,
      };
    },
  };
}

/** The conformance harness for `@portalkit/stripe` (the CLI's `portalkit conformance` loads it). */
export function createStripeHarness(options: StripeHarnessOptions = {}): ConformanceHarness {
  return createStripeBackedHarness({
    ...options,
    name: "stripe",
    build: (connection) =>
      createStripeProvider({
        secretKey: connection.secretKey,
        returnUrl: "https://app.example.com/account",
        retry: connection.retry,
        timeoutMs: connection.timeoutMs,
        ...(connection.apiBase !== undefined ? { apiBase: connection.apiBase } : {}),
      }),
  });
}
