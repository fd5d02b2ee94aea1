import { type ChargebeePortalSession, ChargebeePortalSessionSchema, type PortalSession } from "@portalkit/core";

/** What `POST /session` answers for a provider whose sessions are URLs (Stripe, Billflow). */
export interface UrlSessionBody {
  id: string;
  provider: string;
  url?: string;
  expiresAt?: string;
}

export type SessionBody = ChargebeePortalSession | UrlSessionBody;

/**
 * The portal session as the vendor's docs have the endpoint answer it: for Chargebee the
 * `portal_session` object that Chargebee.js's `setPortalSession` resolves to; otherwise
 * the session URL to send the customer to.
 */
export function sessionBody(session: PortalSession): SessionBody {
  const chargebee = ChargebeePortalSessionSchema.safeParse(session.raw);
  if (chargebee.success) return chargebee.data;
  const body: UrlSessionBody = { id: session.id, provider: session.provider };
  if (session.url !== undefined) body.url = session.url;
  if (session.expiresAt !== undefined) body.expiresAt = session.expiresAt;
  return body;
}
