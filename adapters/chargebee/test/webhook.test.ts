import type { ReceivedWebhook } from "@portalkit/conformance";
import { BillingEventSchema } from "@portalkit/core";
import { portalRejection } from "@portalkit/core/testing";
import { describe, expect, it } from "vitest";
import { rig, smallWorld } from "./setup";

const AUTH = { username: "hooks", password: "cb-hook-password-5d4c3b2a" };

/** A rig whose simulator delivers its webhooks into a list. */
function hooked(options: Parameters<typeof rig>[1] = { webhookAuth: AUTH }) {
  const setup = rig(smallWorld(), options);
  const received: ReceivedWebhook[] = [];
  setup.sim.setWebhookEndpoint({
    url: "https://app.example.com/webhooks/chargebee",
    ...AUTH,
    fetch: async (request) => {
      received.push({ body: await request.text(), headers: Object.fromEntries(request.headers) });
      return new Response(null, { status: 200 });
    },
  });
  const next = async () => {
    await setup.sim.webhooks.settled();
    const webhook = received.shift();
    if (!webhook) throw new Error("no webhook delivered");
    return webhook;
  };
  return { ...setup, next };
}

describe("parseWebhook on Chargebee", () => {
  it("checks the Basic credentials and normalizes the envelope with the readers' normalizers", async () => {
    const { provider, next } = hooked();
    await provider.cancel({ customerId: "alice", subscriptionId: "sub_alice", when: "period_end" });
    const webhook = await next();
    expect(JSON.parse(webhook.body)).toMatchObject({
      event_type: "subscription_cancellation_scheduled",
      api_version: "v2",
      content: { subscription: { id: "sub_alice", status: "non_renewing" } },
    });
    const event = BillingEventSchema.parse(await provider.parseWebhook(webhook));
    expect(event).toMatchObject({
      provider: "chargebee",
      type: "subscription.cancel_scheduled",
      vendorType: "subscription_cancellation_scheduled",
      customerId: "alice",
      subscriptionId: "sub_alice",
      subscription: { id: "sub_alice", status: "cancel_scheduled" },
    });
  });

  it("refuses a wrong password, a wrong user and no credentials, naming neither", async () => {
    const { provider, next } = hooked();
    await provider.cancel({ customerId: "alice", subscriptionId: "sub_alice", when: "now" });
    const webhook = await next();
    const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    for (const authorization of [basic(AUTH.username, "wrong"), basic("other", AUTH.password), "", "Bearer x"]) {
      const error = await portalRejection(provider.parseWebhook({ body: webhook.body, headers: { authorization } }));
      expect(error.code).toBe("unauthenticated");
      expect(JSON.stringify(error.toJSON())).not.toContain(AUTH.password);
    }
  });

  it("answers invalid_input for a body that is not an event, once the credentials pass", async () => {
    const { provider, next } = hooked();
    await provider.cancel({ customerId: "alice", subscriptionId: "sub_alice", when: "now" });
    const { headers } = await next();
    expect((await portalRejection(provider.parseWebhook({ body: "<html>", headers }))).code).toBe("invalid_input");
    expect((await portalRejection(provider.parseWebhook({ body: '{"id":"ev_1"}', headers }))).code).toBe(
      "invalid_input",
    );
  });

  it('with verify: "refetch", trusts only the copy read back by id, and refuses an id Chargebee does not know', async () => {
    const { provider, next, sim } = hooked({ webhookAuth: AUTH, verify: "refetch" });
    await provider.cancel({ customerId: "alice", subscriptionId: "sub_alice", when: "now" });
    const webhook = await next();
    const forged = JSON.parse(webhook.body) as { content: { subscription: { customer_id: string; status: string } } };
    forged.content.subscription.customer_id = "mallory";
    forged.content.subscription.status = "active";
    const event = await provider.parseWebhook({ body: JSON.stringify(forged), headers: webhook.headers });
    expect(event).toMatchObject({ customerId: "alice", subscription: { status: "canceled" } });
    expect(sim.requests.at(-1)).toMatchObject({ method: "GET", path: `/api/v2/events/${event.id}` });
    const unknown = { ...forged, id: "ev_made_up" };
    const refused = await portalRejection(
      provider.parseWebhook({ body: JSON.stringify(unknown), headers: webhook.headers }),
    );
    expect(refused.code).toBe("unauthenticated");
  });

  it("without webhookAuth or refetch, refuses every delivery", async () => {
    const { provider, next } = hooked({});
    await provider.cancel({ customerId: "alice", subscriptionId: "sub_alice", when: "now" });
    const error = await portalRejection(provider.parseWebhook(await next()));
    expect(error.code).toBe("unauthenticated");
    expect(error.message).toMatch(/webhookAuth/);
  });
});
