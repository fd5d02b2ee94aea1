import {
  createNewestFirstCollection,
  createSimulator,
  createWebhookFeed,
  extendSimulator,
  type NewestFirstKey,
  type ObservedCollection,
  ObservedMap,
  observeCollection,
  type SimRequest,
  type Simulator,
  type SortedCollection,
  type VendorSimulator,
  type WebhookOutbox,
  type WebhookTarget,
  type World,
} from "@portalkit/core/testing";
import { chargebeeError, chargebeeErrorForStatus, notFound, wrongValue } from "./error-response";
import { basicAuthWebhook, customerEvent, invoiceEvent, subscriptionEvent, type WireEvent } from "./events";
import { customerRoutes } from "./resources/customers";
import { eventRoutes } from "./resources/events";
import { hostedPageRoutes } from "./resources/hosted-pages";
import { invoiceRoutes } from "./resources/invoices";
import { portalSessionRoutes } from "./resources/portal-sessions";
import { cancelForItems, subscriptionRoutes } from "./resources/subscriptions";
import { wireCard, wireCustomer, wireInvoice, wireSubscription } from "./seed";
import type { WireCard, WireCustomer, WireHostedPage, WireInvoice, WirePortalSession, WireSubscription } from "./wire";

export interface ChargebeeSimulatorOptions {
  /** The site name the simulator answers as (in URLs it hands out). Default `portalkit-test`. */
  site?: string;
  /** The API key requests must carry (HTTP Basic user). Default `test_simulator_key`. */
  apiKey?: string;
  /** The clock, in milliseconds. Default Date.now. */
  now?: () => number;
  /**
   * The site's subscription-cancellation reason codes (Settings > Reason Codes): a
   * `cancel_reason_code` outside them is refused, as Chargebee refuses it. Default: none
   * configured, so any code is refused.
   */
  cancelReasonCodes?: readonly string[];
  /**
   * A webhook endpoint: every change (made through the API or on the portal) is POSTed to
   * `url` in Chargebee's event envelope, with the Basic credentials given.
   */
  webhooks?: ChargebeeWebhookEndpoint;
}

/** Where Chargebee delivers events, and the HTTP Basic credentials set on the webhook. */
export interface ChargebeeWebhookEndpoint extends WebhookTarget {
  username: string;
  password: string;
}

/** The simulator's records, shared by its resources. */
export interface ChargebeeStore {
  readonly site: string;
  /** The reason codes configured for subscription cancellations. */
  readonly cancelReasonCodes: readonly string[];
  /** Milliseconds. */
  now(): number;
  nowSec(): number;
  newId(prefix: string): string;
  /** Stamps `updated_at` and `resource_version` as Chargebee does on every change. */
  touch<T extends { updated_at?: number; resource_version?: number }>(object: T): T;
  readonly customers: ObservedMap<WireCustomer>;
  /** Each customer's primary card, by customer id (what `customer.retrieve` answers beside it). */
  readonly cards: Map<string, WireCard>;
  readonly subscriptions: ObservedCollection<WireSubscription, NewestFirstKey>;
  readonly invoices: SortedCollection<WireInvoice, NewestFirstKey>;
  readonly portalSessions: Map<string, WirePortalSession>;
  readonly hostedPages: Map<string, WireHostedPage>;
  /** Every event, by id (`GET /events/:id`). */
  readonly events: Map<string, WireEvent>;
}

