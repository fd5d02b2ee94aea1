import {
  createNewestFirstCollection,
  createSimulator,
  createWebhookFeed,
  extendSimulator,
  type LoopbackServer,
  type NewestFirstKey,
  type ObservedCollection,
  ObservedMap,
  observeCollection,
  type ServeOptions,
  type Simulator,
  type SortedCollection,
  serveOnLoopback,
  type VendorSimulator,
  type WebhookOutbox,
  type WebhookTarget,
  type World,
} from "@portalkit/core/testing";
import type Stripe from "stripe";
import { customerEvent, invoiceEvent, type StripeWireEvent, signStripeWebhook, subscriptionEvent } from "./events";
import { customerRoutes } from "./resources/customers";
import { eventRoutes } from "./resources/events";
import { invoiceCustomer, invoiceRoutes } from "./resources/invoices";
import { portalSessionRoutes } from "./resources/portal-sessions";
import { hasEnded, subscriptionCustomer, subscriptionRoutes, update } from "./resources/subscriptions";
import { wireCustomer, wireInvoice, wirePaymentMethod, wireSubscription } from "./seed";
import { invalidParameter, parameterUnknown, stripeError, stripeId, stripeStatusError } from "./wire";

export const STRIPE_API_ORIGIN = "https://api.stripe.com";

export interface StripeSimulatorOptions {
  /** The secret key requests must carry as `Authorization: Bearer …`. Default: a fresh random test key. */
  secretKey?: string;
  /** Unix seconds; injected in tests that need a fixed clock. */
  now?: () => number;
  /**
   * A webhook endpoint: every change (made through the API or on the simulated portal) is
   * POSTed to `url` as Stripe sends it, signed with `secret` in `Stripe-Signature`.
   */
  webhooks?: StripeWebhookEndpoint;
}

/** Where Stripe delivers events, and the endpoint's signing secret (`whsec_…`). */
export interface StripeWebhookEndpoint extends WebhookTarget {
  secret: string;
}

/** The simulator's records, shared by its resources. */
export interface StripeStore {
  now(): number;
  readonly customers: ObservedMap<Stripe.Customer>;
  /** Ids of deleted customers: Stripe still answers them, as `{ id, object, deleted: true }`. */
  readonly deletedCustomers: Set<string>;
  readonly paymentMethods: Map<string, Stripe.PaymentMethod>;
  readonly subscriptions: ObservedCollection<Stripe.Subscription, NewestFirstKey>;
  readonly invoices: SortedCollection<Stripe.Invoice, NewestFirstKey>;
  readonly sessions: Map<string, Stripe.BillingPortal.Session>;
  /** Every event, by id (`GET /v1/events/:id`). */
  readonly events: Map<string, StripeWireEvent>;
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
  readonly subscriptions: SortedCollection<Stripe.Subscription, NewestFirstKey>;
  subscription(id: string): Stripe.Subscription | undefined;
  invoice(id: string): Stripe.Invoice | undefined;
  session(id: string): Stripe.BillingPortal.Session | undefined;
  readonly sessions: readonly Stripe.BillingPortal.Session[];
  /** Invoices, newest first; listen to `onChange` for every change. */
  readonly invoices: SortedCollection<Stripe.Invoice, NewestFirstKey>;
  /** Every event the simulator made, oldest first. */
  readonly events: readonly StripeWireEvent[];
  /** Webhook delivery: set `webhooks.target`, inject faults, read `deliveries`, await `settled()`. */
  readonly webhooks: WebhookOutbox<StripeWireEvent>;
  /** Sets (or, with undefined, stops) the webhook endpoint. */
  setWebhookEndpoint(endpoint: StripeWebhookEndpoint | undefined): void;
  /**
   * What the customer does on the hosted portal's cancel page: the subscription ends at the
   * period end (the portal's default). Undefined when it is unknown or has ended.
   */
  cancelFromPortal(subscriptionId: string): Stripe.Subscription | undefined;
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
  const feed = createWebhookFeed<StripeWireEvent, StripeWebhookEndpoint>({
    id: (event) => event.id,
    sign: (event, endpoint, signing) => signStripeWebhook(endpoint.secret, JSON.stringify(event, null, 2), signing),
    ...(options.webhooks ? { endpoint: options.webhooks } : {}),
  });
  const store: StripeStore = {
    now: options.now ?? (() => Math.floor(Date.now() / 1000)),
    customers: new ObservedMap(),
    deletedCustomers: new Set(),
    paymentMethods: new Map(),
    subscriptions: observeCollection(
      createNewestFirstCollection<Stripe.Subscription>({
        id: (subscription) => subscription.id,
        at: (subscription) => subscription.created,
        creationOrder: true,
        partitions: { customer: subscriptionCustomer },
      }),
      (subscription) => subscription.id,
    ),
    invoices: createNewestFirstCollection<Stripe.Invoice>({
      id: (invoice) => invoice.id,
      at: (invoice) => invoice.created,
      creationOrder: true,
      partitions: { customer: invoiceCustomer },
    }),
    sessions: new Map(),
    events: feed.events,
  };

  const publish = feed.publish;
  store.subscriptions.onChange((change) => publish(subscriptionEvent(change, store.now())));
  store.customers.onChange((change) => publish(customerEvent(change, store.now())));
  store.invoices.onChange((change) => publish(invoiceEvent(change, store.now())));
  const commit = () => {
    store.subscriptions.commit();
    store.customers.commit();
  };

  const sim = createSimulator({
    auth: { scheme: "bearer", token: secretKey },
    idempotencyHeader: "idempotency-key",
    routes: [
      ...portalSessionRoutes(store),
      ...invoiceRoutes(store),
      ...subscriptionRoutes(store),
      ...customerRoutes(store),
      ...eventRoutes(store),
    ],
    after: commit,
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

  return extendSimulator<Omit<StripeSimulator, keyof Simulator>>(sim, {
    secretKey,
    // Loading a world is not a change the account's endpoints hear about.
    seed: (world) => feed.quietly(() => seedWorld(world)),
    reset() {
      store.customers.clear();
      store.deletedCustomers.clear();
      store.paymentMethods.clear();
      store.subscriptions.clear();
      store.invoices.clear();
      store.sessions.clear();
      store.events.clear();
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
    get events() {
      return [...store.events.values()];
    },
    webhooks: feed.outbox,
    setWebhookEndpoint: feed.setEndpoint,
    cancelFromPortal(subscriptionId) {
      const subscription = store.subscriptions.get(subscriptionId);
      if (!subscription || hasEnded(subscription)) return undefined;
      update(store, subscription, { cancel_at_period_end: "true" });
      commit();
      return subscription;
    },
    subscriptions: store.subscriptions,
  });

  function seedWorld(world: World): void {
    for (const customer of world.customers) {
      store.customers.set(customer.id, wireCustomer(customer, store.now()));
      const method = wirePaymentMethod(customer, store.now());
      if (method) store.paymentMethods.set(method.id, method);
    }
    for (const subscription of world.subscriptions) store.subscriptions.put(wireSubscription(subscription));
    for (const invoice of world.invoices) {
      if (invoice.status !== "pending") store.invoices.put(wireInvoice(invoice));
    }
  }
}

/**
 * Serves the simulator over node:http on loopback; point the adapter at it with
 * `apiBase: server.url`, or the SDK with `{ host: "127.0.0.1", port: server.port, protocol: "http" }`.
 */
export function serveStripeSimulator(simulator: StripeSimulator, options?: ServeOptions): Promise<LoopbackServer> {
  return serveOnLoopback((request) => simulator.handle(request), options);
}
