import { INVOICE_STATUSES, MAX_PAGE_SIZE } from "@portalkit/core";
import {
  createSimulatorKit,
  type FaultRule,
  type RecordedRequest,
  type SimRequest,
  type SimulatorKit,
  type World,
} from "@portalkit/core/testing";
import type {
  WireAddress,
  WireCustomer,
  WireError,
  WireInvoice,
  WireInvoiceList,
  WirePortalSession,
  WireSubscription,
} from "../wire";
import { wireCustomer, wireInvoice, wireSubscription } from "./seed";

export const MEMORY_PORTAL_URL = "https://portal.memory.invalid";

export interface MemoryBackendOptions {
  /** Loaded at start; `seed` adds more later. */
  world?: World;
  /** When set, every request must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Origin of portal, invoice and PDF addresses; default MEMORY_PORTAL_URL. */
  portalUrl?: string;
}

/** The backend's own records, for two-sided checks: read them, never through the adapter. */
export interface MemoryBackendState {
  readonly customers: ReadonlyMap<string, WireCustomer>;
  readonly subscriptions: ReadonlyMap<string, WireSubscription>;
  readonly invoices: ReadonlyMap<string, WireInvoice>;
  readonly sessions: ReadonlyMap<string, WirePortalSession>;
}

export interface ParamErrorRule {
  method?: string;
  path: string | RegExp;
  /** The parameter named in the error, in the API's bracket form (`address[postal_code]`). */
  param: string;
}

export interface MemoryBackend {
  /** The API as a fetch-standard handler: pass it to the provider, MSW or serveOnLoopback. */
  readonly fetch: (request: Request) => Promise<Response>;
  seed(world: World): void;
  readonly state: MemoryBackendState;
  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;
  inject(rule: FaultRule): void;
  clearFaults(): void;
  /** The next matching request is refused with HTTP 400 naming `param`. */
  rejectParam(rule: ParamErrorRule): void;
}

type Handler = (request: SimRequest, match: RegExpExecArray, body: Record<string, unknown>) => Response;

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

const ERROR_TYPES: Record<number, WireError["error"]["type"]> = {
  400: "invalid_request",
  401: "authentication",
  402: "payment",
  404: "not_found",
  409: "conflict",
  429: "rate_limited",
};

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "request-id": `req_${crypto.randomUUID()}`, ...headers } });
}

