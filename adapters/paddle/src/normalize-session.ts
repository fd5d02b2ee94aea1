import type { CustomerPortalSession } from "@paddle/paddle-node-sdk";
import type { PortalSession } from "@portalkit/core";
import { portalUrl } from "./portal-url";
import { toIso } from "./wire-values";

/**
 * Paddle's portal sessions carry no expiry and cannot be revoked; the links are meant to be
 * used at once, so make a session per click and never cache one.
 */
export function normalizeSession(session: CustomerPortalSession, customerId: string, provider: string): PortalSession {
  return {
    id: session.id,
    provider,
    customerId: session.customerId ?? customerId,
    url: portalUrl(session.urls.general.overview),
    createdAt: toIso(session.createdAt) ?? new Date().toISOString(),
    raw: { ...session },
  };
}
