import type { PortalSession } from "@portalkit/core";

/** What `POST /session` answers for a provider whose sessions are URLs (Stripe, Billflow). */
export interface UrlSessionBody {
  id: string;
  provider: string;
  url?: string;
  expiresAt?: string;
}

export type SessionBody = Record<string, unknown> | UrlSessionBody;

/**
 * The portal session as the vendor's docs have the endpoint answer it: the session object
 * the vendor's browser script takes, when the adapter says there is one
 * (`session.browserSession`); otherwise the session URL to send the customer to.
 */
export function sessionBody(session: PortalSession): SessionBody {
  if (session.browserSession !== undefined) return session.browserSession;
  const body: UrlSessionBody = { id: session.id, provider: session.provider };
  if (session.url !== undefined) body.url = session.url;
  if (session.expiresAt !== undefined) body.expiresAt = session.expiresAt;
  return body;
}