function errorResponse(status: number, details: { message: string; retryAfter?: number | string; param?: string }) {
  const body: WireError = {
    error: {
      type: ERROR_TYPES[status] ?? (status === 403 ? "authentication" : "api_error"),
      message: details.message,
      ...(details.param ? { param: details.param } : {}),
    },
  };
  return json(body, status, details.retryAfter !== undefined ? { "retry-after": String(details.retryAfter) } : {});
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * The in-memory billing API: a small stateful vendor with a request log, fault injection
 * and an idempotency cache (from the core simulator kit). Like the real vendors, it does
 * not scope objects to a customer; the adapter must.
 */
export function createMemoryBackend(options: MemoryBackendOptions = {}): MemoryBackend {
  const portalUrl = options.portalUrl ?? MEMORY_PORTAL_URL;
  const customers = new Map<string, WireCustomer>();
  const subscriptions = new Map<string, WireSubscription>();
  const invoices = new Map<string, WireInvoice>();
  const sessions = new Map<string, WirePortalSession>();
  let paramErrors: ParamErrorRule[] = [];
  let sessionCount = 0;

  function need<T>(map: ReadonlyMap<string, T>, kind: string, id: string): T {
    const found = map.get(id);
    if (!found) throw new ApiError(404, `No such ${kind}: '${id}'`);
    return found;
  }

  function createSession(body: Record<string, unknown>): Response {
    const customerId = String(body.customer_id ?? "");
    if (!customerId) throw new ApiError(400, "Missing required param: customer_id.", "customer_id");
    need(customers, "customer", customerId);
    const id = `ps_${++sessionCount}_${crypto.randomUUID().slice(0, 8)}`;
    const section = typeof body.section === "string" ? body.section : undefined;
    const subscriptionId = typeof body.subscription_id === "string" ? body.subscription_id : undefined;
    const url = new URL(`${portalUrl}/p/${id}${section ? `/${section}` : ""}`);
    if (subscriptionId) url.searchParams.set("subscription", subscriptionId);
    const created = nowSeconds();
    const session: WirePortalSession = {
      object: "portal_session",
      id,
      customer_id: customerId,
      status: "active",
      url: url.toString(),
      token: crypto.randomUUID().replace(/-/g, ""),
      created_at: created,
      expires_at: created + 3600,
      ...(section ? { section } : {}),
      ...(subscriptionId ? { subscription_id: subscriptionId } : {}),
    };
    sessions.set(id, session);
    return json(session);
  }

  function listInvoices(request: SimRequest): Response {
    const q = request.url.searchParams;
    const limit = Number(q.get("limit") ?? MAX_PAGE_SIZE);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new ApiError(400, `limit must be an integer from 1 to ${MAX_PAGE_SIZE}.`, "limit");
    }
    const offset = Number(q.get("offset") ?? 0);
    if (!Number.isInteger(offset) || offset < 0) throw new ApiError(400, "Invalid offset.", "offset");
    const statuses = q.get("status")?.split(",");
    for (const status of statuses ?? []) {
      if (!(INVOICE_STATUSES as readonly string[]).includes(status)) {
        throw new ApiError(400, `Invalid status: ${status}.`, "status");
      }
    }
    const customerId = q.get("customer_id");
    const subscriptionId = q.get("subscription_id");
    const matching = [...invoices.values()]
      .filter(
        (invoice) =>
          (customerId === null || invoice.customer_id === customerId) &&
          (subscriptionId === null || invoice.subscription_id === subscriptionId) &&
          (statuses === undefined || statuses.includes(invoice.status)),
      )
      .sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
    const list: WireInvoiceList = { object: "list", data: matching.slice(offset, offset + limit) };
    if (offset + limit < matching.length) list.next_offset = String(offset + limit);
    return json(list);
  }

  function cancel(id: string, body: Record<string, unknown>): Response {
    const subscription = need(subscriptions, "subscription", id);
    if (subscription.status === "canceled") throw new ApiError(400, `Subscription ${id} is already canceled.`);
    if (typeof body.reason === "string") subscription.cancellation_reason = body.reason;
    if (body.at_period_end === true) {
      subscription.cancel_at_period_end = true;
      subscription.cancel_at = subscription.current_period_end;
    } else {
      subscription.status = "canceled";
      subscription.cancel_at_period_end = false;
      delete subscription.cancel_at;
      subscription.canceled_at = nowSeconds();
    }
    return json(subscription);
  }

  function reactivate(id: string): Response {
    const subscription = need(subscriptions, "subscription", id);
    if (subscription.status === "canceled") {
      throw new ApiError(400, `Subscription ${id} has ended and cannot be reactivated.`);
    }
    subscription.cancel_at_period_end = false;
    delete subscription.cancel_at;
    return json(subscription);
  }

  function updateAddress(customerId: string, body: Record<string, unknown>): Response {
    const customer = need(customers, "customer", customerId);
    if (body.kind !== "billing" && body.kind !== "shipping") throw new ApiError(400, "Invalid kind.", "kind");
    if (typeof body.address !== "object" || body.address === null) {
      throw new ApiError(400, "Missing required param: address.", "address");
    }
    const address = body.address as WireAddress;
    if (typeof body.subscription_id === "string") {
      const subscription = need(subscriptions, "subscription", body.subscription_id);
      if (body.kind === "shipping") subscription.shipping_address = address;
      else customer.billing_address = address;
    } else if (body.kind === "shipping") customer.shipping_address = address;
    else customer.billing_address = address;
    return json(customer);
  }

  const routes: Array<[string, RegExp, Handler]> = [
    ["POST", /^\/v1\/portal_sessions$/, (_r, _m, body) => createSession(body)],
    [
      "POST",
      /^\/v1\/portal_sessions\/([^/]+)\/logout$/,
      (_r, m) => {
        const session = need(sessions, "portal session", m[1]!);
        session.status = "logged_out";
        return json(session);
      },
    ],
    ["GET", /^\/v1\/invoices$/, (r) => listInvoices(r)],
    ["GET", /^\/v1\/invoices\/([^/]+)$/, (_r, m) => json(need(invoices, "invoice", m[1]!))],
    [
      "GET",
      /^\/v1\/invoices\/([^/]+)\/pdf$/,
      (_r, m) => {
        const invoice = need(invoices, "invoice", m[1]!);
        const expires = nowSeconds() + 3600;
        const url = `${portalUrl}/invoices/${encodeURIComponent(invoice.id)}.pdf?expires=${expires}`;
        return json({ object: "download", url, expires_at: expires });
      },
    ],
    ["GET", /^\/v1\/subscriptions\/([^/]+)$/, (_r, m) => json(need(subscriptions, "subscription", m[1]!))],
    ["POST", /^\/v1\/subscriptions\/([^/]+)\/cancel$/, (_r, m, body) => cancel(m[1]!, body)],
    ["POST", /^\/v1\/subscriptions\/([^/]+)\/reactivate$/, (_r, m) => reactivate(m[1]!)],
    ["GET", /^\/v1\/customers\/([^/]+)$/, (_r, m) => json(need(customers, "customer", m[1]!))],
    ["POST", /^\/v1\/customers\/([^/]+)\/addresses$/, (_r, m, body) => updateAddress(m[1]!, body)],
  ];

  function takeParamError(request: SimRequest): ParamErrorRule | undefined {
    const rule = paramErrors.find(
      (r) =>
        (!r.method || r.method === request.method) &&
        (typeof r.path === "string" ? r.path === request.path : r.path.test(request.path)),
    );
    if (rule) paramErrors = paramErrors.filter((r) => r !== rule);
    return rule;
  }

  function route(request: SimRequest): Response {
    if (options.apiKey !== undefined && request.headers.get("authorization") !== `Bearer ${options.apiKey}`) {
      return errorResponse(401, { message: "Invalid API key." });
    }
    try {
      const rejected = takeParamError(request);
      if (rejected) throw new ApiError(400, `Invalid value for ${rejected.param}.`, rejected.param);
      const pathname = request.path.split("/").map(decodeURIComponent).join("/");
      for (const [method, pattern, handler] of routes) {
        const match = pattern.exec(pathname);
        if (!match || method !== request.method) continue;
        let body: Record<string, unknown> = {};
        if (request.rawBody) {
          try {
            body = JSON.parse(request.rawBody) as Record<string, unknown>;
          } catch {
            throw new ApiError(400, "The request body is not valid JSON.");
          }
        }
        return handler(request, match, body);
      }
      throw new ApiError(404, `Unrecognized request URL (${request.method}: ${request.path}).`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return errorResponse(error.status, {
        message: error.message,
        ...(error.param ? { param: error.param } : {}),
      });
    }
  }

  const kit: SimulatorKit = createSimulatorKit({ route, errorResponse, idempotencyHeader: "idempotency-key" });

  const backend: MemoryBackend = {
    fetch: (request) => kit.handle(request),
    seed(world) {
      for (const customer of world.customers) customers.set(customer.id, wireCustomer(customer));
      for (const subscription of world.subscriptions) {
        subscriptions.set(subscription.id, wireSubscription(subscription));
      }
      for (const invoice of world.invoices) invoices.set(invoice.id, wireInvoice(invoice, portalUrl));
    },
    state: { customers, subscriptions, invoices, sessions },
    get requests() {
      return kit.requests;
    },
    clearRequests: () => kit.clearRequests(),
    inject: (rule) => kit.inject(rule),
    clearFaults() {
      kit.clearFaults();
      paramErrors = [];
    },
    rejectParam(rule) {
      paramErrors.push(rule);
    },
  };
  if (options.world) backend.seed(options.world);
  return backend;
}
