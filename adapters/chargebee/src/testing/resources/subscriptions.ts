import { paramSpecOf, type RouteSpec, withItem } from "@portalkit/core/testing";
import { invalidState, notFound, wrongValue } from "../error-response";
import { listParams, nextOffset, readListRequest } from "../list-query";
import { addressParam, addressParamNames, booleanParam } from "../params";
import type { ChargebeeStore } from "../simulator";
import { json, live, type WireSubscription } from "../wire";

const LIST_PARAMS = listParams();

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
  const request = readListRequest<WireSubscription, WireSubscription["status"]>(params, {
    sortField: "created_at",
    statuses: SUBSCRIPTION_STATUSES,
    unsupported: ["customer_id[in]", "status[not_in]"],
  });
  if (request instanceof Response) return request;
  const page = store.subscriptions.page(request.query());
  return json({
    list: page.items.map((subscription) => {
      const customer = store.customers.get(subscription.customer_id);
      const card = store.cards.get(subscription.customer_id);
      return { subscription, ...(customer ? { customer } : {}), ...(card ? { card } : {}) };
    }),
    ...nextOffset(page, store.subscriptions),
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
  const on = (act: (subscription: WireSubscription, params: URLSearchParams) => Response) =>
    withItem(
      (id) => live(store.subscriptions, id),
      (id) => notFound(`subscription ${id}`),
      (subscription, { inputParams }) => act(subscription, inputParams),
    );
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