export interface ChargebeeSimulator extends VendorSimulator<World> {
  readonly site: string;
  readonly apiKey: string;
  /** Loads a World, in Chargebee's wire format. Draft invoices are refused (Chargebee has none). */
  seed(world: World): void;
  readonly customers: Map<string, WireCustomer>;
  /** Each customer's primary card, by customer id. */
  readonly cards: Map<string, WireCard>;
  /** Subscriptions, newest first (by `created_at`); listen to `onChange` for every change. */
  readonly subscriptions: SortedCollection<WireSubscription, NewestFirstKey>;
  /** Marks a customer deleted, as Chargebee does; reads of it answer 404 from then on. */
  deleteCustomer(id: string): void;
  /** Invoices, newest first; listen to `onChange` for every change. */
  readonly invoices: SortedCollection<WireInvoice, NewestFirstKey>;
  /** Adds or replaces an invoice (keeps the listing order). */
  putInvoice(invoice: WireInvoice): void;
  readonly portalSessions: ReadonlyMap<string, WirePortalSession>;
  readonly hostedPages: ReadonlyMap<string, WireHostedPage>;
  /** Every event the simulator made, oldest first. */
  readonly events: readonly WireEvent[];
  /** Webhook delivery: inject faults, read `deliveries`, await `settled()`. */
  readonly webhooks: WebhookOutbox<WireEvent>;
  /** Sets (or, with undefined, stops) the webhook endpoint. */
  setWebhookEndpoint(endpoint: ChargebeeWebhookEndpoint | undefined): void;
  /**
   * What the customer does in the portal's cancel section: the subscription stops renewing
   * at the end of its term. Undefined when it is unknown or already cancelled.
   */
  cancelFromPortal(subscriptionId: string): WireSubscription | undefined;
}

const API = "/api/v2";

/** Chargebee answers only GET and POST, and takes form bodies only. */
function before(request: SimRequest): Response | undefined {
  if (!request.path.startsWith(`${API}/`)) return notFound(`path ${request.path}`);
  if (request.method !== "GET" && request.method !== "POST") {
    return chargebeeError(405, "http_method_not_supported", `${request.method} is not supported`, {
      type: "invalid_request",
    });
  }
  if (request.method === "POST" && request.rawBody !== "") {
    const contentType = request.headers.get("content-type") ?? "";
    if (!contentType.includes("application/x-www-form-urlencoded")) {
      return chargebeeError(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded", {
        type: "invalid_request",
      });
    }
  }
  return undefined;
}

/**
 * A stateful, in-memory simulator of the Chargebee API v2 endpoints portalkit uses:
 * form-encoded requests, HTTP Basic auth with the API key, `{ list, next_offset }` pages,
 * Chargebee's error bodies, unknown parameters refused. Built on core's simulator kit,
 * so it logs requests, takes injected faults and replays `chargebee-idempotency-key`s.
 */
