import {
  createSimulator,
  createSortedCollection,
  type LoopbackServer,
  type ServeOptions,
  type SortedCollection,
  serveOnLoopback,
  type VendorSimulator,
  type World,
} from "@portalkit/core/testing";
import type Stripe from "stripe";
import { customerRoutes } from "./resources/customers";
import { compareInvoiceKeys, type InvoiceKey, invoiceCustomer, invoiceRoutes } from "./resources/invoices";
import { portalSessionRoutes } from "./resources/portal-sessions";
import {
  compareSubscriptionKeys,
  type SubscriptionKey,
  subscriptionCustomer,
  subscriptionRoutes,
} from "./resources/subscriptions";
import { customerFromWorld, invoiceFromWorld, paymentMethodFromWorld, subscriptionFromWorld } from "./seed";
import { invalidParameter, parameterUnknown, stripeError, stripeId, stripeStatusError } from "./wire";

export const STRIPE_API_ORIGIN = "https://api.stripe.com";

export interface StripeSimulatorOptions {
  /** The secret key requests must carry as `Authorization: Bearer …`. Default: a fresh random test key. */
  secretKey?: string;
  /** Unix seconds; injected in tests that need a fixed clock. */
  now?: () => number;
}

/** The simulator's records, shared by its resources. */
export interface StripeStore {
  now(): number;
  readonly customers: Map<string, Stripe.Customer>;
  /** Ids of deleted customers: Stripe still answers them, as `{ id, object, deleted: true }`. */
  readonly deletedCustomers: Set<string>;
  readonly paymentMethods: Map<string, Stripe.PaymentMethod>;
  readonly subscriptions: SortedCollection<Stripe.Subscription, SubscriptionKey>;
  readonly invoices: SortedCollection<Stripe.Invoice, InvoiceKey>;
  readonly sessions: Map<string, Stripe.BillingPortal.Session>;
}

/** A stateful, in-memory Stripe API for the endpoints portalkit uses, in Stripe's wire format. */
export interface StripeSimulator extends VendorSimulator<World> {
  readonly secretKey: string;
  /** Loads a provider-neutral World as Stripe objects. Invoices in `pending` (not a Stripe status) are skipped. */
  seed(world: World): void;
  putCustomer(customer: Stripe.Customer): void;
  putSubscription(subscription: Stripe.Subscription): void;
  putInvoice(invoice: Stripe.Invoice): void;
  putPaymentMethod(method: Stripe.PaymentMethod): void;
  /** Deletes a customer as `DELETE /v1/customers/:id` does. */
  deleteCustomer(id: string): void;
  customer(id: string): Stripe.Customer | undefined;
  paymentMethod(id: string): Stripe.PaymentMethod | undefined;
  /** Subscriptions, newest first; listen to `onChange` for every change. */
  readonly subscriptions: SortedCollection<Stripe.Subscription, SubscriptionKey>;
  subscription(id: string): Stripe.Subscription | undefined;
  invoice(id: string): Stripe.Invoice | undefined;
  session(id: string): Stripe.BillingPortal.Session | undefined;
  readonly sessions: readonly Stripe.BillingPortal.Session[];
  /** Invoices, newest first; listen to `onChange` for every change. */
  readonly invoices: SortedCollection<Stripe.Invoice, InvoiceKey>;
}

function randomTestKey(): string {
  return `sk_test_${stripeId("sim").slice(4)}${stripeId("k").slice(2)}`;
}

/** Stripe shows only a wrong key's prefix and last four characters. */
function maskKey(given: string): string {
  return `${given.slice(0, given.indexOf("_", 3) + 1)}${"*".repeat(Math.max(0, given.length - 12))}${given.slice(-4)}`;
}

