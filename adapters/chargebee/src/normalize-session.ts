import type { PortalSession as PortalPortalSession } from "@portalkit/core";
import { unixToIso } from "@portalkit/core/adapter";
import type { PortalSession } from "chargebee";
import type { ChargebeePortalSession } from "./launch";
import { CHARGEBEE_PROVIDER_ID } from "./provider-id";

export function normalizePortalSession(session: PortalSession): PortalPortalSession {
  const out: PortalPortalSession = {
    id: session.id,
    provider: CHARGEBEE_PROVIDER_ID,
    customerId: session.customer_id,
    token: session.token,
    createdAt: unixToIso(session.created_at),
    browserSession: browserPortalSession(session),
    raw: { ...session },
  };
  if (/^https?:\/\//.test(session.access_url)) out.url = session.access_url;
  const expiresAt = unixToIso(session.expires_at);
  if (expiresAt) out.expiresAt = expiresAt;
  return out;
}

/**
 * The object Chargebee.js's `setPortalSession` resolves to: the fields it reads, nothing
 * else (no redirect URL, no login IP addresses).
 */
export function browserPortalSession(session: PortalSession): ChargebeePortalSession {
  const out: ChargebeePortalSession = {
    id: session.id,
    token: session.token,
    access_url: session.access_url,
    status: session.status,
    customer_id: session.customer_id,
    created_at: session.created_at,
    object: "portal_session",
  };
  if (session.expires_at !== undefined) out.expires_at = session.expires_at;
  return out;
}