export function createChargebeeSimulator(options: ChargebeeSimulatorOptions = {}): ChargebeeSimulator {
  const site = options.site ?? "portalkit-test";
  const apiKey = options.apiKey ?? "test_simulator_key";
  const now = options.now ?? Date.now;
  let counter = 0;
  const feed = createWebhookFeed<WireEvent, ChargebeeWebhookEndpoint>({
    id: (event) => event.id,
    sign: (event, endpoint, signing) => basicAuthWebhook(endpoint, JSON.stringify(event), signing),
    ...(options.webhooks ? { endpoint: options.webhooks } : {}),
  });
  const store: ChargebeeStore = {
    site,
    cancelReasonCodes: [...(options.cancelReasonCodes ?? [])],
    now,
    nowSec: () => Math.floor(now() / 1000),
    newId: (prefix) => `${prefix}_${(++counter).toString(36)}${crypto.randomUUID().slice(0, 8)}`,
    touch(object) {
      object.updated_at = Math.floor(now() / 1000);
      object.resource_version = now();
      return object;
    },
    customers: new ObservedMap(),
    cards: new Map(),
    subscriptions: observeCollection(
      createNewestFirstCollection<WireSubscription>({
        id: (subscription) => subscription.id,
        at: (subscription) => subscription.created_at ?? 0,
        partitions: { customer: (subscription) => subscription.customer_id },
      }),
      (subscription) => subscription.id,
    ),
    invoices: createNewestFirstCollection<WireInvoice>({
      id: (invoice) => invoice.id,
      at: (invoice) => invoice.date ?? 0,
      partitions: { customer: (invoice) => invoice.customer_id },
    }),
    portalSessions: new Map(),
    hostedPages: new Map(),
    events: feed.events,
  };

  const publish = feed.publish;
  store.subscriptions.onChange((change) =>
    publish(subscriptionEvent(store, change, store.customers.get(change.item.customer_id))),
  );
  store.customers.onChange((change) => publish(customerEvent(store, change)));
  store.invoices.onChange((change) => publish(invoiceEvent(store, change)));

  const sim = createSimulator({
    // Chargebee takes the API key as the Basic user name and ignores the password.
    auth: { scheme: "basic", user: apiKey },
    idempotencyHeader: "chargebee-idempotency-key",
    before,
    routes: [
      ...invoiceRoutes(store),
      ...subscriptionRoutes(store),
      ...customerRoutes(store),
      ...portalSessionRoutes(store),
      ...hostedPageRoutes(store),
      ...eventRoutes(store),
    ],
    after: () => {
      store.subscriptions.commit();
      store.customers.commit();
    },
    errors: {
      status: chargebeeErrorForStatus,
      unauthenticated: () =>
        chargebeeError(401, "api_authentication_failed", "Sorry, authentication failed. Invalid api key"),
      unknownParam: (name) =>
        chargebeeError(400, "invalid_request", `${name} : unknown parameter`, { type: "invalid_request", param: name }),
      invalidParam: (name) => wrongValue(name, "invalid value"),
      noRoute: (request, methods) =>
        methods.length > 0
          ? chargebeeError(405, "http_method_not_supported", `${request.method} is not supported for ${request.path}`, {
              type: "invalid_request",
            })
          : notFound(`path ${request.path}`),
    },
  });

  return extendSimulator<Omit<ChargebeeSimulator, keyof Simulator>>(sim, {
    site,
    apiKey,
    // Loading a world is not a change the site's webhooks hear about.
    seed: (world) => feed.quietly(() => seedWorld(world)),
    reset() {
      store.customers.clear();
      store.cards.clear();
      store.subscriptions.clear();
      store.invoices.clear();
      store.portalSessions.clear();
      store.hostedPages.clear();
      store.events.clear();
    },
    customers: store.customers,
    cards: store.cards,
    subscriptions: store.subscriptions,
    deleteCustomer(id) {
      const customer = store.customers.get(id);
      if (!customer) return;
      customer.deleted = true;
      store.touch(customer);
    },
    invoices: store.invoices,
    putInvoice: (invoice) => store.invoices.put(invoice),
    portalSessions: store.portalSessions,
    hostedPages: store.hostedPages,
    get events() {
      return [...store.events.values()];
    },
    webhooks: feed.outbox,
    setWebhookEndpoint: feed.setEndpoint,
    cancelFromPortal(subscriptionId) {
      const subscription = store.subscriptions.get(subscriptionId);
      if (!subscription || subscription.status === "cancelled" || subscription.status === "non_renewing")
        return undefined;
      const answer = cancelForItems(store, subscription, new URLSearchParams({ end_of_term: "true" }));
      store.subscriptions.commit();
      return answer.ok ? subscription : undefined;
    },
  });

  function seedWorld(world: World): void {
    const at = store.nowSec();
    const worldCustomers = new Map(world.customers.map((c) => [c.id, c]));
    for (const customer of world.customers) {
      store.customers.set(customer.id, wireCustomer(customer, at));
      const card = wireCard(customer, at);
      if (card) store.cards.set(customer.id, card);
    }
    for (const subscription of world.subscriptions) {
      if (!store.customers.has(subscription.customerId)) {
        throw new Error(`Subscription ${subscription.id} names unknown customer ${subscription.customerId}`);
      }
      store.subscriptions.put(wireSubscription(subscription, worldCustomers.get(subscription.customerId), at));
    }
    for (const invoice of world.invoices) store.invoices.put(wireInvoice(invoice, at));
  }
}
