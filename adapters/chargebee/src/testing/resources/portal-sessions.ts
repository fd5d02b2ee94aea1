import { paramSpecOf, type RouteSpec } from "@portalkit/core/testing";
import { notFound } from "../error-response";
import { redirectParam, referencedCustomer } from "../params";
import type { ChargebeeStore } from "../simulator";
import { json, type WirePortalSession } from "../wire";

const PORTAL_SESSION_TTL = 3600;

function createPortalSession(store: ChargebeeStore, params: URLSearchParams): Response {
  const customer = referencedCustomer(store, params);
  if (customer instanceof Response) return customer;
  const badUrl = redirectParam(params, "redirect_url") ?? redirectParam(params, "forward_url");
  if (badUrl) return badUrl;
  const created = store.nowSec();
  const token = crypto.randomUUID().replace(/-/g, "");
  const session: WirePortalSession = {
    object: "portal_session",
    id: store.newId("portal"),
    token,
    access_url: `https://${store.site}.chargebeeportal.com/portal/v2/access/${token}`,
    status: "created",
    created_at: created,
    expires_at: created + PORTAL_SESSION_TTL,
    customer_id: customer.id,
  };
  const redirect = params.get("redirect_url");
  if (redirect) session.redirect_url = redirect;
  store.portalSessions.set(session.id, session);
  return json({ portal_session: session });
}

function logout(store: ChargebeeStore, session: WirePortalSession): Response {
  if (session.status !== "logged_out") {
    session.status = "logged_out";
    session.logout_at = store.nowSec();
  }
  return json({ portal_session: session });
}

/** `/portal_sessions`: create, read, log out. */
export function portalSessionRoutes(store: ChargebeeStore): RouteSpec[] {
  return [
    {
      method: "POST",
      path: "/api/v2/portal_sessions",
      params: paramSpecOf(["customer[id]", "redirect_url", "forward_url"]),
      handle: ({ inputParams }) => createPortalSession(store, inputParams),
    },
    {
      method: "GET",
      path: "/api/v2/portal_sessions/:id",
      params: {},
      handle: ({ pathParams: { id = "" } }) => {
        const session = store.portalSessions.get(id);
        return session ? json({ portal_session: session }) : notFound(`portal session ${id}`);
      },
    },
    {
      method: "POST",
      path: "/api/v2/portal_sessions/:id/logout",
      params: {},
      handle: ({ pathParams: { id = "" } }) => {
        const session = store.portalSessions.get(id);
        return session ? logout(store, session) : notFound(`portal session ${id}`);
      },
    },
  ];
}
