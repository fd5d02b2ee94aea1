import { ApiError, json, need, nowSeconds } from "../errors";
import { listPage } from "../list-page";
import type { MemoryRoute, MemoryStore } from "../simulator";

function cancel(store: MemoryStore, id: string, body: Record<string, unknown>): Response {
  const subscription = need(store.subscriptions, "subscription", id);
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

function reactivate(store: MemoryStore, id: string): Response {
  const subscription = need(store.subscriptions, "subscription", id);
  if (subscription.status === "canceled") {
    throw new ApiError(400, `Subscription ${id} has ended and cannot be reactivated.`);
  }
  subscription.cancel_at_period_end = false;
  delete subscription.cancel_at;
  return json(subscription);
}

/** `/v1/subscriptions`: a customer's subscriptions newest first by position; `/v1/subscriptions/:id`: read, cancel (now or at the period end), reactivate. */
export function subscriptionRoutes(store: MemoryStore): MemoryRoute[] {
  return [
    {
      method: "GET",
      path: "/v1/subscriptions",
      params: { limit: true, offset: true, customer_id: true },
      handle: (request) => listPage(store.subscriptions, request),
    },
    {
      method: "GET",
      path: "/v1/subscriptions/:id",
      params: {},
      handle: ({ pathParams: { id = "" } }) => json(need(store.subscriptions, "subscription", id)),
    },
    {
      method: "POST",
      path: "/v1/subscriptions/:id/cancel",
      handle: ({ pathParams: { id = "" } }, body) => cancel(store, id, body),
    },
    {
      method: "POST",
      path: "/v1/subscriptions/:id/reactivate",
      handle: ({ pathParams: { id = "" } }) => reactivate(store, id),
    },
  ];
}
