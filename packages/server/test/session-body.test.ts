import type { PortalSession } from "@portalkit/core";
import { describe, expect, it } from "vitest";
import { sessionBody } from "../src/session-body";

const base = { customerId: "cus_1", createdAt: "2026-11-21T08:00:00Z" };

describe("sessionBody", () => {
  it("answers the session object the adapter gives for the browser (Chargebee's portal_session), without other keys", () => {
    const portalSession = {
      id: "portal_1",
      token: "tok_abc",
      access_url: "https://acme.chargebeeportal.com/portal/v2/access/tok_abc",
      status: "created",
      customer_id: "cus_1",
      created_at: 1_763_712_000,
      expires_at: 1_763_715_600,
      object: "portal_session",
    };
    const session: PortalSession = {
      ...base,
      id: "portal_1",
      provider: "chargebee",
      url: portalSession.access_url,
      token: "tok_abc",
      browserSession: portalSession,
      raw: { ...portalSession, linked_customers: [{ customer_id: "cus_1" }] },
    };
    expect(sessionBody(session)).toEqual(portalSession);
    // The raw vendor object is never sniffed: without the adapter's word, a session is a URL.
    const { browserSession: _, ...withoutBrowser } = session;
    expect(sessionBody(withoutBrowser)).toEqual({
      id: "portal_1",
      provider: "chargebee",
      url: portalSession.access_url,
    });
  });

  it("answers the URL for a URL-based session and never its token or raw object", () => {
    const session: PortalSession = {
      ...base,
      id: "bps_1",
      provider: "stripe",
      url: "https://billing.stripe.com/p/session/test_123",
      token: "secret-token",
      expiresAt: "2026-11-21T09:00:00Z",
      raw: { id: "bps_1", object: "billing_portal.session", customer: "cus_1" },
    };
    expect(sessionBody(session)).toEqual({
      id: "bps_1",
      provider: "stripe",
      url: "https://billing.stripe.com/p/session/test_123",
      expiresAt: "2026-11-21T09:00:00Z",
    });
  });
});
