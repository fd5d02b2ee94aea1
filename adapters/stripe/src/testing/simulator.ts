import {
  createSimulatorKit,
  type FaultRule,
  type FormObject,
  type RecordedRequest,
  type SimRequest,
  type World,
} from "@portalkit/core/testing";
import type Stripe from "stripe";
import { hashParam, type ParamSpec, stringParam, unknownParam } from "@portalkit/core/testing";
import { portalSessionFixture } from "./stripe-fixtures";
import { customerFromWorld, invoiceFromWorld, subscriptionFromWorld } from "./stripe-objects";
import {
  invalidParameter,
  parameterUnknown,
  resourceMissing,
  stripeError,
  stripeId,
  stripeJson,
  stripeStatusError,
} from "./wire";

export const STRIPE_API_ORIGIN = "https://api.stripe.com";

/** Which requests a parameter error applies to; omitted fields match any. */
export interface ParamErrorMatch {
  methods?: readonly string[];
  path?: string | RegExp;
}

export interface StripeSimulatorOptions {
  /** The secret key requests must carry as `Authorization: Bearer …`. Default: a fresh random test key. */
  secretKey?: string;
  /** Unix seconds; injected in tests that need a fixed clock. */
  now?: () => number;
}

/** A stateful, in-memory Stripe API for the endpoints portalkit uses, in Stripe's wire format. */
export interface StripeSimulator {
  /** Fetch-standard handler: mount it with MSW or serve it with `serveStripeSimulator`. */
  handle(request: Request): Promise<Response>;
  readonly secretKey: string;
  /** Loads a provider-neutral World as Stripe objects. Invoices in `pending` (not a Stripe status) are skipped. */
  seed(world: World): void;
  /** Forgets every object (the request log and faults stay). */
  reset(): void;
  putCustomer(customer: Stripe.Customer): void;
  putSubscription(subscription: Stripe.Subscription): void;
  putInvoice(invoice: Stripe.Invoice): void;
  customer(id: string): Stripe.Customer | undefined;
  subscription(id: string): Stripe.Subscription | undefined;
  invoice(id: string): Stripe.Invoice | undefined;
  session(id: string): Stripe.BillingPortal.Session | undefined;
  readonly sessions: readonly Stripe.BillingPortal.Session[];
  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;
  inject(rule: FaultRule): void;
  /**
   * Makes the next matching request fail as Stripe refuses a bad parameter: HTTP 400,
   * `invalid_request_error` naming `param` (in Stripe's form, `shipping[address][line1]`).
   */
  injectParamError(param: string, match?: ParamErrorMatch): void;
  clearFaults(): void;
  readonly pendingFaults: number;
}

const EXPAND: ParamSpec = { expand: true };
const ADDRESS: ParamSpec = { line1: true, line2: true, city: true, state: true, postal_code: true, country: true };
const INVOICE_LIST: ParamSpec = {
  ...EXPAND,
  customer: true,
  customer_account: true,
  subscription: true,
  status: true,
  limit: true,
  starting_after: true,
  ending_before: true,
  created: { gt: true, gte: true, lt: true, lte: true },
  due_date: { gt: true, gte: true, lt: true, lte: true },
  collection_method: true,
};
const SUBSCRIPTION_CANCEL: ParamSpec = {
  ...EXPAND,
  cancellation_details: { comment: true, feedback: true },
  invoice_now: true,
  prorate: true,
};
const SUBSCRIPTION_UPDATE: ParamSpec = {
  ...EXPAND,
  cancel_at_period_end: true,
  cancel_at: true,
  cancellation_details: { comment: true, feedback: true },
  metadata: true,
  description: true,
};
const CUSTOMER_UPDATE: ParamSpec = {
  ...EXPAND,
  address: ADDRESS,
  shipping: { name: true, phone: true, address: ADDRESS },
  name: true,
  email: true,
  phone: true,
  business_name: true,
  individual_name: true,
  description: true,
  metadata: true,
  preferred_locales: true,
};
const SESSION_CREATE: ParamSpec = {
  ...EXPAND,
  customer: true,
  customer_account: true,
  return_url: true,
  configuration: true,
  locale: true,
  on_behalf_of: true,
  flow_data: {
    type: true,
    after_completion: {
      type: true,
      redirect: { return_url: true },
      hosted_confirmation: { custom_message: true },
    },
    subscription_cancel: { subscription: true, retention: { type: true, coupon_offer: { coupon: true } } },
    subscription_update: { subscription: true },
    subscription_pause: { subscription: true },
    subscription_update_confirm: {
      subscription: true,
      items: { id: true, price: true, quantity: true },
      discounts: { coupon: true, promotion_code: true },
    },
  },
};

