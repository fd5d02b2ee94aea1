import { type BillingEvent, BillingEventSchema, PortalError } from "@portalkit/core";
import { describe, expect, it } from "vitest";
import type { HarnessContext, ReceivedWebhook } from "../harness";
import { expectNoSecrets, expectPortalError, type Scenario } from "../scenario-kit";
import { ALICE, SUBSCRIPTIONS } from "../world";

/** Replaces every string equal to `from` anywhere in a JSON body: a forged customer. */
function forge(body: string, from: string, to: string): string {
  const walk = (value: unknown): unknown => {
    if (value === from) return to;
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    }
    return value;
  };
  return JSON.stringify(walk(JSON.parse(body)));
}

const AUTH_HEADERS = /^(?:authorization|.*signature.*|.*timestamp.*)$/i;

export function webhookScenarios(scenario: Scenario): void {
  const { capabilities: caps, providerId, harness } = scenario;
  const subscriptionId = SUBSCRIPTIONS.aliceMain;

  async function open(): Promise<HarnessContext & { webhooks: NonNullable<HarnessContext["webhooks"]> }> {
    const ctx = await scenario.open(scenario.world());
    if (!ctx.webhooks) throw new Error(`${harness.name} claims webhooks but its harness delivers none`);
    await ctx.webhooks.take();
    return ctx as HarnessContext & { webhooks: NonNullable<HarnessContext["webhooks"]> };
  }

  async function parse(ctx: HarnessContext, webhook: ReceivedWebhook): Promise<BillingEvent> {
    return BillingEventSchema.parse(await ctx.provider.parseWebhook!({ body: webhook.body, headers: webhook.headers }));
  }

  async function eventsOf(ctx: HarnessContext, webhooks: readonly ReceivedWebhook[]): Promise<BillingEvent[]> {
    const events: BillingEvent[] = [];
    for (const webhook of webhooks) events.push(await parse(ctx, webhook));
    for (const event of events) expect(event.provider).toBe(providerId);
    return events;
  }

  function about(events: readonly BillingEvent[], type: BillingEvent["type"]): BillingEvent {
    const found = events.filter((event) => event.subscriptionId === subscriptionId && event.type === type);
    expect(
      found.map((event) => event.type),
      `a ${type} event for ${subscriptionId} in ${events.map((e) => e.vendorType).join(", ")}`,
    ).toEqual([type]);
    return found[0] as BillingEvent;
  }

  describe.skipIf(!caps.webhooks)("webhooks (when claimed)", () => {
    it("each mutation made through the contract is delivered as its event, with the subscription normalized", async () => {
      const ctx = await open();
      const p = ctx.provider;
      if (caps.cancelModes.includes("period_end")) {
        const scheduled = await p.cancel({ customerId: ALICE, subscriptionId, when: "period_end" });
        const event = about(await eventsOf(ctx, await ctx.webhooks.take()), "subscription.cancel_scheduled");
        expect(event.customerId).toBe(ALICE);
        expect(event.subscription).toMatchObject({ id: subscriptionId, customerId: ALICE, status: "cancel_scheduled" });
        expect(event.subscription?.cancelAt).toBe(scheduled.cancelAt);
        expect(Number.isNaN(Date.parse(event.occurredAt))).toBe(false);
        if (caps.reactivate) {
          const active = await p.reactivate!({ customerId: ALICE, subscriptionId });
          const back = about(
            await eventsOf(ctx, await ctx.webhooks.take()),
            harness.manifest.reactivationEvents === false ? "subscription.updated" : "subscription.reactivated",
          );
          expect(back.subscription).toMatchObject({ id: subscriptionId, status: active.status });
        }
      }
      if (caps.cancelModes.includes("now")) {
        await p.cancel({ customerId: ALICE, subscriptionId, when: "now" });
        const ended = about(await eventsOf(ctx, await ctx.webhooks.take()), "subscription.canceled");
        expect(ended.subscription).toMatchObject({ id: subscriptionId, customerId: ALICE, status: "canceled" });
      }
    });

    async function oneDelivery(ctx: Awaited<ReturnType<typeof open>>): Promise<ReceivedWebhook> {
      await ctx.provider.cancel({ customerId: ALICE, subscriptionId, when: caps.cancelModes[0] ?? "now" });
      const [first] = await ctx.webhooks.take();
      if (!first) throw new Error("the cancellation was delivered as no webhook");
      return first;
    }

    it("refuses a delivery without its credentials, and a tampered body is refused or not trusted", async () => {
      const ctx = await open();
      const webhook = await oneDelivery(ctx);
      const bare = Object.fromEntries(Object.entries(webhook.headers).filter(([name]) => !AUTH_HEADERS.test(name)));
      const error = await expectPortalError(() => ctx.provider.parseWebhook!({ body: webhook.body, headers: bare }), {
        code: "unauthenticated",
      });
      expectNoSecrets(ctx, error);
      // A forged customer: either the signature no longer verifies, or the adapter trusts
      // only the copy it read back from the vendor.
      const forged = forge(webhook.body, ALICE, "cus_mallory");
      let event: BillingEvent | undefined;
      try {
        event = await ctx.provider.parseWebhook!({ body: forged, headers: webhook.headers });
      } catch (refused) {
        expect(PortalError.isInstance(refused) && refused.code, "a tampered body").toBe("unauthenticated");
        expectNoSecrets(ctx, refused);
      }
      if (event) expect(event.customerId, "a tampered body's customer").toBe(ALICE);
    });

    it("refuses a delivery signed with a wrong secret or password", async () => {
      const ctx = await open();
      ctx.webhooks.inject({ type: "bad-signature" });
      const webhook = await oneDelivery(ctx);
      const error = await expectPortalError(
        () => ctx.provider.parseWebhook!({ body: webhook.body, headers: webhook.headers }),
        { code: "unauthenticated" },
      );
      expectNoSecrets(ctx, error);
    });

    it.skipIf(!harness.manifest.webhookTimestamps)("refuses a delivery signed at a stale timestamp", async () => {
      const ctx = await open();
      ctx.webhooks.inject({ type: "stale", seconds: 3600 });
      const webhook = await oneDelivery(ctx);
      await expectPortalError(() => ctx.provider.parseWebhook!({ body: webhook.body, headers: webhook.headers }), {
        code: "unauthenticated",
      });
    });

    it("a duplicate delivery carries the same id", async () => {
      const ctx = await open();
      ctx.webhooks.inject({ type: "duplicate" });
      await ctx.provider.cancel({ customerId: ALICE, subscriptionId, when: caps.cancelModes[0] ?? "now" });
      const events = await eventsOf(ctx, await ctx.webhooks.take());
      const [first, second] = events;
      expect(events.length).toBeGreaterThanOrEqual(2);
      expect(second?.id).toBe(first?.id);
      expect(second?.type).toBe(first?.type);
      expect(second?.occurredAt).toBe(first?.occurredAt);
    });

    it("an event delivered after a newer one is told apart by occurredAt; the current state is re-read", async () => {
      const ctx = await open();
      const p = ctx.provider;
      ctx.webhooks.inject({ type: "reorder" });
      const first = await p.cancel({
        customerId: ALICE,
        subscriptionId,
        when: caps.cancelModes.includes("period_end") ? "period_end" : "now",
      });
      ctx.webhooks.advanceClock(60);
      const newer =
        first.status === "cancel_scheduled" && caps.reactivate
          ? await p.reactivate!({ customerId: ALICE, subscriptionId })
          : await p.cancel({ customerId: ALICE, subscriptionId, when: "now" });
      const events = (await eventsOf(ctx, await ctx.webhooks.take())).filter(
        (e) => e.subscriptionId === subscriptionId,
      );
      expect(events.length).toBe(2);
      const [arrivedFirst, arrivedLate] = events as [BillingEvent, BillingEvent];
      // The late one is older: the app keeps the newest occurredAt it applied and skips it.
      expect(Date.parse(arrivedLate.occurredAt)).toBeLessThan(Date.parse(arrivedFirst.occurredAt));
      expect(arrivedLate.subscription?.status).toBe(first.status);
      expect(arrivedFirst.subscription?.status).toBe(newer.status);
      if (caps.getSubscription) {
        // Verify, then re-read: the vendor's current state is the newer event's.
        const current = await p.getSubscription!({ customerId: ALICE, subscriptionId });
        expect(current.status).toBe(newer.status);
      }
    });
  });
}
