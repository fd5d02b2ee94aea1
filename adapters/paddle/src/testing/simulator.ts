import type {
  IAddressResponse,
  ICustomerPortalSessionResponse,
  ICustomerResponse,
  IPaymentMethodResponse,
  ISubscriptionResponse,
  ITransactionResponse,
} from "@paddle/paddle-node-sdk";
import {
  createNewestFirstCollection,
  createSimulator,
  createWebhookFeed,
  extendSimulator,
  type NewestFirstKey,
  type Simulator,
  type SortedCollection,
  type VendorSimulator,
  type WebhookOutbox,
  type World,
} from "@portalkit/core/testing";
import { customerRoutes } from "./resources/customers";
import { portalSessionRoutes } from "./resources/portal-sessions";
import { scheduleCancel, subscriptionRoutes } from "./resources/subscriptions";
import { transactionRoutes } from "./resources/transactions";
import { seedWorld } from "./seed";
import { notification, type PaddleNotification, type PaddleWebhookDestination, signNotification } from "./webhooks";
import { authenticationError, invalidField, notFound, paddleError, paddleId, paddleStatusError } from "./wire";

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
function collection<T extends { id: string }>(customer: (item: T) => string | undefined, created: (item: T) => string) {
  return createNewestFirstCollection<T>({
    id: (item) => item.id,
    at: (item) => Date.parse(created(item)) / 1000,
    partitions: { customer },
  });
}

/** The simulator's records, shared by its resources. */
export interface PaddleStore {
  now(): number;
  /** Now, as Paddle writes a time. */
  at(): string;
  readonly portalId: string;
  readonly customers: Map<string, ICustomerResponse>;
  readonly addresses: SortedCollection<IAddressResponse, NewestFirstKey>;
  readonly subscriptions: SortedCollection<ISubscriptionResponse, NewestFirstKey>;
  readonly transactions: SortedCollection<ITransactionResponse, NewestFirstKey>;
  /** Saved payment methods, newest first. */
  readonly paymentMethods: SortedCollection<IPaymentMethodResponse, NewestFirstKey>;
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
  readonly subscriptions: SortedCollection<ISubscriptionResponse, NewestFirstKey>;
  transaction(id: string): ITransactionResponse | undefined;
  readonly sessions: readonly ICustomerPortalSessionResponse[];
  readonly transactions: SortedCollection<ITransactionResponse, NewestFirstKey>;
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
  const now = options.now ?? Date.now;
  const feed = createWebhookFeed<PaddleNotification, PaddleWebhookDestination>({
    id: (event) => event.event_id,
    sign: (event, destination, signing) => signNotification(destination.secret, event, signing),
    ...(options.webhooks ? { endpoint: options.webhooks } : {}),
  });
  const at = () => new Date(now()).toISOString();
  const store: PaddleStore = {
    now,
    at,
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
      feed.publish(notification(eventType, data, at()));
    },
  };

  const sim = createSimulator({
    // Paddle has no idempotency keys: no client sends this header, so nothing is replayed.
    idempotencyHeader: "x-paddle-has-no-idempotency-keys",
    auth: { scheme: "bearer", token: apiKey },
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
          : notFound("Path", path),
    },
  });

  return extendSimulator<Omit<PaddleSimulator, keyof Simulator>>(sim, {
    apiKey,
    seed: (world) => seedWorld(store, world),
    reset() {
      store.customers.clear();
      store.addresses.clear();
      store.subscriptions.clear();
      store.transactions.clear();
      store.paymentMethods.clear();
      store.sessions.clear();
      feed.events.clear();
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
      return [...feed.events.values()];
    },
    webhooks: feed.outbox,
    setWebhookDestination: feed.setEndpoint,
    cancelFromPortal(subscriptionId) {
      const subscription = store.subscriptions.get(subscriptionId);
      if (!subscription || subscription.status === "canceled" || subscription.scheduled_change) return undefined;
      scheduleCancel(store, subscription);
      return subscription;
    },
  });
}
