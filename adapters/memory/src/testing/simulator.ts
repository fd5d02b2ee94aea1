import {
  createNewestFirstCollection,
  createSimulator,
  createWebhookFeed,
  extendSimulator,
  type NewestFirstKey,
  type ObservedCollection,
  ObservedMap,
  observeCollection,
  type ParamSpec,
  type RouteRequest,
  type Simulator,
  type SortedCollection,
  type VendorSimulator,
  type WebhookOutbox,
  type WebhookTarget,
  type World,
} from "@portalkit/core/testing";
import type { WireCustomer, WireEvent, WireInvoice, WirePortalSession, WireSubscription } from "../wire";
import { ApiError, errorResponse } from "./errors";
import { customerEvent, invoiceEvent, signMemoryWebhook, subscriptionEvent } from "./events";
import { customerRoutes } from "./resources/customers";
import { invoiceRoutes } from "./resources/invoices";
import { portalSessionRoutes } from "./resources/portal-sessions";
import { subscriptionRoutes } from "./resources/subscriptions";
import { wireCustomer, wireInvoice, wireSubscription } from "./seed";

export const MEMORY_PORTAL_URL = "https://portal.memory.invalid";

export interface MemorySimulatorOptions {
  /** Loaded at start; `seed` adds more later. */
  world?: World;
  /** When set, every request must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Origin of portal, invoice and PDF addresses; default MEMORY_PORTAL_URL. */
  portalUrl?: string;
  /** The clock events are stamped with, in milliseconds; default Date.now. */
  now?: () => number;
  /** Every change is POSTed to `url`, signed with `secret` (see MEMORY_WEBHOOK_HEADERS). */
  webhooks?: MemoryWebhookEndpoint;
}

export interface MemoryWebhookEndpoint extends WebhookTarget {
  secret: string;
}

/** The simulator's own records, for two-sided checks: read them, never through the adapter. */
export interface MemorySimulatorState {
  readonly customers: ReadonlyMap<string, WireCustomer>;
  /** Newest first; listen to `onChange` for every change. */
  readonly subscriptions: SortedCollection<WireSubscription, NewestFirstKey>;
  /** Newest first; listen to `onChange` for every change. */
  readonly invoices: SortedCollection<WireInvoice, NewestFirstKey>;
  readonly sessions: ReadonlyMap<string, WirePortalSession>;
}

/** The records the resources share. */
export interface MemoryStore {
  readonly portalUrl: string;
  readonly customers: ObservedMap<WireCustomer>;
  readonly subscriptions: ObservedCollection<WireSubscription, NewestFirstKey>;
  readonly invoices: SortedCollection<WireInvoice, NewestFirstKey>;
  readonly sessions: Map<string, WirePortalSession>;
  nextSession(): number;
}

/** A route of the in-memory API: its handlers take the JSON body and may throw ApiError. */
export interface MemoryRoute {
  method: string;
  path: string;
  params?: ParamSpec;
  handle(request: RouteRequest, body: Record<string, unknown>): Response;
}

export interface MemorySimulator extends VendorSimulator<World> {
  /** The same handler as `handle`, named for `createMemoryProvider({ fetch })`. */
  readonly fetch: (request: Request) => Promise<Response>;
  readonly state: MemorySimulatorState;
  /** Every event made, oldest first. */
  readonly events: readonly WireEvent[];
  readonly webhooks: WebhookOutbox<WireEvent>;
  setWebhookEndpoint(endpoint: MemoryWebhookEndpoint | undefined): void;
  /** Removes a customer, as an account deletion at the vendor does; later reads of it are 404. */
  deleteCustomer(id: string): boolean;
}

function jsonBody(request: RouteRequest): Record<string, unknown> {
  if (!request.rawBody) return {};
  try {
    return JSON.parse(request.rawBody) as Record<string, unknown>;
  } catch {
    throw new ApiError(400, "The request body is not valid JSON.");
  }
}

function answer(error: unknown): Response {
  if (!(error instanceof ApiError)) throw error;
  return errorResponse(error.status, { message: error.message, ...(error.param ? { param: error.param } : {}) });
}

