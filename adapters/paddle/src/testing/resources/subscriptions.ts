import type { ISubscriptionResponse } from "@paddle/paddle-node-sdk";
import type { RouteSpec } from "@portalkit/core/testing";
import { listPage, listParam } from "../pagination";
import type { PaddleStore } from "../simulator";
import { invalidField, notFound, nowIso, paddleData, paddleError, readBody } from "../wire";

const LIST_PARAMS = {
  customer_id: true,
  status: true,
  after: true,
  per_page: true,
  order_by: true,
  scheduled_change_action: true,
} as const;

function locked(subscription: ISubscriptionResponse): Response | undefined {
  if (subscription.status !== "canceled") return undefined;
  return paddleError(400, {
    type: "request_error",
    code: "subscription_update_when_canceled",
    detail: "Subscription is canceled and cannot be changed.",
  });
}

function cancel(store: PaddleStore, subscription: ISubscriptionResponse, rawBody: string): Response {
  const body = readBody(rawBody, ["effective_from"]);
  if (body instanceof Response) return body;
  const refused = locked(subscription);
  if (refused) return refused;
  const from = body.effective_from ?? "next_billing_period";
  if (from !== "immediately" && from !== "next_billing_period") {
    return invalidField("effective_from", "must be immediately or next_billing_period");
  }
  if (from === "immediately") {
    const at = nowIso(store.now);
    subscription.status = "canceled";
    subscription.canceled_at = at;
    subscription.scheduled_change = null;
    subscription.current_billing_period = null;
    subscription.next_billed_at = null;
    subscription.updated_at = at;
    store.changed(subscription, "subscription.canceled");
  } else {
    scheduleCancel(store, subscription);
  }
  return paddleData(subscription);
}

/** A cancellation at the end of the billing period: a scheduled change on the live subscription. */
export function scheduleCancel(store: PaddleStore, subscription: ISubscriptionResponse): void {
  const endsAt = subscription.current_billing_period?.ends_at ?? nowIso(store.now);
  subscription.scheduled_change = { action: "cancel", effective_at: endsAt, resume_at: null };
  subscription.updated_at = nowIso(store.now);
  store.changed(subscription, "subscription.updated");
}

function update(store: PaddleStore, subscription: ISubscriptionResponse, rawBody: string): Response {
  const body = readBody(rawBody, ["scheduled_change", "custom_data", "proration_billing_mode"]);
  if (body instanceof Response) return body;
  const refused = locked(subscription);
  if (refused) return refused;
  if ("scheduled_change" in body) {
    if (body.scheduled_change !== null) return invalidField("scheduled_change", "only null removes a scheduled change");
    subscription.scheduled_change = null;
  }
  subscription.updated_at = nowIso(store.now);
  store.changed(subscription, "subscription.updated");
  return paddleData(subscription);
}

/** `/subscriptions`: list, read, update (a scheduled change removed) and cancel. */
export function subscriptionRoutes(store: PaddleStore): RouteSpec[] {
  const withSubscription =
    (act: (subscription: ISubscriptionResponse, rawBody: string) => Response) =>
    ({ pathParams: { id = "" }, rawBody }: { pathParams: Readonly<Record<string, string>>; rawBody: string }) => {
      const subscription = store.subscriptions.get(id);
      return subscription ? act(subscription, rawBody) : notFound("subscription", id);
    };
  return [
    {
      method: "GET",
      path: "/subscriptions",
      params: LIST_PARAMS,
      handle: (request) => {
        const customers = listParam(request, "customer_id");
        const statuses = listParam(request, "status");
        const actions = listParam(request, "scheduled_change_action");
        const single = customers?.length === 1 ? customers[0] : undefined;
        return listPage(request, store.subscriptions, {
          defaultSize: 50,
          maxSize: 200,
          ...(single !== undefined ? { partition: ["customer", single] as const } : {}),
          filter: (subscription) =>
            (customers === undefined || customers.includes(subscription.customer_id)) &&
            (statuses === undefined || statuses.includes(subscription.status)) &&
            (actions === undefined || actions.includes(subscription.scheduled_change?.action ?? "")),
        });
      },
    },
    {
      method: "GET",
      path: "/subscriptions/:id",
      params: { include: true },
      handle: withSubscription((subscription) => paddleData(subscription)),
    },
    {
      method: "PATCH",
      path: "/subscriptions/:id",
      handle: withSubscription((subscription, body) => update(store, subscription, body)),
    },
    {
      method: "POST",
      path: "/subscriptions/:id/cancel",
      handle: withSubscription((subscription, body) => cancel(store, subscription, body)),
    },
  ];
}
