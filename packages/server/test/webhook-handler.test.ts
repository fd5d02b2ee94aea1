import { type BillingEvent, createRouter, PortalError } from "@portalkit/core";
import { emptyWorld } from "@portalkit/core/testing";
import { createMemoryProvider } from "@portalkit/memory";
import { createMemorySimulator, type MemorySimulator } from "@portalkit/memory/testing";
import { describe, expect, it } from "vitest";
import { createWebhookHandler, type WebhookHandler } from "../src/index";

const SECRET = "memory-webhook-secret-for-server-tests";

function world() {
  const w = emptyWorld();
  const now = Date.now();
  const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();
  w.customers.push({ id: "cus_1", email: "one@example.com" });
  w.subscriptions.push({
    id: "sub_1",
    customerId: "cus_1",
    status: "active",
    priceId: "price_basic",
    quantity: 1,
    unitAmount: 1000,
    currency: "usd",
    createdAt: iso(now - 86_400_000),
    currentPeriodStart: iso(now - 86_400_000),
    currentPeriodEnd: iso(now + 29 * 86_400_000),
  });
  return w;
}

/** A simulator whose webhooks go to `handler`, and the provider that made the change. */
function setup(secret = SECRET) {
  const sim = createMemorySimulator({ world: world() });
  const provider = createMemoryProvider({ fetch: sim.fetch, webhookSecret: secret });
  return { sim, provider };
}

function deliverTo(sim: MemorySimulator, secret: string, handler: WebhookHandler, answers: number[] = []) {
  sim.setWebhookEndpoint({
    url: "https://app.example.com/webhooks/memory",
    secret,
    fetch: async (request) => {
      const response = await handler(request);
      answers.push(response.status);
      return response;
    },
  });
  return answers;
}

describe("createWebhookHandler", () => {
  it("verifies, hands the normalized event to onEvent and answers 200", async () => {
    const { sim, provider } = setup();
    const events: BillingEvent[] = [];
    const answers = deliverTo(sim, SECRET, createWebhookHandler(provider, { onEvent: (e) => void events.push(e) }));
    await provider.cancel({ customerId: "cus_1", subscriptionId: "sub_1", when: "period_end" });
    await sim.webhooks.settled();
    expect(answers).toEqual([200]);
    expect(events).toMatchObject([
      { type: "subscription.cancel_scheduled", subscriptionId: "sub_1", subscription: { status: "cancel_scheduled" } },
    ]);
  });

  it("answers 401 for a bad signature, without calling onEvent or naming the secret", async () => {
    const { sim, provider } = setup();
    let called = 0;
    const handler = createWebhookHandler(provider, { onEvent: () => void called++ });
    deliverTo(sim, SECRET, handler);
    sim.webhooks.inject({ type: "bad-signature" });
    await provider.cancel({ customerId: "cus_1", subscriptionId: "sub_1", when: "now" });
    await sim.webhooks.settled();
    const [delivery] = sim.webhooks.deliveries;
    expect(delivery?.status).toBe(401);
    const response = await handler(
      new Request("https://app.example.com/webhooks/memory", {
        method: "POST",
        body: delivery?.body ?? "",
        headers: delivery?.headers ?? {},
      }),
    );
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: "unauthenticated" } });
    expect(text).not.toContain(SECRET);
    expect(called).toBe(0);
  });

  it("answers 400 for a signed body that is not an event, 413 past maxBodyBytes and 405 for GET", async () => {
    const { provider } = setup();
    const { memoryWebhookSignature } = await import("@portalkit/memory");
    const handler = createWebhookHandler(provider, { onEvent: () => undefined, maxBodyBytes: 64 });
    const timestamp = Math.floor(Date.now() / 1000);
    const body = "not an event";
    const headers = {
      "memory-webhook-timestamp": String(timestamp),
      "memory-webhook-signature": memoryWebhookSignature(SECRET, timestamp, body),
    };
    const unreadable = await handler(new Request("https://a.example/h", { method: "POST", body, headers }));
    expect(unreadable.status).toBe(400);
    const large = await handler(new Request("https://a.example/h", { method: "POST", body: "x".repeat(65), headers }));
    expect(large.status).toBe(413);
    const get = await handler(new Request("https://a.example/h"));
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  it("answers 500 when onEvent throws, so the vendor delivers again; the retry carries the same id", async () => {
    const { sim, provider } = setup();
    const seen: string[] = [];
    const handler = createWebhookHandler(provider, {
      onEvent: (event) => {
        seen.push(event.id);
        throw new Error("database down");
      },
    });
    const answers = deliverTo(sim, SECRET, handler);
    sim.webhooks.inject({ type: "duplicate" });
    await provider.cancel({ customerId: "cus_1", subscriptionId: "sub_1", when: "now" });
    await sim.webhooks.settled();
    expect(answers).toEqual([500, 500]);
    expect(seen.length).toBe(2);
    expect(seen[1]).toBe(seen[0]);
  });

  it("serves a router's providers with one endpoint each and one onEvent", async () => {
    const a = setup("secret-of-vendor-a-000000");
    const b = setup("secret-of-vendor-b-111111");
    const router = createRouter({ providers: { a: a.provider, b: b.provider }, resolve: () => "a" });
    expect(router.parseWebhook).toBeUndefined();
    const events: BillingEvent[] = [];
    const onEvent = (event: BillingEvent) => void events.push(event);
    deliverTo(a.sim, "secret-of-vendor-a-000000", createWebhookHandler(a.provider, { onEvent }));
    deliverTo(b.sim, "secret-of-vendor-b-111111", createWebhookHandler(b.provider, { onEvent }));
    await a.provider.cancel({ customerId: "cus_1", subscriptionId: "sub_1", when: "now" });
    await b.provider.cancel({ customerId: "cus_1", subscriptionId: "sub_1", when: "period_end" });
    await Promise.all([a.sim.webhooks.settled(), b.sim.webhooks.settled()]);
    expect(events.map((e) => e.type).sort()).toEqual(["subscription.cancel_scheduled", "subscription.canceled"]);
  });

  it("refuses, at construction, a provider that does not parse webhooks", () => {
    const { provider } = setup();
    const router = createRouter({ providers: { a: provider }, resolve: () => "a" });
    let error: unknown;
    try {
      createWebhookHandler(router, { onEvent: () => undefined });
    } catch (caught) {
      error = caught;
    }
    expect(PortalError.isInstance(error) && error.code).toBe("unsupported");
  });
});
