import { BillingEventSchema } from "@portalkit/core";
import { portalRejection } from "@portalkit/core/testing";
import type { Event } from "chargebee";
import { describe, expect, it } from "vitest";
import { normalizeChargebeeEvent } from "../src/webhook";
import { rig, smallWorld } from "./setup";

const AUTH = { username: "hooks", password: "cb-hook-password-5d4c3b2a" };
const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString("base64");
const GOOD = `Basic ${basic(AUTH.username, AUTH.password)}`;

const envelope = (patch: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: "ev_1",
    occurred_at: 1_700_000_000,
    event_type: "customer_changed",
    api_version: "v2",
    content: { customer: { id: "alice" } },
    ...patch,
  });

describe("Chargebee webhook credentials", () => {
  it("reads the Authorization header whatever its case, from Headers or a plain object", async () => {
    const { provider } = rig(smallWorld(), { webhookAuth: AUTH });
    const variants: Array<Headers | Record<string, string>> = [
      { authorization: GOOD },
      { Authorization: GOOD },
      { "X-Other": "1", AUTHORIZATION: GOOD },
      new Headers({ Authorization: GOOD }),
    ];
    for (const headers of variants) {
      const event = await provider.parseWebhook({ body: envelope(), headers });
      expect(event, JSON.stringify(headers)).toMatchObject({
        id: "ev_1",
        type: "customer.updated",
        customerId: "alice",
      });
    }
  });

  it("takes the scheme in any case and spaces around the credentials, and nothing else around them", async () => {
    const { provider } = rig(smallWorld(), { webhookAuth: AUTH });
    const token = basic(AUTH.username, AUTH.password);
    for (const authorization of [`basic ${token}`, `BASIC  ${token}`, `Basic ${token}  `, `Basic\t${token}`]) {
      await expect(provider.parseWebhook({ body: envelope(), headers: { authorization } })).resolves.toMatchObject({
        id: "ev_1",
      });
    }
    for (const authorization of [
      `xBasic ${token}`,
      `Basic ${token} extra`,
      `Basic${token}`,
      `Basic ${token}!`,
      `Bearer ${token}`,
      `Basic ${basic(AUTH.username, `${AUTH.password}x`)}`,
      `Basic ${basic(`${AUTH.username}x`, AUTH.password)}`,
      "Basic ",
    ]) {
      const error = await portalRejection(provider.parseWebhook({ body: envelope(), headers: { authorization } }));
      expect([error.code, error.status], authorization).toEqual(["unauthenticated", 401]);
      expect(error.message).toBe("The webhook's credentials (HTTP Basic) are wrong");
    }
    const none = await portalRejection(provider.parseWebhook({ body: envelope(), headers: {} }));
    expect([none.code, none.status]).toEqual(["unauthenticated", 401]);
  });

  it('with verify: "refetch" alone (no webhookAuth), trusts the copy read back, with no credentials asked', async () => {
    const { provider, sim } = rig(smallWorld(), { verify: "refetch" });
    await provider.cancel({ customerId: "alice", subscriptionId: "sub_alice", when: "now" });
    const [stored] = [...sim.events.values()];
    if (!stored) throw new Error("an event was recorded");
    const event = await provider.parseWebhook({ body: JSON.stringify({ ...stored, content: {} }), headers: {} });
    expect(BillingEventSchema.parse(event)).toMatchObject({ id: stored.id, customerId: "alice" });
  });

  it('with verify: "refetch", an outage reading the event back stays an outage, not a refusal', async () => {
    const { provider, sim } = rig(smallWorld(), { verify: "refetch", retry: { maxAttempts: 1 } });
    sim.inject({ method: "GET", path: "/api/v2/events/ev_1", fault: { type: "status", status: 503 } });
    const error = await portalRejection(provider.parseWebhook({ body: envelope(), headers: {} }));
    expect(error).toMatchObject({ code: "unavailable", retryable: true });
    const unknown = await portalRejection(provider.parseWebhook({ body: envelope(), headers: {} }));
    expect(unknown).toMatchObject({ code: "unauthenticated", status: 401, message: "Chargebee knows no event ev_1" });
  });
});

describe("a Chargebee webhook body", () => {
  it("must be an event: an id, a numeric occurred_at, an event type and a content object", async () => {
    const { provider } = rig(smallWorld(), { webhookAuth: AUTH });
    const headers = { authorization: GOOD };
    const bodies = [
      "not json",
      "null",
      "5",
      '"text"',
      envelope({ id: "" }),
      envelope({ id: 7 }),
      envelope({ occurred_at: "1700000000" }),
      envelope({ event_type: undefined }),
      envelope({ event_type: 3 }),
      envelope({ content: null }),
      envelope({ content: "x" }),
      envelope({ content: undefined }),
    ];
    for (const body of bodies) {
      const error = await portalRejection(provider.parseWebhook({ body, headers }));
      expect([error.code, error.status], body).toEqual(["invalid_input", 400]);
      expect(error.message, body).toMatch(/^The Chargebee webhook body is not (JSON|an event)$/);
    }
    expect((await portalRejection(provider.parseWebhook({ body: "{", headers }))).message).toBe(
      "The Chargebee webhook body is not JSON",
    );
    expect((await portalRejection(provider.parseWebhook({ body: "null", headers }))).message).toBe(
      "The Chargebee webhook body is not an event",
    );
  });

  it("keeps the raw envelope, and dates an event Chargebee did not date at the epoch", () => {
    const event = { id: "ev_2", content: {} } as unknown as Event;
    const out = normalizeChargebeeEvent(event, "chargebee");
    expect(out).toMatchObject({ vendorType: "unknown", type: "unknown", occurredAt: new Date(0).toISOString() });
    expect(out.raw).toBe(event);
  });
});
