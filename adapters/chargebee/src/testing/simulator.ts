import {
  createSimulatorKit,
  type FaultRule,
  type LoopbackServer,
  type RecordedRequest,
  type ServeOptions,
  type SimRequest,
  serveOnLoopback,
  type World,
} from "@portalkit/core/testing";
import { chargebeeError, chargebeeErrorForStatus, invalidState, notFound, wrongValue } from "./error-response";
import { decodeOffset, encodeOffset, InvoiceIndex } from "./invoice-index";
import { ALLOWED_PARAMS, addressParam, booleanParam, isHttpUrl, rejectUnknown } from "./params";
import { wireCustomer, wireInvoice, wireSubscription } from "./seed";
import type {
  WireCustomer,
  WireDownload,
  WireHostedPage,
  WireInvoice,
  WirePortalSession,
  WireSubscription,
} from "./wire";

export interface ChargebeeSimulatorOptions {
  /** The site name the simulator answers as (in URLs it hands out). Default `portalkit-test`. */
  site?: string;
  /** The API key requests must carry (HTTP Basic user). Default `test_simulator_key`. */
  apiKey?: string;
  /** The clock, in milliseconds. Default Date.now. */
  now?: () => number;
}

export interface ChargebeeSimulator {
  readonly site: string;
  readonly apiKey: string;
  /** Fetch-standard handler: mount it on MSW or serve it over node:http. */
  handle(request: Request): Promise<Response>;
  /** Loads a World, in Chargebee's wire format. Draft invoices are refused (Chargebee has none). */
  seed(world: World): void;
  /** Empties every store (the request log and faults stay). */
  reset(): void;
  readonly customers: Map<string, WireCustomer>;
  readonly subscriptions: Map<string, WireSubscription>;
  readonly invoices: ReadonlyMap<string, WireInvoice>;
  /** Adds or replaces an invoice (keeps the listing order). */
  putInvoice(invoice: WireInvoice): void;
  readonly portalSessions: ReadonlyMap<string, WirePortalSession>;
  readonly hostedPages: ReadonlyMap<string, WireHostedPage>;
  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;
  inject(rule: FaultRule): void;
  /**
   * Makes the next matching request fail as Chargebee fails a bad parameter: HTTP 400,
   * `param_wrong_value`, `param` naming it (nothing is changed).
   */
  rejectParam(rule: ParamRejection): void;
  clearFaults(): void;
  readonly pendingFaults: number;
  /** Serves the simulator on 127.0.0.1 (a free port unless one is given). */
  listen(options?: ServeOptions): Promise<LoopbackServer>;
}

export interface ParamRejection {
  /** The wire name Chargebee reports, such as `billing_address[line1]`. */
  param: string;
  method?: string;
  path?: string | RegExp;
}

