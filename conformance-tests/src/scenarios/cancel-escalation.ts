import { SubscriptionSchema } from "@portalkit/core";
import { describe, expect, it } from "vitest";
import { mutating, type Scenario } from "../scenario-kit";
import { ALICE, SUBSCRIPTIONS } from "../world";

/**
 * `now` after `period_end`: a subscription already set to end at the period end still ends
 * at once when asked to. Answering the scheduled state would leave the customer billed.
 */
export function cancelEscalationScenarios(scenario: Scenario): void {
  const { capabilities } = scenario;
  const both = capabilities.cancelModes.includes("now") && capabilities.cancelModes.includes("period_end");

  describe.skipIf(!both)("cancel: now after period_end (when both are claimed)", () => {
    it("cancel now ends a subscription this provider set to end at the period end", async () => {
      const subscriptionId = SUBSCRIPTIONS.aliceMain;
      const ctx = await scenario.open(scenario.world());
      await ctx.provider.cancel({ customerId: ALICE, subscriptionId, when: "period_end" });
      expect((await ctx.readSubscription(subscriptionId))?.status).toBe("cancel_scheduled");
      ctx.clearRequests();
      const answer = SubscriptionSchema.parse(
        await ctx.provider.cancel({ customerId: ALICE, subscriptionId, when: "now" }),
      );
      expect(answer.status).toBe("canceled");
      expect(mutating(ctx.requests).length, "a mutating request for the cancellation").toBeGreaterThan(0);
      expect((await ctx.readSubscription(subscriptionId))?.status, "the vendor ended it").toBe("canceled");
    });

    it("cancel now ends a subscription the vendor already had scheduled to end", async () => {
      const subscriptionId = SUBSCRIPTIONS.aliceScheduled;
      const ctx = await scenario.open(scenario.world());
      expect((await ctx.readSubscription(subscriptionId))?.status).toBe("cancel_scheduled");
      const answer = SubscriptionSchema.parse(
        await ctx.provider.cancel({ customerId: ALICE, subscriptionId, when: "now" }),
      );
      expect(answer.status).toBe("canceled");
      expect((await ctx.readSubscription(subscriptionId))?.status, "the vendor ended it").toBe("canceled");
    });
  });
}
