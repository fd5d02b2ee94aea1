import {
  type FormObject,
  hashParam,
  type ParamSpec,
  type RouteSpec,
  stringParam,
  withItem,
} from "@portalkit/core/testing";
import type Stripe from "stripe";
import type { StripeStore } from "../simulator";
import { invalidParameter, resourceMissing, stripeError, stripeJson } from "../wire";
import { EXPAND, listLimit, startingAfter } from "./params";

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

const SUBSCRIPTION_LIST: ParamSpec = {
  ...EXPAND,
  customer: true,
  customer_account: true,
  price: true,
  status: true,
  limit: true,
  starting_after: true,
  ending_before: true,
  collection_method: true,
  created: { gt: true, gte: true, lt: true, lte: true },
};

/** The statuses `status=` filters by; without it Stripe lists every one but `canceled`. */
const LIST_STATUSES = new Set([
  "active",
  "all",
  "canceled",
  "ended",
  "incomplete",
  "incomplete_expired",
  "past_due",
  "paused",
  "trialing",
  "unpaid",
]);

export function subscriptionCustomer(subscription: Stripe.Subscription): string | undefined {
  return typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id;
}

function listSubscriptions(store: StripeStore, query: FormObject): Response {
  const limit = listLimit(query);
  if (limit instanceof Response) return limit;
  const status = stringParam(query.status);
  if (status !== undefined && !LIST_STATUSES.has(status)) {
    return invalidParameter("status", `Invalid status: ${status}`, "parameter_invalid_string");
  }
  const customer = stringParam(query.customer);
  if (customer !== undefined && !store.customers.has(customer)) {
    return resourceMissing("customer", customer, "customer", 400);
  }
  const start = startingAfter(query, store.subscriptions, "subscription");
  if (start instanceof Response) return start;
  const passes = (subscription: Stripe.Subscription) => {
    if (status === "all") return true;
    if (status === undefined) return subscription.status !== "canceled";
    if (status === "ended") return hasEnded(subscription);
    return subscription.status === status;
  };
  const page = store.subscriptions.page({
    limit,
    ...(customer !== undefined ? { partition: ["customer", customer] as const } : {}),
    ...start,
    filter: passes,
  });
  return stripeJson(200, { object: "list", data: page.items, has_more: page.hasMore, url: "/v1/subscriptions" });
}

const ENDED_ONLY_DETAILS = "A canceled subscription can only update its cancellation_details and metadata.";

export function hasEnded(subscription: Stripe.Subscription): boolean {
  return subscription.status === "canceled" || subscription.status === "incomplete_expired";
}

function cancellationDetails(subscription: Stripe.Subscription): Stripe.Subscription.CancellationDetails {
  subscription.cancellation_details ??= { comment: null, feedback: null, feedback_option: null, reason: null };
  return subscription.cancellation_details;
}

function applyComment(details: Stripe.Subscription.CancellationDetails, params: FormObject): void {
  const comment = stringParam(hashParam(params.cancellation_details)?.comment);
  if (comment !== undefined) details.comment = comment === "" ? null : comment;
}

function cancel(store: StripeStore, subscription: Stripe.Subscription, params: FormObject): Response {
  if (hasEnded(subscription)) return stripeError(400, { type: "invalid_request_error", message: ENDED_ONLY_DETAILS });
  const at = store.now();
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

export function update(store: StripeStore, subscription: Stripe.Subscription, params: FormObject): Response {
  const touchesMore = Object.keys(params).some((key) => !["cancellation_details", "metadata", "expand"].includes(key));
  if (hasEnded(subscription) && touchesMore) {
    return stripeError(400, { type: "invalid_request_error", message: ENDED_ONLY_DETAILS });
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
    subscription.canceled_at = flag === "true" ? store.now() : null;
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
      subscription.canceled_at = store.now();
      details.reason = "cancellation_requested";
    } else {
      return invalidParameter("cancel_at", `Invalid timestamp: ${cancelAt}`, "parameter_invalid_integer");
    }
  }
  applyComment(details, params);
  return stripeJson(200, subscription);
}

/** `/v1/subscriptions`: a customer's, newest first, joined by `starting_after`; `/v1/subscriptions/:id`: read, cancel now (DELETE), schedule or lift a cancellation (POST). */
export function subscriptionRoutes(store: StripeStore): RouteSpec[] {
  const withSubscription = (act: (subscription: Stripe.Subscription, params: FormObject) => Response) =>
    withItem(
      (id) => store.subscriptions.get(id),
      (id) => resourceMissing("subscription", id),
      (item, { input }) => act(item, input),
    );
  return [
    {
      method: "GET",
      path: "/v1/subscriptions",
      params: SUBSCRIPTION_LIST,
      handle: (request) => listSubscriptions(store, request.input),
    },
    {
      method: "GET",
      path: "/v1/subscriptions/:id",
      params: EXPAND,
      handle: withSubscription((subscription) => stripeJson(200, subscription)),
    },
    {
      method: "DELETE",
      path: "/v1/subscriptions/:id",
      params: SUBSCRIPTION_CANCEL,
      handle: withSubscription((subscription, params) => cancel(store, subscription, params)),
    },
    {
      method: "POST",
      path: "/v1/subscriptions/:id",
      params: SUBSCRIPTION_UPDATE,
      handle: withSubscription((subscription, params) => update(store, subscription, params)),
    },
  ];
}