const API = "/api/v2";
const PORTAL_SESSION_TTL = 3600;
const HOSTED_PAGE_TTL = 3600;
const PDF_TTL = 3600;

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
  const nowSec = () => Math.floor(now() / 1000);

  const customers = new Map<string, WireCustomer>();
  const subscriptions = new Map<string, WireSubscription>();
  const invoices = new InvoiceIndex();
  const portalSessions = new Map<string, WirePortalSession>();
  const hostedPages = new Map<string, WireHostedPage>();
  let rejections: ParamRejection[] = [];
  let counter = 0;
  const newId = (prefix: string) => `${prefix}_${(++counter).toString(36)}${crypto.randomUUID().slice(0, 8)}`;

  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json;charset=utf-8" } });

  function touch<T extends { updated_at?: number; resource_version?: number }>(object: T): T {
    object.updated_at = nowSec();
    object.resource_version = now();
    return object;
  }

  function authenticated(request: SimRequest): boolean {
    const header = request.headers.get("authorization");
    if (!header?.startsWith("Basic ")) return false;
    let decoded: string;
    try {
      decoded = atob(header.slice(6));
    } catch {
      return false;
    }
    // Chargebee takes the API key as the Basic user name and ignores the password.
    const colon = decoded.indexOf(":");
    return (colon === -1 ? decoded : decoded.slice(0, colon)) === apiKey;
  }

  function subscriptionAnswer(subscription: WireSubscription) {
    const customer = customers.get(subscription.customer_id);
    return { subscription, ...(customer ? { customer } : {}) };
  }

  // ---- invoices --------------------------------------------------------------------

  function listInvoices(params: URLSearchParams): Response {
    const limitText = params.get("limit") ?? "10";
    if (!/^\d+$/.test(limitText)) return wrongValue("limit", "must be an integer");
    const limit = Number(limitText);
    if (limit < 1) return wrongValue("limit", "cannot be less than 1");
    if (limit > 100) return wrongValue("limit", "cannot be more than 100");
    const offsetText = params.get("offset");
    const offset = offsetText === null ? undefined : decodeOffset(offsetText);
    if (offsetText !== null && !offset) return wrongValue("offset", "invalid offset value");

    for (const name of ["customer_id[in]", "subscription_id[in]", "status[not_in]"]) {
      if (params.has(name)) return wrongValue(name, "is not supported by the simulator");
    }
    const desc = params.get("sort_by[desc]");
    const asc = params.get("sort_by[asc]");
    if (desc !== null && asc !== null) return wrongValue("sort_by", "only one sort order can be given");
    const sortField = desc ?? asc;
    if (sortField !== null && sortField !== "date") {
      return wrongValue(desc !== null ? "sort_by[desc]" : "sort_by[asc]", `cannot sort by ${sortField}`);
    }

    const statusFilters: Array<(status: WireInvoice["status"]) => boolean> = [];
    for (const operator of ["is", "is_not", "in"] as const) {
      const name = `status[${operator}]`;
      const raw = params.get(name);
      if (raw === null) continue;
      const values = operator === "in" ? listValue(raw) : [raw];
      if (!values || values.some((v) => !INVOICE_STATUSES.has(v))) return wrongValue(name, "invalid value");
      if (operator === "is_not") statusFilters.push((status) => status !== values[0]);
      else statusFilters.push((status) => values.includes(status));
    }
    const includeDeleted = booleanParam(params, "include_deleted");
    if (includeDeleted instanceof Response) return includeDeleted;

    const customerId = params.get("customer_id[is]") ?? undefined;
    const subscriptionId = params.get("subscription_id[is]") ?? undefined;
    const page = invoices.page({
      ...(customerId !== undefined ? { customerId } : {}),
      ...(subscriptionId !== undefined ? { subscriptionId } : {}),
      ...(statusFilters.length > 0 ? { status: (s: WireInvoice["status"]) => statusFilters.every((f) => f(s)) } : {}),
      includeDeleted: includeDeleted ?? false,
      order: asc !== null ? "asc" : "desc",
      limit,
      ...(offset ? { offset } : {}),
    });
    return json({
      list: page.list.map((invoice) => ({ invoice })),
      ...(page.next ? { next_offset: encodeOffset(page.next) } : {}),
    });
  }

  function invoicePdf(invoice: WireInvoice, params: URLSearchParams): Response {
    const disposition = params.get("disposition_type");
    if (disposition !== null && disposition !== "attachment" && disposition !== "inline") {
      return wrongValue("disposition_type", "invalid value");
    }
    const validTill = nowSec() + PDF_TTL;
    const download: WireDownload = {
      object: "download",
      download_url: `https://${site}.chargebee-docs.example/invoices/${encodeURIComponent(invoice.id)}.pdf?valid_till=${validTill}`,
      valid_till: validTill,
      mime_type: "application/pdf",
    };
    return json({ download });
  }

  // ---- subscriptions ---------------------------------------------------------------

  function cancelForItems(subscription: WireSubscription, params: URLSearchParams): Response {
    const endOfTerm = booleanParam(params, "end_of_term");
    if (endOfTerm instanceof Response) return endOfTerm;
    const option = params.get("cancel_option");
    if (option !== null && !["immediately", "end_of_term", "specific_date", "end_of_billing_term"].includes(option)) {
      return wrongValue("cancel_option", "invalid value");
    }
    if (option !== null && endOfTerm !== undefined) {
      return wrongValue("end_of_term", "cannot be passed together with cancel_option");
    }
    if (option === "specific_date" || option === "end_of_billing_term") {
      return wrongValue("cancel_option", `${option} is not supported by the simulator`);
    }
    if (subscription.status === "cancelled") return invalidState("The subscription is already cancelled.");
    const atTermEnd = option === "end_of_term" || (option === null && endOfTerm === true);
    if (atTermEnd) {
      if (subscription.status === "future") {
        return invalidState("A future subscription cannot be cancelled at the end of its term.");
      }
      subscription.status = "non_renewing";
      subscription.cancelled_at =
        subscription.trial_end && subscription.trial_end > nowSec()
          ? subscription.trial_end
          : (subscription.current_term_end ?? nowSec());
      subscription.cancel_schedule_created_at = nowSec();
    } else {
      subscription.status = "cancelled";
      subscription.cancelled_at = nowSec();
      delete subscription.cancel_schedule_created_at;
    }
    delete subscription.next_billing_at;
    touch(subscription);
    return json(subscriptionAnswer(subscription));
  }

  function reactivate(subscription: WireSubscription, params: URLSearchParams): Response {
    const invoiceImmediately = booleanParam(params, "invoice_immediately");
    if (invoiceImmediately instanceof Response) return invoiceImmediately;
    if (subscription.status !== "cancelled") {
      return invalidState("Only cancelled subscriptions can be reactivated.");
    }
    const start = nowSec();
    const end = addMonths(start, subscription.billing_period ?? 1);
    subscription.status = "active";
    subscription.activated_at = start;
    subscription.current_term_start = start;
    subscription.current_term_end = end;
    subscription.next_billing_at = end;
    delete subscription.cancelled_at;
    delete subscription.cancel_schedule_created_at;
    touch(subscription);
    return json(subscriptionAnswer(subscription));
  }

  function removeScheduledCancellation(subscription: WireSubscription): Response {
    if (subscription.status !== "non_renewing") {
      return invalidState("The subscription has no scheduled cancellation.");
    }
    subscription.status = subscription.trial_end && subscription.trial_end > nowSec() ? "in_trial" : "active";
    subscription.next_billing_at = subscription.current_term_end ?? nowSec();
    delete subscription.cancelled_at;
    delete subscription.cancel_schedule_created_at;
    touch(subscription);
    return json(subscriptionAnswer(subscription));
  }

  function updateForItems(subscription: WireSubscription, params: URLSearchParams): Response {
    if (subscription.status === "cancelled") {
      return invalidState("A cancelled subscription cannot be updated.");
    }
    const shipping = addressParam(params, "shipping_address");
    if (shipping instanceof Response) return shipping;
    if (shipping) subscription.shipping_address = shipping;
    const notes = params.get("invoice_notes");
    if (notes !== null) subscription.invoice_notes = notes;
    const po = params.get("po_number");
    if (po !== null) subscription.po_number = po;
    touch(subscription);
    return json(subscriptionAnswer(subscription));
  }

  // ---- customers, portal sessions, hosted pages ---------------------------------------

  function updateBillingInfo(customer: WireCustomer, params: URLSearchParams): Response {
    const billing = addressParam(params, "billing_address");
    if (billing instanceof Response) return billing;
    // The address given replaces the one on file.
    if (billing) customer.billing_address = billing;
    const vat = params.get("vat_number");
    if (vat !== null) customer.vat_number = vat;
    const prefix = params.get("vat_number_prefix");
    if (prefix !== null) customer.vat_number_prefix = prefix;
    touch(customer);
    return json({ customer });
  }

  function referencedCustomer(params: URLSearchParams): WireCustomer | Response {
    const id = params.get("customer[id]");
    if (id === null || id === "") return wrongValue("customer[id]", "cannot be blank");
    const customer = customers.get(id);
    if (!customer || customer.deleted) return notFound(`customer ${id}`, "customer[id]");
    return customer;
  }

  function redirectParam(params: URLSearchParams, name: string): Response | undefined {
    const value = params.get(name);
    if (value !== null && !isHttpUrl(value)) return wrongValue(name, "invalid URL");
    return undefined;
  }

  function createPortalSession(params: URLSearchParams): Response {
    const customer = referencedCustomer(params);
    if (customer instanceof Response) return customer;
    const badUrl = redirectParam(params, "redirect_url") ?? redirectParam(params, "forward_url");
    if (badUrl) return badUrl;
    const created = nowSec();
    const token = crypto.randomUUID().replace(/-/g, "");
    const session: WirePortalSession = {
      object: "portal_session",
      id: newId("portal"),
      token,
      access_url: `https://${site}.chargebeeportal.com/portal/v2/access/${token}`,
      status: "created",
      created_at: created,
      expires_at: created + PORTAL_SESSION_TTL,
      customer_id: customer.id,
    };
    const redirect = params.get("redirect_url");
    if (redirect) session.redirect_url = redirect;
    portalSessions.set(session.id, session);
    return json({ portal_session: session });
  }

  function logout(session: WirePortalSession): Response {
    if (session.status !== "logged_out") {
      session.status = "logged_out";
      session.logout_at = nowSec();
    }
    return json({ portal_session: session });
  }

  function managePaymentSources(params: URLSearchParams): Response {
    const customer = referencedCustomer(params);
    if (customer instanceof Response) return customer;
    const badUrl = redirectParam(params, "redirect_url");
    if (badUrl) return badUrl;
    const created = nowSec();
    const id = newId("hp");
    const page: WireHostedPage = {
      object: "hosted_page",
      id,
      type: "manage_payment_sources",
      url: `https://${site}.chargebee.com/pages/v3/${id}/`,
      state: "created",
      embed: false,
      created_at: created,
      expires_at: created + HOSTED_PAGE_TTL,
      updated_at: created,
      resource_version: now(),
    };
    hostedPages.set(id, page);
    return json({ hosted_page: page });
  }

  // ---- routing --------------------------------------------------------------------

  async function route(request: SimRequest): Promise<Response> {
    if (!authenticated(request)) {
      return chargebeeError(401, "api_authentication_failed", "Sorry, authentication failed. Invalid api key");
    }
    const rejection = rejections.find(
      (rule) =>
        (rule.method === undefined || rule.method === request.method) &&
        (rule.path === undefined ||
          (typeof rule.path === "string" ? rule.path === request.path : rule.path.test(request.path))),
    );
    if (rejection) {
      rejections = rejections.filter((rule) => rule !== rejection);
      return wrongValue(rejection.param, "invalid value");
    }
    if (!request.path.startsWith(`${API}/`)) return notFound(`path ${request.path}`);
    const segments = request.path
      .slice(API.length + 1)
      .split("/")
      .map((segment) => decodeURIComponent(segment));
    const isGet = request.method === "GET";
    if (!isGet && request.method !== "POST") {
      return chargebeeError(405, "http_method_not_supported", `${request.method} is not supported`, {
        type: "invalid_request",
      });
    }
    if (!isGet && request.rawBody !== "") {
      const contentType = request.headers.get("content-type") ?? "";
      if (!contentType.includes("application/x-www-form-urlencoded")) {
        return chargebeeError(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded", {
          type: "invalid_request",
        });
      }
    }
    const params = isGet ? request.url.searchParams : new URLSearchParams(request.rawBody);
    const [resource, id, action, ...rest] = segments;
    if (rest.length > 0) return notFound(`path ${request.path}`);
    const collectionAction = id !== undefined && action === undefined && COLLECTION_ACTIONS.has(`${resource}/${id}`);
    const endpoint = collectionAction
      ? `${request.method} ${resource}/${id}`
      : `${request.method} ${resource}${id === undefined ? "" : "/:id"}${action === undefined ? "" : `/${action}`}`;
    const allowed = ALLOWED_BY_ENDPOINT[endpoint];
    if (!allowed) {
      const knownPath = Object.keys(ALLOWED_BY_ENDPOINT).some(
        (key) => key.slice(key.indexOf(" ") + 1) === endpoint.slice(endpoint.indexOf(" ") + 1),
      );
      return knownPath
        ? chargebeeError(405, "http_method_not_supported", `${request.method} is not supported for ${request.path}`, {
            type: "invalid_request",
          })
        : notFound(`path ${request.path}`);
    }
    const unknown = rejectUnknown(params, allowed);
    if (unknown) return unknown;
    const key = id ?? "";

    switch (endpoint) {
      case "GET invoices":
        return listInvoices(params);
      case "GET invoices/:id": {
        const invoice = invoices.byId.get(key);
        return invoice && !invoice.deleted ? json({ invoice }) : notFound(`invoice ${key}`);
      }
      case "POST invoices/:id/pdf": {
        const invoice = invoices.byId.get(key);
        return invoice && !invoice.deleted ? invoicePdf(invoice, params) : notFound(`invoice ${key}`);
      }
      case "GET customers/:id": {
        const customer = customers.get(key);
        return customer && !customer.deleted ? json({ customer }) : notFound(`customer ${key}`);
      }
      case "POST customers/:id/update_billing_info": {
        const customer = customers.get(key);
        return customer && !customer.deleted ? updateBillingInfo(customer, params) : notFound(`customer ${key}`);
      }
      case "POST portal_sessions":
        return createPortalSession(params);
      case "POST hosted_pages/manage_payment_sources":
        return managePaymentSources(params);
      case "GET portal_sessions/:id": {
        const session = portalSessions.get(key);
        return session ? json({ portal_session: session }) : notFound(`portal session ${key}`);
      }
      case "POST portal_sessions/:id/logout": {
        const session = portalSessions.get(key);
        return session ? logout(session) : notFound(`portal session ${key}`);
      }
    }
    const subscription = subscriptions.get(key);
    if (!subscription || subscription.deleted) return notFound(`subscription ${key}`);
    switch (endpoint) {
      case "GET subscriptions/:id":
        return json(subscriptionAnswer(subscription));
      case "POST subscriptions/:id/cancel_for_items":
        return cancelForItems(subscription, params);
      case "POST subscriptions/:id/reactivate":
        return reactivate(subscription, params);
      case "POST subscriptions/:id/remove_scheduled_cancellation":
        return removeScheduledCancellation(subscription);
      case "POST subscriptions/:id/update_for_items":
        return updateForItems(subscription, params);
    }
    return notFound(`path ${request.path}`);
  }

  const kit = createSimulatorKit({
    route,
    errorResponse: chargebeeErrorForStatus,
    idempotencyHeader: "chargebee-idempotency-key",
  });

  return {
    site,
    apiKey,
    handle: (request) => kit.handle(request),
    seed(world) {
      const at = nowSec();
      const worldCustomers = new Map(world.customers.map((c) => [c.id, c]));
      for (const customer of world.customers) customers.set(customer.id, wireCustomer(customer, at));
      for (const subscription of world.subscriptions) {
        if (!customers.has(subscription.customerId)) {
          throw new Error(`Subscription ${subscription.id} names unknown customer ${subscription.customerId}`);
        }
        subscriptions.set(
          subscription.id,
          wireSubscription(subscription, worldCustomers.get(subscription.customerId), at),
        );
      }
      for (const invoice of world.invoices) invoices.put(wireInvoice(invoice, at));
    },
    reset() {
      customers.clear();
      subscriptions.clear();
      invoices.clear();
      portalSessions.clear();
      hostedPages.clear();
    },
    customers,
    subscriptions,
    get invoices() {
      return invoices.byId;
    },
    putInvoice: (invoice) => invoices.put(invoice),
    portalSessions,
    hostedPages,
    get requests() {
      return kit.requests;
    },
    clearRequests: () => kit.clearRequests(),
    inject: (rule) => kit.inject(rule),
    rejectParam: (rule) => {
      rejections.push(rule);
    },
    clearFaults: () => {
      kit.clearFaults();
      rejections = [];
    },
    get pendingFaults() {
      return kit.pendingFaults;
    },
    listen: (serveOptions) => serveOnLoopback((request) => kit.handle(request), serveOptions),
  };
}

