import type {
  IAddressResponse,
  ICustomerPortalSessionResponse,
  ICustomerResponse,
  IPaymentMethodResponse,
  ISubscriptionResponse,
  ITransactionResponse,
} from "@paddle/paddle-node-sdk";
import {
  createSimulator,
  createSortedCollection,
  createWebhookOutbox,
  type LoopbackServer,
  type ServeOptions,
  type SortedCollection,
  serveOnLoopback,
  type VendorSimulator,
  type WebhookOutbox,
  type World,
} from "@portalkit/core/testing";
import { customerRoutes } from "./resources/customers";
import { portalSessionRoutes } from "./resources/portal-sessions";
import { scheduleCancel, subscriptionRoutes } from "./resources/subscriptions";
import { transactionRoutes } from "./resources/transactions";
import {
  addressFromWorld,
  customerFromWorld,
  paymentMethodFromWorld,
  subscriptionFromWorld,
  transactionFromWorld,
} from "./seed";
import { notification, type PaddleNotification, type PaddleWebhookDestination, signNotification } from "./webhooks";
import { authenticationError, invalidField, paddleError, paddleId, paddleStatusError } from "./wire";

/** Where the SDK sends `environment: "sandbox"` requests: MSW serves the simulator there. */
export const PADDLE_SANDBOX_ORIGIN = "https://sandbox-api.paddle.com";

export interface PaddleSimulatorOptions {
  /** The API key requests must carry as a Bearer token. Default: a fresh random sandbox key. */
  apiKey?: string;
  /** Milliseconds since the epoch; injected in tests that need a fixed clock. */
  now?: () => number;
  /** A notification destination: every change is delivered there, signed with its secret. */
  webhooks?: PaddleWebhookDestination;
}

/** Newest first, as Paddle's default `order_by=id[DESC]` (Paddle ids sort by creation time). */
interface Key {
  created: string;
  id: string;
}
const newestFirst = (a: Key, b: Key) =>
  a.created === b.created ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.created < b.created ? 1 : -1;

function collection<T extends { id: string }>(customer: (item: T) => string | undefined, created: (item: T) => string) {
  return createSortedCollection<T, Key>({
    id: (item) => item.id,
    key: (item) => ({ created: created(item), id: item.id }),
    compare: newestFirst,
    partitions: { customer },
  });
}

/** The simulator's records, shared by its resources. */
export interface PaddleStore {
  now(): number;
  readonly portalId: string;
  readonly customers: Map<string, ICustomerResponse>;
  readonly addresses: SortedCollection<IAddressResponse, Key>;
  readonly subscriptions: SortedCollection<ISubscriptionResponse, Key>;
  readonly transactions: SortedCollection<ITransactionResponse, Key>;
  /** Saved payment methods, newest first. */
  readonly paymentMethods: SortedCollection<IPaymentMethodResponse, Key>;
  readonly sessions: Map<string, ICustomerPortalSessionResponse>;
  /** A subscription changed in place: kept in order and notified. */
  changed(subscription: ISubscriptionResponse, eventType: string): void;
  emit(eventType: string, data: unknown): void;
}

/** A stateful, in-memory Paddle Billing API for the endpoints portalkit uses, in Paddle's wire format. */
export interface PaddleSimulator extends VendorSimulator<World> {
  readonly apiKey: string;
  /** Loads a provider-neutral World as Paddle objects (`pending` invoices are skipped). */
  seed(world: World): void;
  customer(id: string): ICustomerResponse | undefined;
  /** Archives a customer, as Paddle does instead of deleting one. */
  archiveCustomer(id: string): void;
  addresses(customerId: string): IAddressResponse[];
  /** The customer's saved payment methods, newest first. */
  paymentMethods(customerId: string): IPaymentMethodResponse[];
  subscription(id: string): ISubscriptionResponse | undefined;
  /** Subscriptions, newest first. */
  readonly subscriptions: SortedCollection<ISubscriptionResponse, Key>;
  transaction(id: string): ITransactionResponse | undefined;
  readonly sessions: readonly ICustomerPortalSessionResponse[];
  readonly transactions: SortedCollection<ITransactionResponse, Key>;
  /** Every notification made, oldest first. */
  readonly notifications: readonly PaddleNotification[];
  /** Notification delivery: set `webhooks.target`, inject faults, read `deliveries`, await `settled()`. */
  readonly webhooks: WebhookOutbox<PaddleNotification>;
  /** Sets (or, with undefined, stops) the notification destination. */
  setWebhookDestination(destination: PaddleWebhookDestination | undefined): void;
  /**
   * What the customer does on the portal's cancel link: the subscription ends at the end of
   * its billing period. Undefined when it is unknown, has ended or is already to end.
   */
  cancelFromPortal(subscriptionId: string): ISubscriptionResponse | undefined;
}

