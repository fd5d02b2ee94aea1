import type {
  IAddressResponse,
  ICustomerPortalSessionResponse,
  ICustomerResponse,
  ISubscriptionResponse,
  ITransactionResponse,
} from "@paddle/paddle-node-sdk";
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
import { customerRoutes } from "./resources/customers";
import { portalSessionRoutes } from "./resources/portal-sessions";
import { subscriptionRoutes } from "./resources/subscriptions";
import { transactionRoutes } from "./resources/transactions";
import { addressFromWorld, customerFromWorld, subscriptionFromWorld, transactionFromWorld } from "./seed";
import { notification, type PaddleNotification, type WebhookDestination, webhookRequest } from "./webhooks";
import { authenticationError, invalidField, paddleError, paddleId, paddleStatusError } from "./wire";

/** Where the SDK sends `environment: "sandbox"` requests: MSW serves the simulator there. */
export const PADDLE_SANDBOX_ORIGIN = "https://sandbox-api.paddle.com";

export interface PaddleSimulatorOptions {
  /** The API key requests must carry as a Bearer token. Default: a fresh random sandbox key. */
  apiKey?: string;
  /** Milliseconds since the epoch; injected in tests that need a fixed clock. */
  now?: () => number;
  /** A notification destination: every change is delivered there, signed with its secret. */
  webhook?: WebhookDestination;
}

/** Newest first, as Paddle's default `order_by=id[DESC]` (Paddle ids sort by creation time). */
interface Key {
  created: string;
  id: string;
}
const newestFirst = (a: Key, b: Key) =>
  a.created === b.created ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.created < b.created ? 1 : -1;

function collection<T extends { id: string; created_at: string }>(customer: (item: T) => string | undefined) {
  return createSortedCollection<T, Key>({
    id: (item) => item.id,
    key: (item) => ({ created: item.created_at, id: item.id }),
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
  addresses(customerId: string): IAddressResponse[];
  subscription(id: string): ISubscriptionResponse | undefined;
  transaction(id: string): ITransactionResponse | undefined;
  readonly sessions: readonly ICustomerPortalSessionResponse[];
  readonly transactions: SortedCollection<ITransactionResponse, Key>;
  /** Every notification sent, oldest first. */
  readonly notifications: readonly PaddleNotification[];
  /** Deliveries still in flight. */
  settled(): Promise<void>;
}

export function createPaddleSimulator(options: PaddleSimulatorOptions = {}): PaddleSimulator {
  const apiKey = options.apiKey ?? `pdl_sdbx_apikey_${paddleId("k").slice(2)}`;
  const sent: PaddleNotification[] = [];
  const deliveries = new Set<Promise<unknown>>();
  const now = options.now ?? Date.now;
  const store: PaddleStore = {
    now,
    portalId: paddleId("cpl"),
    customers: new Map(),
    addresses: collection<IAddressResponse>((address) => address.customer_id),
    subscriptions: collection<ISubscriptionResponse>((subscription) => subscription.customer_id),
    transactions: collection<ITransactionResponse>((transaction) => transaction.customer_id ?? undefined),
    sessions: new Map(),
    changed(subscription, eventType) {
      store.subscriptions.put(subscription);
      store.emit(eventType, subscription);
    },
    emit(eventType, data) {
      const { webhook } = options;
      if (!webhook) return;
      const event = notification(eventType, data, new Date(now()).toISOString());
      sent.push(event);
      const url = typeof webhook.deliver === "string" ? webhook.deliver : "https://app.example.com/webhooks/paddle";
      const request = webhookRequest(url, webhook.secret, event);
      const delivery = Promise.resolve()
        .then(() => (typeof webhook.deliver === "string" ? fetch(request) : webhook.deliver(request)))
        .catch(() => undefined)
        .finally(() => deliveries.delete(delivery));
      deliveries.add(delivery);
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
      store.sessions.clear();
      sent.length = 0;
    },
    customer: (id) => store.customers.get(id),
    addresses: (customerId) =>
      store.addresses.page({ partition: ["customer", customerId], limit: Number.MAX_SAFE_INTEGER }).items,
    subscription: (id) => store.subscriptions.get(id),
    transaction: (id) => store.transactions.get(id),
    get sessions() {
      return [...store.sessions.values()];
    },
    transactions: store.transactions,
    get notifications() {
      return sent;
    },
    async settled() {
      await Promise.all([...deliveries]);
    },
  };
}

/** Serves the simulator over node:http on loopback; point the adapter at it with `environment: server.url`. */
export function servePaddleSimulator(simulator: PaddleSimulator, options?: ServeOptions): Promise<LoopbackServer> {
  return serveOnLoopback((request) => simulator.handle(request), options);
}