const ALLOWED_BY_ENDPOINT: Readonly<Record<string, readonly string[]>> = {
  "GET invoices": ALLOWED_PARAMS.listInvoices,
  "GET invoices/:id": ALLOWED_PARAMS.retrieveInvoice,
  "POST invoices/:id/pdf": ALLOWED_PARAMS.invoicePdf,
  "GET subscriptions/:id": ALLOWED_PARAMS.retrieve,
  "POST subscriptions/:id/cancel_for_items": ALLOWED_PARAMS.cancelForItems,
  "POST subscriptions/:id/reactivate": ALLOWED_PARAMS.reactivate,
  "POST subscriptions/:id/remove_scheduled_cancellation": ALLOWED_PARAMS.removeScheduledCancellation,
  "POST subscriptions/:id/update_for_items": ALLOWED_PARAMS.updateForItems,
  "GET customers/:id": ALLOWED_PARAMS.retrieve,
  "POST customers/:id/update_billing_info": ALLOWED_PARAMS.updateBillingInfo,
  "POST portal_sessions": ALLOWED_PARAMS.createPortalSession,
  "GET portal_sessions/:id": ALLOWED_PARAMS.retrieve,
  "POST portal_sessions/:id/logout": ALLOWED_PARAMS.logout,
  "POST hosted_pages/manage_payment_sources": ALLOWED_PARAMS.managePaymentSources,
};

/** Actions on a whole collection, whose second path segment is not an id. */
const COLLECTION_ACTIONS: ReadonlySet<string> = new Set(["hosted_pages/manage_payment_sources"]);

const INVOICE_STATUSES: ReadonlySet<string> = new Set([
  "paid",
  "posted",
  "payment_due",
  "not_paid",
  "voided",
  "pending",
] satisfies Array<WireInvoice["status"]>);

/** `["paid","posted"]` (what the SDK sends) or `[paid,posted]` (what curl users type). */
function listValue(raw: string): string[] | undefined {
  const trimmed = raw.trim();
  if (!trimmed.startsWith("[") || !trimmed.endsWith("]")) return undefined;
  const inner = trimmed.slice(1, -1).trim();
  if (inner === "") return [];
  return inner.split(",").map((part) => part.trim().replace(/^"(.*)"$/, "$1"));
}

function addMonths(seconds: number, months: number): number {
  const date = new Date(seconds * 1000);
  date.setUTCMonth(date.getUTCMonth() + months);
  return Math.floor(date.getTime() / 1000);
}
