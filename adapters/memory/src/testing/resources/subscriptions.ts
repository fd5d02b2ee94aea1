import { MAX_PAGE_SIZE } from "@portalkit/core";
import type { RouteRequest } from "@portalkit/core/testing";
import type { WireSubscriptionList } from "../../wire";
import { ApiError, json, need, nowSeconds } from "../errors";
import type { MemoryRoute, MemoryStore } from "../simulator";

/** Newest first (by creation), then by id descending. */
export interface SubscriptionKey {
  created: number;
  id: string;
}

export function compareSubscriptionKeys(a: SubscriptionKey, b: SubscriptionKey): number {
  return b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function listSubscriptions(store: MemoryStore, request: RouteRequest): Response {
  const q = request.url.searchParams;
  const limit = Number(q.get("limit") ?? MAX_PAGE_SIZE);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ApiError(400, `limit must be an integer from 1 to ${MAX_PAGE_SIZE}.`, "limit");
  }
  const offset = Number(q.get("offset") ?? 0);
  if (!Number.isInteger(offset) || offset < 0) throw new ApiError(400, "Invalid offset.", "offset");
  const customerId = q.get("customer_id");
  const page = store.subscriptions.page({
    limit,
    offset,
    ...(customerId !== null ? { partition: ["customer", customerId] as const } : {}),
  });
  const list: WireSubscriptionList = { object: "list", data: page.items };
  if (page.hasMore) list.next_offset = String(offset + limit);
  return json(list);
}

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
      handle: (request) => listSubscriptions(store, request),
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
