import { paramSpecOf, type RouteRequest, type RouteSpec } from "@portalkit/core/testing";
import { invalidState, notFound, wrongValue } from "../error-response";
import { addressParam, addressParamNames, booleanParam, listValue } from "../params";
import type { ChargebeeStore } from "../simulator";
import { json, type WireSubscription } from "../wire";

/** Where a subscription sorts: newest first (by created_at, then id). */
export interface SubscriptionKey {
  created: number;
  id: string;
}

export const subscriptionKey = (subscription: WireSubscription): SubscriptionKey => ({
  created: subscription.created_at ?? 0,
  id: subscription.id,
});

export function compareSubscriptionKeys(a: SubscriptionKey, b: SubscriptionKey): number {
  const byCreated = b.created - a.created;
  if (byCreated !== 0) return byCreated;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** `next_offset`: the last subscription's key, as Chargebee's `["<ms>","<id>"]` string. */
function encodeOffset(key: SubscriptionKey): string {
  return JSON.stringify([String(key.created * 1000), key.id]);
}

function decodeOffset(offset: string): SubscriptionKey | undefined {
  try {
    const value: unknown = JSON.parse(offset);
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [ms, id] = value;
    if (typeof ms !== "string" || !/^\d+$/.test(ms) || typeof id !== "string" || id === "") return undefined;
    return { created: Number(ms) / 1000, id };
  } catch {
    return undefined;
  }
}

const LIST_PARAMS = paramSpecOf([
  "limit",
  "offset",
  "include_deleted",
  "customer_id[is]",
  "customer_id[in]",
  "status[is]",
  "status[is_not]",
  "status[in]",
  "status[not_in]",
  "sort_by[asc]",
  "sort_by[desc]",
]);

const SUBSCRIPTION_STATUSES: ReadonlySet<string> = new Set([
  "future",
  "in_trial",
  "active",
  "non_renewing",
  "paused",
  "cancelled",
  "transferred",
] satisfies Array<WireSubscription["status"]>);

/** `GET /subscriptions`: `{ list: [{ subscription, customer, card? }], next_offset }`, filtered server-side. */
function listSubscriptions(store: ChargebeeStore, params: URLSearchParams): Response {
  const limitText = params.get("limit") ?? "10";
  if (!/^\d+$/.test(limitText)) return wrongValue("limit", "must be an integer");
  const limit = Number(limitText);
  if (limit < 1) return wrongValue("limit", "cannot be less than 1");
  if (limit > 100) return wrongValue("limit", "cannot be more than 100");
  const offsetText = params.get("offset");
  const offset = offsetText === null ? undefined : decodeOffset(offsetText);
  if (offsetText !== null && !offset) return wrongValue("offset", "invalid offset value");
  for (const name of ["customer_id[in]", "status[not_in]"]) {
    if (params.has(name)) return wrongValue(name, "is not supported by the simulator");
  }
  const desc = params.get("sort_by[desc]");
  const asc = params.get("sort_by[asc]");
  if (desc !== null && asc !== null) return wrongValue("sort_by", "only one sort order can be given");
  const sortField = desc ?? asc;
  if (sortField !== null && sortField !== "created_at") {
    return wrongValue(desc !== null ? "sort_by[desc]" : "sort_by[asc]", `cannot sort by ${sortField}`);
  }
  const statusFilters: Array<(status: WireSubscription["status"]) => boolean> = [];
  for (const operator of ["is", "is_not", "in"] as const) {
    const name = `status[${operator}]`;
    const raw = params.get(name);
    if (raw === null) continue;
    const values = operator === "in" ? listValue(raw) : [raw];
    if (!values || values.some((v) => !SUBSCRIPTION_STATUSES.has(v))) return wrongValue(name, "invalid value");
    if (operator === "is_not") statusFilters.push((status) => status !== values[0]);
    else statusFilters.push((status) => values.includes(status));
  }
  const includeDeleted = booleanParam(params, "include_deleted");
  if (includeDeleted instanceof Response) return includeDeleted;
  const customerId = params.get("customer_id[is]");
  // Chargebee lists the most recently created first unless told otherwise.
  const page = store.subscriptions.page({
    limit,
    direction: asc !== null ? "reverse" : "forward",
    ...(customerId !== null ? { partition: ["customer", customerId] as const } : {}),
    ...(offset ? { after: offset } : {}),
    filter: (subscription) =>
      (includeDeleted === true || !subscription.deleted) &&
      statusFilters.every((passes) => passes(subscription.status)),
  });
  const last = page.items.at(-1);
  return json({
    list: page.items.map((subscription) => {
      const customer = store.customers.get(subscription.customer_id);
      const card = store.cards.get(subscription.customer_id);
      return { subscription, ...(customer ? { customer } : {}), ...(card ? { card } : {}) };
    }),
    ...(page.hasMore && last ? { next_offset: encodeOffset(subscriptionKey(last)) } : {}),
  });
}

function addMonths(seconds: number, months: number): number {
  const date = new Date(seconds * 1000);
  date.setUTCMonth(date.getUTCMonth() + months);
  return Math.floor(date.getTime() / 1000);
}

function answer(store: ChargebeeStore, subscription: WireSubscription): Response {
  const customer = store.customers.get(subscription.customer_id);
  return json({ subscription, ...(customer ? { customer } : {}) });
}

export function cancelForItems(
  store: ChargebeeStore,
  subscription: WireSubscription,
  params: URLSearchParams,
): Response {
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
  const reasonCode = params.get("cancel_reason_code");
  if (reasonCode !== null && !store.cancelReasonCodes.includes(reasonCode)) {
    return wrongValue("cancel_reason_code", "is not a reason code configured for subscription cancellations");
  }
  if (subscription.status === "cancelled") return invalidState("The subscription is already cancelled.");
  const now = store.nowSec();
  if (reasonCode !== null) subscription.cancel_reason_code = reasonCode;
  const atTermEnd = option === "end_of_term" || (option === null && endOfTerm === true);
  if (atTermEnd) {
    if (subscription.status === "future") {
      return invalidState("A future subscription cannot be cancelled at the end of its term.");
    }
    subscription.status = "non_renewing";
    subscription.cancelled_at =
      subscription.trial_end && subscription.trial_end > now
        ? subscription.trial_end
        : (subscription.current_term_end ?? now);
    subscription.cancel_schedule_created_at = now;
  } else {
    subscription.status = "cancelled";
    subscription.cancelled_at = now;
    delete subscription.cancel_schedule_created_at;
  }
  delete subscription.next_billing_at;
  store.touch(subscription);
  return answer(store, subscription);
}

function reactivate(store: ChargebeeStore, subscription: WireSubscription, params: URLSearchParams): Response {
  const invoiceImmediately = booleanParam(params, "invoice_immediately");
  if (invoiceImmediately instanceof Response) return invoiceImmediately;
  if (subscription.status !== "cancelled") return invalidState("Only cancelled subscriptions can be reactivated.");
  const start = store.nowSec();
  const end = addMonths(start, subscription.billing_period ?? 1);
  subscription.status = "active";
  subscription.activated_at = start;
  subscription.current_term_start = start;
  subscription.current_term_end = end;
  subscription.next_billing_at = end;
  delete subscription.cancelled_at;
  delete subscription.cancel_schedule_created_at;
  store.touch(subscription);
  return answer(store, subscription);
}

function removeScheduledCancellation(store: ChargebeeStore, subscription: WireSubscription): Response {
  if (subscription.status !== "non_renewing") return invalidState("The subscription has no scheduled cancellation.");
  const now = store.nowSec();
  subscription.status = subscription.trial_end && subscription.trial_end > now ? "in_trial" : "active";
  subscription.next_billing_at = subscription.current_term_end ?? now;
  delete subscription.cancelled_at;
  delete subscription.cancel_schedule_created_at;
  store.touch(subscription);
  return answer(store, subscription);
}

function updateForItems(store: ChargebeeStore, subscription: WireSubscription, params: URLSearchParams): Response {
  if (subscription.status === "cancelled") return invalidState("A cancelled subscription cannot be updated.");
  const shipping = addressParam(params, "shipping_address");
  if (shipping instanceof Response) return shipping;
  if (shipping) subscription.shipping_address = shipping;
  const notes = params.get("invoice_notes");
  if (notes !== null) subscription.invoice_notes = notes;
  const po = params.get("po_number");
  if (po !== null) subscription.po_number = po;
  store.touch(subscription);
  return answer(store, subscription);
}

/** `/subscriptions`: a page of them; `/subscriptions/:id`: read, cancel, reactivate, lift a scheduled cancellation, change the shipping address. */
export function subscriptionRoutes(store: ChargebeeStore): RouteSpec[] {
  const on =
    (act: (subscription: WireSubscription, params: URLSearchParams) => Response) =>
    ({ pathParams: { id = "" }, inputParams }: RouteRequest) => {
      const subscription = store.subscriptions.get(id);
      if (!subscription || subscription.deleted) return notFound(`subscription ${id}`);
      return act(subscription, inputParams);
    };
  const route = (method: string, action: string, names: readonly string[], handle: RouteSpec["handle"]): RouteSpec => ({
    method,
    path: `/api/v2/subscriptions/:id${action}`,
    params: paramSpecOf(names),
    handle,
  });
  return [
    {
      method: "GET",
      path: "/api/v2/subscriptions",
      params: LIST_PARAMS,
      handle: (request) => listSubscriptions(store, request.inputParams),
    },
    route(
      "GET",
      "",
      [],
      on((subscription) => answer(store, subscription)),
    ),
    route(
      "POST",
      "/cancel_for_items",
      [
        "end_of_term",
        "cancel_option",
        "cancel_at",
        "credit_option_for_current_term_charges",
        "unbilled_charges_option",
        "account_receivables_handling",
        "refundable_credits_handling",
        "contract_term_cancel_option",
        "invoice_date",
        "include_cancellation_day_in_billing",
        "cancel_reason_code",
        "decommissioned",
      ],
      on((subscription, params) => cancelForItems(store, subscription, params)),
    ),
    route(
      "POST",
      "/reactivate",
      ["invoice_immediately", "billing_alignment_mode", "invoice_date", "reactivate_from"],
      on((subscription, params) => reactivate(store, subscription, params)),
    ),
    route(
      "POST",
      "/remove_scheduled_cancellation",
      ["billing_cycles"],
      on((subscription) => removeScheduledCancellation(store, subscription)),
    ),
    route(
      "POST",
      "/update_for_items",
      [...addressParamNames("shipping_address"), "invoice_notes", "po_number"],
      on((subscription, params) => updateForItems(store, subscription, params)),
    ),
  ];
}