const INVOICE_STATUSES = new Set(["draft", "open", "paid", "uncollectible", "void"]);
const FLOW_TYPES = new Set([
  "payment_method_update",
  "subscription_cancel",
  "subscription_update",
  "subscription_update_confirm",
  "subscription_pause",
  "customer_update",
]);
const DEFAULT_CONFIGURATION = "bpc_1PortalkitDefaultConfig";

function randomTestKey(): string {
  return `sk_test_${stripeId("sim").slice(4)}${stripeId("k").slice(2)}`;
}

export function createStripeSimulator(options: StripeSimulatorOptions = {}): StripeSimulator {
  const secretKey = options.secretKey ?? randomTestKey();
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const customers = new Map<string, Stripe.Customer>();
  const subscriptions = new Map<string, Stripe.Subscription>();
  const invoices = new Map<string, { invoice: Stripe.Invoice; seq: number }>();
  const sessions = new Map<string, Stripe.BillingPortal.Session>();
  let invoiceSeq = 0;
  let paramErrors: Array<{ param: string; match: ParamErrorMatch }> = [];

  function takeParamError(request: SimRequest): Response | undefined {
    const found = paramErrors.find(({ match }) => {
      if (match.methods && !match.methods.includes(request.method)) return false;
      if (match.path === undefined) return true;
      return typeof match.path === "string" ? match.path === request.path : match.path.test(request.path);
    });
    if (!found) return undefined;
    paramErrors = paramErrors.filter((entry) => entry !== found);
    return invalidParameter(found.param, `Invalid value for ${found.param}.`, "parameter_invalid_string");
  }

  function putInvoice(invoice: Stripe.Invoice): void {
    const existing = invoices.get(invoice.id);
    invoices.set(invoice.id, { invoice: structuredClone(invoice), seq: existing?.seq ?? ++invoiceSeq });
  }

  function authenticate(request: SimRequest): Response | undefined {
    const header = request.headers.get("authorization") ?? "";
    const match = /^Bearer (.+)$/.exec(header);
    if (!match) {
      return stripeError(401, {
        type: "invalid_request_error",
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      });
    }
    const given = match[1] ?? "";
    if (given !== secretKey) {
      // Stripe shows only the key's last four characters.
      const masked = `${given.slice(0, given.indexOf("_", 3) + 1)}${"*".repeat(Math.max(0, given.length - 12))}${given.slice(-4)}`;
      return stripeError(401, { type: "invalid_request_error", message: `Invalid API Key provided: ${masked}` });
    }
    return undefined;
  }

  function check(params: FormObject, spec: ParamSpec): Response | undefined {
    const unknown = unknownParam(params, spec);
    return unknown === undefined ? undefined : parameterUnknown(unknown);
  }

  function listInvoices(query: FormObject): Response {
    const invalid = check(query, INVOICE_LIST);
    if (invalid) return invalid;
    const limitText = stringParam(query.limit);
    const limit = limitText === undefined ? 10 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      return invalidParameter(
        "limit",
        "This value must be greater than or equal to 1 and less than or equal to 100.",
        "parameter_invalid_integer",
      );
    }
    const status = stringParam(query.status);
    if (status !== undefined && !INVOICE_STATUSES.has(status)) {
      return invalidParameter(
        "status",
        `Invalid status: must be one of draft, open, paid, uncollectible, or void`,
        "parameter_invalid_string",
      );
    }
    const customer = stringParam(query.customer);
    const subscription = stringParam(query.subscription);
    const ordered = [...invoices.values()].sort(
      (a, b) => b.invoice.created - a.invoice.created || b.seq - a.seq || (a.invoice.id < b.invoice.id ? 1 : -1),
    );
    let rows = ordered.filter(({ invoice }) => {
      if (customer !== undefined && invoice.customer !== customer) return false;
      if (status !== undefined && invoice.status !== status) return false;
      if (subscription !== undefined && subscriptionOf(invoice) !== subscription) return false;
      return true;
    });
    const startingAfter = stringParam(query.starting_after);
    if (startingAfter !== undefined) {
      const anchor = ordered.findIndex((row) => row.invoice.id === startingAfter);
      if (anchor === -1) return resourceMissing("invoice", startingAfter, "starting_after", 400);
      const after = new Set(ordered.slice(anchor + 1).map((row) => row.invoice.id));
      rows = rows.filter((row) => after.has(row.invoice.id));
    }
    const page = rows.slice(0, limit).map((row) => row.invoice);
    return stripeJson(200, { object: "list", data: page, has_more: rows.length > limit, url: "/v1/invoices" });
  }

  function subscriptionOf(invoice: Stripe.Invoice): string | undefined {
    const ref = invoice.parent?.subscription_details?.subscription;
    return typeof ref === "string" ? ref : ref?.id;
  }

  function cancelSubscription(id: string, params: FormObject): Response {
    const invalid = check(params, SUBSCRIPTION_CANCEL);
    if (invalid) return invalid;
    const subscription = subscriptions.get(id);
    if (!subscription) return resourceMissing("subscription", id);
    if (subscription.status === "canceled" || subscription.status === "incomplete_expired") {
      return stripeError(400, {
        type: "invalid_request_error",
        message: "A canceled subscription can only update its cancellation_details and metadata.",
      });
    }
    const at = now();
    subscription.status = "canceled";
    subscription.canceled_at = at;
    subscription.ended_at = at;
    subscription.cancel_at = null;
    subscription.cancel_at_period_end = false;
    const details = cancellationDetails(subscription);
    details.reason = "cancellation_requested";
    applyComment(details, params);
    return stripeJson(200, subscription);
  }

  function cancellationDetails(subscription: Stripe.Subscription): Stripe.Subscription.CancellationDetails {
    subscription.cancellation_details ??= { comment: null, feedback: null, feedback_option: null, reason: null };
    return subscription.cancellation_details;
  }

  function applyComment(details: Stripe.Subscription.CancellationDetails, params: FormObject): void {
    const comment = stringParam(hashParam(params.cancellation_details)?.comment);
    if (comment !== undefined) details.comment = comment === "" ? null : comment;
  }

  function updateSubscription(id: string, params: FormObject): Response {
    const invalid = check(params, SUBSCRIPTION_UPDATE);
    if (invalid) return invalid;
    const subscription = subscriptions.get(id);
    if (!subscription) return resourceMissing("subscription", id);
    const ended = subscription.status === "canceled" || subscription.status === "incomplete_expired";
    const touchesMore = Object.keys(params).some(
      (key) => !["cancellation_details", "metadata", "expand"].includes(key),
    );
    if (ended && touchesMore) {
      return stripeError(400, {
        type: "invalid_request_error",
        message: "A canceled subscription can only update its cancellation_details and metadata.",
      });
    }
    const periodEnd = Math.max(0, ...subscription.items.data.map((item) => item.current_period_end));
    const details = cancellationDetails(subscription);
    const flag = stringParam(params.cancel_at_period_end);
    if (flag !== undefined) {
      if (flag !== "true" && flag !== "false") {
        return invalidParameter("cancel_at_period_end", `Invalid boolean: ${flag}`, "parameter_invalid_boolean");
      }
      subscription.cancel_at_period_end = flag === "true";
      subscription.cancel_at = flag === "true" ? periodEnd : null;
      subscription.canceled_at = flag === "true" ? now() : null;
      details.reason = flag === "true" ? "cancellation_requested" : null;
    }
    const cancelAt = stringParam(params.cancel_at);
    if (cancelAt !== undefined) {
      if (cancelAt === "") {
        subscription.cancel_at = null;
        if (!subscription.cancel_at_period_end) {
          subscription.canceled_at = null;
          details.reason = null;
        }
      } else if (/^\d+$/.test(cancelAt)) {
        subscription.cancel_at = Number(cancelAt);
        subscription.canceled_at = now();
        details.reason = "cancellation_requested";
      } else {
        return invalidParameter("cancel_at", `Invalid timestamp: ${cancelAt}`, "parameter_invalid_integer");
      }
    }
    applyComment(details, params);
    return stripeJson(200, subscription);
  }

  function updateCustomer(id: string, params: FormObject): Response {
    const invalid = check(params, CUSTOMER_UPDATE);
    if (invalid) return invalid;
    const customer = customers.get(id);
    if (!customer) return resourceMissing("customer", id);
    if (params.address !== undefined) {
      const address = hashParam(params.address);
      customer.address = address ? mergeAddress(customer.address ?? null, address) : null;
    }
    if (params.shipping !== undefined) {
      const shipping = hashParam(params.shipping);
      if (!shipping) {
        customer.shipping = null;
      } else {
        const name = stringParam(shipping.name);
        if (!name)
          return invalidParameter("shipping[name]", "Missing required param: shipping[name].", "parameter_missing");
        const address = hashParam(shipping.address);
        if (!address) {
          return invalidParameter(
            "shipping[address]",
            "Missing required param: shipping[address].",
            "parameter_missing",
          );
        }
        const phone = stringParam(shipping.phone);
        customer.shipping = {
          name,
          phone: phone ? phone : null,
          address: mergeAddress(null, address),
        };
      }
    }
    for (const key of ["name", "email", "phone"] as const) {
      const value = stringParam(params[key]);
      if (value !== undefined) customer[key] = value === "" ? null : value;
    }
    const business = stringParam(params.business_name);
    if (business !== undefined) {
      if (business === "") delete customer.business_name;
      else customer.business_name = business;
    }
    return stripeJson(200, customer);
  }

  function mergeAddress(current: Stripe.Address | null, update: FormObject): Stripe.Address {
    const next: Stripe.Address = current
      ? { ...current }
      : { line1: null, line2: null, city: null, state: null, postal_code: null, country: null };
    for (const key of ["line1", "line2", "city", "state", "postal_code", "country"] as const) {
      const value = stringParam(update[key]);
      if (value !== undefined) next[key] = value === "" ? null : value;
    }
    return next;
  }

  function createSession(params: FormObject): Response {
    const invalid = check(params, SESSION_CREATE);
    if (invalid) return invalid;
    const customerId = stringParam(params.customer);
    if (!customerId) {
      return invalidParameter("customer", "Missing required param: customer.", "parameter_missing");
    }
    if (!customers.has(customerId)) return resourceMissing("customer", customerId, "customer", 400);
    const flowData = hashParam(params.flow_data);
    let flow: Stripe.BillingPortal.Session.Flow | null = null;
    if (flowData) {
      const type = stringParam(flowData.type);
      if (!type || !FLOW_TYPES.has(type)) {
        return invalidParameter(
          "flow_data[type]",
          `Invalid flow_data[type]: must be one of ${[...FLOW_TYPES].join(", ")}`,
          "parameter_invalid_string",
        );
      }
      flow = {
        type,
        after_completion: { type: "portal_homepage", hosted_confirmation: null, redirect: null },
        customer_update: type === "customer_update" ? {} : null,
        subscription_cancel: null,
        subscription_pause: null,
        subscription_update: null,
        subscription_update_confirm: null,
      };
      const afterCompletion = hashParam(flowData.after_completion);
      if (afterCompletion) {
        const afterType = stringParam(afterCompletion.type) ?? "portal_homepage";
        const redirectUrl = stringParam(hashParam(afterCompletion.redirect)?.return_url);
        flow.after_completion = {
          type: afterType,
          hosted_confirmation:
            afterType === "hosted_confirmation"
              ? {
                  custom_message: stringParam(hashParam(afterCompletion.hosted_confirmation)?.custom_message) ?? null,
                }
              : null,
          redirect: afterType === "redirect" && redirectUrl ? { return_url: redirectUrl } : null,
        };
      }
      if (type.startsWith("subscription_")) {
        const param = `flow_data[${type}][subscription]`;
        const subscriptionId = stringParam(hashParam(flowData[type])?.subscription);
        if (!subscriptionId) return invalidParameter(param, `Missing required param: ${param}.`, "parameter_missing");
        const subscription = subscriptions.get(subscriptionId);
        if (!subscription) return resourceMissing("subscription", subscriptionId, param, 400);
        if (subscription.customer !== customerId) {
          return invalidParameter(
            param,
            `The subscription ${subscriptionId} does not belong to the customer ${customerId}.`,
            "resource_missing",
          );
        }
        if (subscription.status === "canceled" || subscription.status === "incomplete_expired") {
          return invalidParameter(
            param,
            `The subscription ${subscriptionId} has been canceled.`,
            "subscription_canceled",
          );
        }
        if (type === "subscription_cancel")
          flow.subscription_cancel = { subscription: subscriptionId, retention: null };
        if (type === "subscription_update") flow.subscription_update = { subscription: subscriptionId };
        if (type === "subscription_pause") flow.subscription_pause = { subscription: subscriptionId };
        if (type === "subscription_update_confirm") {
          flow.subscription_update_confirm = { subscription: subscriptionId, discounts: null, items: [] };
        }
      }
    }
    const session = structuredClone(portalSessionFixture);
    session.id = stripeId("bps");
    session.created = now();
    session.customer = customerId;
    session.livemode = false;
    session.flow = flow;
    session.configuration = stringParam(params.configuration) ?? DEFAULT_CONFIGURATION;
    session.locale = (stringParam(params.locale) as Stripe.BillingPortal.Session.Locale | undefined) ?? null;
    session.on_behalf_of = stringParam(params.on_behalf_of) ?? null;
    session.return_url = stringParam(params.return_url) ?? null;
    session.url = `https://billing.stripe.com/p/session/${stripeId("test").slice(5)}`;
    sessions.set(session.id, session);
    return stripeJson(200, session);
  }

  async function route(request: SimRequest): Promise<Response> {
    const denied = authenticate(request);
    if (denied) return denied;
    const refused = takeParamError(request);
    if (refused) return refused;
    const { method, path } = request;
    const params = method === "GET" || method === "DELETE" ? request.query : request.form;
    const invoiceMatch = /^\/v1\/invoices\/([^/]+)$/.exec(path);
    const subscriptionMatch = /^\/v1\/subscriptions\/([^/]+)$/.exec(path);
    const customerMatch = /^\/v1\/customers\/([^/]+)$/.exec(path);

    if (path === "/v1/billing_portal/sessions" && method === "POST") return createSession(params);
    if (path === "/v1/invoices" && method === "GET") return listInvoices(params);
    if (invoiceMatch && method === "GET") {
      const invalid = check(params, EXPAND);
      if (invalid) return invalid;
      const id = decodeURIComponent(invoiceMatch[1] ?? "");
      const row = invoices.get(id);
      return row ? stripeJson(200, row.invoice) : resourceMissing("invoice", id);
    }
    if (subscriptionMatch) {
      const id = decodeURIComponent(subscriptionMatch[1] ?? "");
      if (method === "GET") {
        const invalid = check(params, EXPAND);
        if (invalid) return invalid;
        const subscription = subscriptions.get(id);
        return subscription ? stripeJson(200, subscription) : resourceMissing("subscription", id);
      }
      if (method === "DELETE") return cancelSubscription(id, params);
      if (method === "POST") return updateSubscription(id, params);
    }
    if (customerMatch) {
      const id = decodeURIComponent(customerMatch[1] ?? "");
      if (method === "GET") {
        const invalid = check(params, EXPAND);
        if (invalid) return invalid;
        const customer = customers.get(id);
        return customer ? stripeJson(200, customer) : resourceMissing("customer", id);
      }
      if (method === "POST") return updateCustomer(id, params);
    }
    return stripeError(404, {
      type: "invalid_request_error",
      message: `Unrecognized request URL (${method}: ${path}). Please see https://docs.stripe.com or we can help at https://support.stripe.com/.`,
    });
  }

  const kit = createSimulatorKit({ route, errorResponse: stripeStatusError, idempotencyHeader: "idempotency-key" });

  return {
    handle: (request) => kit.handle(request),
    secretKey,
    seed(world) {
      for (const customer of world.customers) customers.set(customer.id, customerFromWorld(customer, now()));
      for (const subscription of world.subscriptions) {
        subscriptions.set(subscription.id, subscriptionFromWorld(subscription));
      }
      for (const invoice of world.invoices) {
        if (invoice.status !== "pending") putInvoice(invoiceFromWorld(invoice));
      }
    },
    reset() {
      customers.clear();
      subscriptions.clear();
      invoices.clear();
      sessions.clear();
    },
    putCustomer: (customer) => void customers.set(customer.id, structuredClone(customer)),
    putSubscription: (subscription) => void subscriptions.set(subscription.id, structuredClone(subscription)),
    putInvoice,
    customer: (id) => customers.get(id),
    subscription: (id) => subscriptions.get(id),
    invoice: (id) => invoices.get(id)?.invoice,
    session: (id) => sessions.get(id),
    get sessions() {
      return [...sessions.values()];
    },
    get requests() {
      return kit.requests;
    },
    clearRequests: () => kit.clearRequests(),
    inject: (rule) => kit.inject(rule),
    injectParamError: (param, match = {}) => {
      paramErrors.push({ param, match });
    },
    clearFaults: () => {
      kit.clearFaults();
      paramErrors = [];
    },
    get pendingFaults() {
      return kit.pendingFaults;
    },
  };
}