/**
 * The in-memory billing API: a small stateful vendor on core's simulator kit, with a request
 * log, fault injection and an idempotency cache. Like the real vendors, it does not scope
 * objects to a customer; the adapter must.
 */
export function createMemorySimulator(options: MemorySimulatorOptions = {}): MemorySimulator {
  let sessionCount = 0;
  const store: MemoryStore = {
    portalUrl: options.portalUrl ?? MEMORY_PORTAL_URL,
    customers: new ObservedMap(),
    subscriptions: observeCollection(
      createNewestFirstCollection<WireSubscription>({
        id: (subscription) => subscription.id,
        at: (subscription) => subscription.created_at,
        partitions: { customer: (subscription) => subscription.customer_id },
      }),
      (subscription) => subscription.id,
    ),
    invoices: createNewestFirstCollection<WireInvoice>({
      id: (invoice) => invoice.id,
      at: (invoice) => invoice.created,
      partitions: { customer: (invoice) => invoice.customer_id },
    }),
    sessions: new Map(),
    nextSession: () => ++sessionCount,
  };
  const now = options.now ?? Date.now;
  const feed = createWebhookFeed<WireEvent, MemoryWebhookEndpoint>({
    id: (event) => event.id,
    sign: (event, endpoint, signing) => signMemoryWebhook(endpoint.secret, JSON.stringify(event), signing),
    ...(options.webhooks ? { endpoint: options.webhooks } : {}),
  });
  const publish = feed.publish;
  const seconds = () => Math.floor(now() / 1000);
  store.subscriptions.onChange((change) => publish(subscriptionEvent(change, seconds())));
  store.customers.onChange((change) => publish(customerEvent(change, seconds())));
  store.invoices.onChange((change) => publish(invoiceEvent(change, seconds())));

  const routes: MemoryRoute[] = [
    ...portalSessionRoutes(store),
    ...invoiceRoutes(store),
    ...subscriptionRoutes(store),
    ...customerRoutes(store),
  ];

  const sim = createSimulator({
    ...(options.apiKey !== undefined ? { auth: { scheme: "bearer", token: options.apiKey } } : {}),
    idempotencyHeader: "idempotency-key",
    routes: routes.map((route) => ({
      method: route.method,
      path: route.path,
      ...(route.params ? { params: route.params } : {}),
      handle: (request) => {
        try {
          return route.handle(request, jsonBody(request));
        } catch (error) {
          return answer(error);
        }
      },
    })),
    after: () => {
      store.subscriptions.commit();
      store.customers.commit();
    },
    errors: {
      status: errorResponse,
      unauthenticated: () => errorResponse(401, { message: "Invalid API key." }),
      unknownParam: (param) => errorResponse(400, { message: `Received unknown parameter: ${param}.`, param }),
      invalidParam: (param) => errorResponse(400, { message: `Invalid value for ${param}.`, param }),
      noRoute: ({ method, path }) => errorResponse(404, { message: `Unrecognized request URL (${method}: ${path}).` }),
    },
  });

  const simulator: MemorySimulator = extendSimulator<Omit<MemorySimulator, keyof Simulator>>(sim, {
    fetch: sim.handle,
    seed(world) {
      feed.quietly(() => {
        for (const customer of world.customers) store.customers.set(customer.id, wireCustomer(customer));
        for (const subscription of world.subscriptions) store.subscriptions.put(wireSubscription(subscription));
        for (const invoice of world.invoices) store.invoices.put(wireInvoice(invoice, store.portalUrl));
      });
    },
    reset() {
      store.customers.clear();
      store.subscriptions.clear();
      store.invoices.clear();
      store.sessions.clear();
    },
    state: store,
    get events() {
      return [...feed.events.values()];
    },
    webhooks: feed.outbox,
    setWebhookEndpoint: feed.setEndpoint,
    deleteCustomer: (id) => store.customers.delete(id),
  });
  if (options.world) simulator.seed(options.world);
  return simulator;
}

/** The names the memory simulator had before every simulator shared one surface. */
export const createMemoryBackend = createMemorySimulator;
export type MemoryBackend = MemorySimulator;
export type MemoryBackendOptions = MemorySimulatorOptions;
export type MemoryBackendState = MemorySimulatorState;
