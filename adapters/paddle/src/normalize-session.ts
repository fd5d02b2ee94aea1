import type { CustomerPortalSession } from "@paddle/paddle-node-sdk";
import type { PortalSession } from "@portalkit/core";
import { toIso, toRaw } from "./wire-values";

/** Paddle's customer portal, where its session links send the customer. */
export const PADDLE_PORTAL_HOSTS: ReadonlySet<string> = new Set([
  "customer-portal.paddle.com",
  "sandbox-customer-portal.paddle.com",
]);

/** A portal link Paddle answered, refused unless it leads to Paddle's customer portal over https. */
export function portalUrl(url: string | undefined): string {
  let parsed: URL | undefined;
  try {
    parsed = url === undefined ? undefined : new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol !== "https:" || !PADDLE_PORTAL_HOSTS.has(parsed.hostname)) {
    throw new TypeError("Paddle answered a portal link outside Paddle's customer portal");
  }
  return parsed.href;
}

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
    raw: toRaw(session),
  };
}
