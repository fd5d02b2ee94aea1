import type { ICustomerPortalSessionResponse } from "@paddle/paddle-node-sdk";
import type { RouteSpec } from "@portalkit/core/testing";
import type { PaddleStore } from "../simulator";
import { invalidField, notFound, nowIso, paddleData, paddleId, readBody } from "../wire";

export const PORTAL_ORIGIN = "https://sandbox-customer-portal.paddle.com";

/** `POST /customers/:id/portal-sessions`: authenticated links to the portal, 25 subscriptions at most. */
export function portalSessionRoutes(store: PaddleStore): RouteSpec[] {
  return [
    {
      method: "POST",
      path: "/customers/:id/portal-sessions",
      handle: ({ pathParams: { id = "" }, rawBody }) => {
        if (!store.customers.has(id)) return notFound("customer", id);
        const body = readBody(rawBody, ["subscription_ids"]);
        if (body instanceof Response) return body;
        const ids = body.subscription_ids ?? [];
        if (!Array.isArray(ids) || ids.length > 25 || ids.some((sub) => typeof sub !== "string")) {
          return invalidField("subscription_ids", "must be a list of at most 25 subscription ids");
        }
        for (const subscriptionId of ids as string[]) {
          if (store.subscriptions.get(subscriptionId)?.customer_id !== id)
            return notFound("subscription", subscriptionId);
        }
        const sessionId = paddleId("cpls");
        const token = `pga_${paddleId("tok").slice(4)}`;
        const link = (action: string, subscriptionId?: string) =>
          `${PORTAL_ORIGIN}/${store.portalId}?action=${action}${subscriptionId ? `&subscription_id=${subscriptionId}` : ""}&token=${token}`;
        const session: ICustomerPortalSessionResponse = {
          id: sessionId,
          customer_id: id,
          urls: {
            general: { overview: link("overview") },
            subscriptions: (ids as string[]).map((subscriptionId) => ({
              id: subscriptionId,
              cancel_subscription: link("cancel_subscription", subscriptionId),
              update_subscription_payment_method: link("update_subscription_payment_method", subscriptionId),
            })),
          },
          created_at: nowIso(store.now),
        };
        store.sessions.set(sessionId, session);
        const response = paddleData(session);
        return new Response(response.body, { status: 201, headers: response.headers });
      },
    },
  ];
}
