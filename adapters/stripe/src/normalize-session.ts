import type { PortalSession } from "@portalkit/core";
import { unixToIso } from "@portalkit/core/adapter";
import type Stripe from "stripe";
import { toRaw } from "./raw";

/** Stripe's portal sessions carry no expiry: the URL is short-lived, so make one per click. */
export function normalizeSession(session: Stripe.BillingPortal.Session, provider: string): PortalSession {
  return {
    id: session.id,
    provider,
    customerId: session.customer,
    url: session.url,
    createdAt: unixToIso(session.created),
    raw: toRaw(session),
  };
}
