import { type CancelMode, type Subscription, SubscriptionSchema } from "@portalkit/core";
import { describe, expect, it } from "vitest";
import type { HarnessContext, SimSubscriptionState } from "../harness";
import { expectPortalError, mutating, type Scenario, sameInstant } from "../scenario-kit";
import { ALICE, SUBSCRIPTIONS, UNKNOWN_SUBSCRIPTION } from "../world";

export const CANCEL_MODES: readonly CancelMode[] = ["now", "period_end"];

/** The state a cancel in `mode` leaves, in the adapter's answer and at the vendor. */
export function expectCancelled(
  mode: CancelMode,
  answer: Subscription,
  state: SimSubscriptionState | undefined,
  periodEnd: string,
): void {
  if (mode === "now") {
    expect(answer.status).toBe("canceled");
    expect(answer.canceledAt, "canceledAt is set").toBeDefined();
    expect(state?.status, "the vendor ended the subscription").toBe("canceled");
  } else {
    expect(answer.status).toBe("cancel_scheduled");
    expect(sameInstant(answer.cancelAt, periodEnd), "cancelAt is the end of the current period").toBe(true);
    expect(state?.status, "the vendor scheduled the end").toBe("cancel_scheduled");
    expect(sameInstant(state?.cancelAt, periodEnd), "the vendor ends it at the period end").toBe(true);
  }
}

export async function readState(ctx: HarnessContext, id: string): Promise<SimSubscriptionState | undefined> {
  return ctx.readSubscription(id);
}

export function cancelScenarios(scenario: Scenario): void {
  const { capabilities, providerId } = scenario;
  const subscriptionId = SUBSCRIPTIONS.aliceMain;
  const periodEnd = () => scenario.world().subscriptions.find((s) => s.id === subscriptionId)!.currentPeriodEnd;

  describe("cancel", () => {
    for (const mode of CANCEL_MODES) {
      if (!capabilities.cancelModes.includes(mode)) {
        it(`when: ${mode} is unsupported and changes nothing (not claimed)`, async () => {
          const ctx = await scenario.open(scenario.world());
          await expectPortalError(() => ctx.provider.cancel({ customerId: ALICE, subscriptionId, when: mode }), {
            code: "unsupported",
          });
          expect((await readState(ctx, subscriptionId))?.status).toBe("active");
        });
        continue;
      }

      it(`when: ${mode} changes the subscription, in the answer and at the vendor`, async () => {
        const ctx = await scenario.open(scenario.world());
        expect((await readState(ctx, subscriptionId))?.status).toBe("active");
        const answer = SubscriptionSchema.parse(
          await ctx.provider.cancel({ customerId: ALICE, subscriptionId, when: mode, reason: "too expensive" }),
        );
        expect(answer).toMatchObject({ id: subscriptionId, customerId: ALICE, provider: providerId });
        expectCancelled(mode, answer, await readState(ctx, subscriptionId), periodEnd());
        expect(mutating(ctx.requests).length, "mutating requests for one cancel").toBeGreaterThan(0);
        const other = await readState(ctx, SUBSCRIPTIONS.aliceAddon);
        expect(other?.status, "no other subscription changed").toBe("active");
      });

      it(`a second identical cancel (${mode}) sends no further change and answers the same state`, async () => {
        const ctx = await scenario.open(scenario.world());
        const first = await ctx.provider.cancel({ customerId: ALICE, subscriptionId, when: mode });
        const stateAfterFirst = await readState(ctx, subscriptionId);
        ctx.clearRequests();
        const second = SubscriptionSchema.parse(
          await ctx.provider.cancel({ customerId: ALICE, subscriptionId, when: mode }),
        );
        expect(mutating(ctx.requests), "mutating requests of the second call").toEqual([]);
        expect(second.status).toBe(first.status);
        expect(sameInstant(second.cancelAt, first.cancelAt)).toBe(true);
        expect(sameInstant(second.canceledAt, first.canceledAt)).toBe(true);
        expect(await readState(ctx, subscriptionId)).toEqual(stateAfterFirst);
      });
    }

    it("answers not_found for an unknown subscription", async () => {
      const ctx = await scenario.open(scenario.world());
      await expectPortalError(
        () =>
          ctx.provider.cancel({
            customerId: ALICE,
            subscriptionId: UNKNOWN_SUBSCRIPTION,
            when: capabilities.cancelModes[0]!,
          }),
        { code: "not_found", retryable: false },
      );
      expect(mutating(ctx.requests)).toEqual([]);
    });
  });
}
