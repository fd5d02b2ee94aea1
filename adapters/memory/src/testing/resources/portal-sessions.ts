import type { WirePortalSession } from "../../wire";
import { ApiError, json, need, nowSeconds } from "../errors";
import type { MemoryRoute, MemoryStore } from "../simulator";

function createSession(store: MemoryStore, body: Record<string, unknown>): Response {
  const customerId = String(body.customer_id ?? "");
  if (!customerId) throw new ApiError(400, "Missing required param: customer_id.", "customer_id");
  need(store.customers, "customer", customerId);
  const id = `ps_${store.nextSession()}_${crypto.randomUUID().slice(0, 8)}`;
  const section = typeof body.section === "string" ? body.section : undefined;
  const subscriptionId = typeof body.subscription_id === "string" ? body.subscription_id : undefined;
  const returnUrl = typeof body.return_url === "string" ? body.return_url : undefined;
  const url = new URL(`${store.portalUrl}/p/${id}${section ? `/${section}` : ""}`);
  if (subscriptionId) url.searchParams.set("subscription", subscriptionId);
  const created = nowSeconds();
  const session: WirePortalSession = {
    object: "portal_session",
    id,
    customer_id: customerId,
    status: "active",
    url: url.toString(),
    token: crypto.randomUUID().replace(/-/g, ""),
    created_at: created,
    expires_at: created + 3600,
    ...(section ? { section } : {}),
    ...(subscriptionId ? { subscription_id: subscriptionId } : {}),
    ...(returnUrl ? { return_url: returnUrl } : {}),
  };
  store.sessions.set(id, session);
  return json(session);
}

/** `/v1/portal_sessions`: create one, read one, log it out. */
export function portalSessionRoutes(store: MemoryStore): MemoryRoute[] {
  return [
    { method: "POST", path: "/v1/portal_sessions", handle: (_request, body) => createSession(store, body) },
    {
      method: "GET",
      path: "/v1/portal_sessions/:id",
      handle: ({ pathParams: { id = "" } }) => json(need(store.sessions, "portal session", id)),
    },
    {
      method: "POST",
      path: "/v1/portal_sessions/:id/logout",
      handle: ({ pathParams: { id = "" } }) => {
        const session = need(store.sessions, "portal session", id);
        session.status = "logged_out";
        return json(session);
      },
    },
  ];
}
