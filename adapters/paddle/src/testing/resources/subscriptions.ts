import type { ISubscriptionResponse } from "@paddle/paddle-node-sdk";
import { type RouteSpec, withItem } from "@portalkit/core/testing";
import type { PaddleStore } from "../simulator";
import { invalidField, listPage, listParams, notFound, paddleData, paddleError, readBody, readRoute } from "../wire";

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
    const at = store.at();
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
  const endsAt = subscription.current_billing_period?.ends_at ?? store.at();
  subscription.scheduled_change = { action: "cancel", effective_at: endsAt, resume_at: null };
  subscription.updated_at = store.at();
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
  subscription.updated_at = store.at();
  store.changed(subscription, "subscription.updated");
  return paddleData(subscription);
}

/** `/subscriptions`: list, read, update (a scheduled change removed) and cancel. */
export function subscriptionRoutes(store: PaddleStore): RouteSpec[] {
  const withSubscription = (act: (subscription: ISubscriptionResponse, rawBody: string) => Response) =>
    withItem(
      (id) => store.subscriptions.get(id),
      (id) => notFound("subscription", id),
      (item, { rawBody }) => act(item, rawBody),
    );
  return [
    {
      method: "GET",
      path: "/subscriptions",
      params: listParams("customer_id", "status", "scheduled_change_action"),
      handle: (request) =>
        listPage(request, store.subscriptions, {
          defaultSize: 50,
          maxSize: 200,
          filters: {
            customer_id: (subscription) => subscription.customer_id,
            status: (subscription) => subscription.status,
            scheduled_change_action: (subscription) => subscription.scheduled_change?.action,
          },
        }),
    },
    readRoute("/subscriptions/:id", "subscription", (id) => store.subscriptions.get(id)),
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