export function createPaddleSimulator(options: PaddleSimulatorOptions = {}): PaddleSimulator {
  const apiKey = options.apiKey ?? `pdl_sdbx_apikey_${paddleId("k").slice(2)}`;
  const sent: PaddleNotification[] = [];
  const now = options.now ?? Date.now;
  let destination = options.webhooks;
  const webhooks = createWebhookOutbox<PaddleNotification>({
    id: (event) => event.event_id,
    sign: (event, signing) => {
      if (!destination) throw new Error("no notification destination");
      return signNotification(destination.secret, event, signing);
    },
  });
  const setWebhookDestination = (next: PaddleWebhookDestination | undefined) => {
    destination = next;
    webhooks.target = next;
  };
  setWebhookDestination(destination);
  const store: PaddleStore = {
    now,
    portalId: paddleId("cpl"),
    customers: new Map(),
    addresses: collection<IAddressResponse>(
      (address) => address.customer_id,
      (address) => address.created_at,
    ),
    subscriptions: collection<ISubscriptionResponse>(
      (subscription) => subscription.customer_id,
      (subscription) => subscription.created_at,
    ),
    transactions: collection<ITransactionResponse>(
      (transaction) => transaction.customer_id ?? undefined,
      (transaction) => transaction.created_at,
    ),
    paymentMethods: collection<IPaymentMethodResponse>(
      (method) => method.customer_id,
      (method) => method.saved_at,
    ),
    sessions: new Map(),
    changed(subscription, eventType) {
      store.subscriptions.put(subscription);
      store.emit(eventType, subscription);
    },
    emit(eventType, data) {
      const event = notification(eventType, data, new Date(now()).toISOString());
      sent.push(event);
      webhooks.emit(event);
    },
  };

  const sim = createSimulator({
    // Paddle has no idempotency keys: no client sends this header, so nothing is replayed.
    idempotencyHeader: "x-paddle-has-no-idempotency-keys",
    // Paddle's SDK sends `bearer <key>`: auth schemes are case-insensitive, so the check is here.
    before: (request) => {
      const found = /^bearer (.+)$/i.exec(request.headers.get("authorization") ?? "");
      if (found?.[1] !== apiKey) return authenticationError(found?.[1]);
      return undefined;
    },
    routes: [
      ...portalSessionRoutes(store),
      ...transactionRoutes(store),
      ...subscriptionRoutes(store),
      ...customerRoutes(store),
    ],
    errors: {
      status: paddleStatusError,
      unauthenticated: authenticationError,
      unknownParam: (param) => invalidField(param, "Unknown query parameter"),
      invalidParam: (param) => invalidField(param, `Invalid value for ${param}`),
      noRoute: ({ method, path }, methods) =>
        methods.length > 0
          ? paddleError(405, {
              type: "request_error",
              code: "method_not_allowed",
              detail: `${method} is not allowed on ${path}`,
            })
          : paddleError(404, { type: "request_error", code: "not_found", detail: `Path ${path} not found` }),
    },
  });

  const at = () => new Date(now()).toISOString();
  return {
    ...sim,
    get requests() {
      return sim.requests;
    },
    get pendingFaults() {
      return sim.pendingFaults;
    },
    apiKey,
    seed(world) {
      for (const customer of world.customers) {
        store.customers.set(customer.id, customerFromWorld(customer, at()));
        store.addresses.put(addressFromWorld(customer, at()));
        const method = paymentMethodFromWorld(customer, at());
        if (method) store.paymentMethods.put(method);
      }
      for (const subscription of world.subscriptions) store.subscriptions.put(subscriptionFromWorld(subscription));
      for (const invoice of world.invoices) {
        const transaction = transactionFromWorld(invoice);
        if (transaction) store.transactions.put(transaction);
      }
    },
    reset() {
      store.customers.clear();
      store.addresses.clear();
      store.subscriptions.clear();
      store.transactions.clear();
      store.paymentMethods.clear();
      store.sessions.clear();
      sent.length = 0;
    },
    customer: (id) => store.customers.get(id),
    archiveCustomer(id) {
      const customer = store.customers.get(id);
      if (!customer || customer.status === "archived") return;
      Object.assign(customer, { status: "archived", updated_at: at() });
      store.emit("customer.updated", customer);
    },
    addresses: (customerId) =>
      store.addresses.page({ partition: ["customer", customerId], limit: Number.MAX_SAFE_INTEGER }).items,
    paymentMethods: (customerId) =>
      store.paymentMethods.page({ partition: ["customer", customerId], limit: Number.MAX_SAFE_INTEGER }).items,
    subscription: (id) => store.subscriptions.get(id),
    subscriptions: store.subscriptions,
    transaction: (id) => store.transactions.get(id),
    get sessions() {
      return [...store.sessions.values()];
    },
    transactions: store.transactions,
    get notifications() {
      return sent;
    },
    webhooks,
    setWebhookDestination,
    cancelFromPortal(subscriptionId) {
      const subscription = store.subscriptions.get(subscriptionId);
      if (!subscription || subscription.status === "canceled" || subscription.scheduled_change) return undefined;
      scheduleCancel(store, subscription);
      return subscription;
    },
  };
}

/** Serves the simulator over node:http on loopback; point the adapter at it with `environment: server.url`. */
export function servePaddleSimulator(simulator: PaddleSimulator, options?: ServeOptions): Promise<LoopbackServer> {
  return serveOnLoopback((request) => simulator.handle(request), options);
}