export function createStripeSimulator(options: StripeSimulatorOptions = {}): StripeSimulator {
  const secretKey = options.secretKey ?? randomTestKey();
  const store: StripeStore = {
    now: options.now ?? (() => Math.floor(Date.now() / 1000)),
    customers: new Map(),
    deletedCustomers: new Set(),
    paymentMethods: new Map(),
    subscriptions: createSortedCollection<Stripe.Subscription, SubscriptionKey>({
      id: (subscription) => subscription.id,
      key: (subscription, seq) => ({ created: subscription.created, seq, id: subscription.id }),
      compare: compareSubscriptionKeys,
      partitions: { customer: subscriptionCustomer },
    }),
    invoices: createSortedCollection<Stripe.Invoice, InvoiceKey>({
      id: (invoice) => invoice.id,
      key: (invoice, seq) => ({ created: invoice.created, seq, id: invoice.id }),
      compare: compareInvoiceKeys,
      partitions: { customer: invoiceCustomer },
    }),
    sessions: new Map(),
  };

  const sim = createSimulator({
    auth: { scheme: "bearer", token: secretKey },
    idempotencyHeader: "idempotency-key",
    routes: [
      ...portalSessionRoutes(store),
      ...invoiceRoutes(store),
      ...subscriptionRoutes(store),
      ...customerRoutes(store),
    ],
    errors: {
      status: stripeStatusError,
      unauthenticated: (given) =>
        stripeError(401, {
          type: "invalid_request_error",
          message:
            given === undefined
              ? "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
              : `Invalid API Key provided: ${maskKey(given)}`,
        }),
      unknownParam: parameterUnknown,
      invalidParam: (param) => invalidParameter(param, `Invalid value for ${param}.`, "parameter_invalid_string"),
      noRoute: ({ method, path }) =>
        stripeError(404, {
          type: "invalid_request_error",
          message: `Unrecognized request URL (${method}: ${path}). Please see https://docs.stripe.com or we can help at https://support.stripe.com/.`,
        }),
    },
  });

  return {
    ...sim,
    get requests() {
      return sim.requests;
    },
    get pendingFaults() {
      return sim.pendingFaults;
    },
    secretKey,
    seed(world) {
      for (const customer of world.customers) {
        store.customers.set(customer.id, customerFromWorld(customer, store.now()));
        const method = paymentMethodFromWorld(customer, store.now());
        if (method) store.paymentMethods.set(method.id, method);
      }
      for (const subscription of world.subscriptions) store.subscriptions.put(subscriptionFromWorld(subscription));
      for (const invoice of world.invoices) {
        if (invoice.status !== "pending") store.invoices.put(invoiceFromWorld(invoice));
      }
    },
    reset() {
      store.customers.clear();
      store.deletedCustomers.clear();
      store.paymentMethods.clear();
      store.subscriptions.clear();
      store.invoices.clear();
      store.sessions.clear();
    },
    putCustomer: (customer) => void store.customers.set(customer.id, structuredClone(customer)),
    putSubscription: (subscription) => store.subscriptions.put(structuredClone(subscription)),
    putPaymentMethod: (method) => void store.paymentMethods.set(method.id, structuredClone(method)),
    deleteCustomer(id) {
      if (store.customers.delete(id)) store.deletedCustomers.add(id);
    },
    paymentMethod: (id) => store.paymentMethods.get(id),
    putInvoice: (invoice) => store.invoices.put(structuredClone(invoice)),
    customer: (id) => store.customers.get(id),
    subscription: (id) => store.subscriptions.get(id),
    invoice: (id) => store.invoices.get(id),
    session: (id) => store.sessions.get(id),
    get sessions() {
      return [...store.sessions.values()];
    },
    invoices: store.invoices,
    subscriptions: store.subscriptions,
  };
}

/**
 * Serves the simulator over node:http on loopback; point the adapter at it with
 * `apiBase: server.url`, or the SDK with `{ host: "127.0.0.1", port: server.port, protocol: "http" }`.
 */
export function serveStripeSimulator(simulator: StripeSimulator, options?: ServeOptions): Promise<LoopbackServer> {
  return serveOnLoopback((request) => simulator.handle(request), options);
}
