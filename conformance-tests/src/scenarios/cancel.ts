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
  const { capabilities, providerId, harness } = scenario;
  const subscriptionId = SUBSCRIPTIONS.aliceMain;
  const reasonSent = (): string => {
    const reason = harness.manifest.cancelReason;
    if (capabilities.cancelReason === "code" && reason === undefined) {
      throw new Error(
        "an adapter that sends reason codes needs a harness manifest with cancelReason (one of its codes)",
      );
    }
    return reason ?? "too expensive";
  };
  // The main scenarios pass a reason wherever the adapter takes one.
  const acceptedReason = (): { reason?: string } =>
    capabilities.cancelReason === "none" ? {} : { reason: reasonSent() };
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
          await ctx.provider.cancel({ customerId: ALICE, subscriptionId, when: mode, ...acceptedReason() }),
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

    const mode = capabilities.cancelModes[0]!;
    const handling = capabilities.cancelReason;
    if (handling !== "none") {
      it(`sends the reason (as a ${handling}), and the vendor keeps it`, async () => {
        const ctx = await scenario.open(scenario.world());
        if (!ctx.readCancelReason) {
          throw new Error("an adapter that sends a cancellation reason needs a harness with readCancelReason");
        }
        const reason = reasonSent();
        await ctx.provider.cancel({ customerId: ALICE, subscriptionId, when: mode, reason });
        expect(await ctx.readCancelReason(subscriptionId), "the reason stored at the vendor").toBe(reason);
      });
    }
    if (handling !== "comment") {
      it(`refuses a reason it cannot send (${handling === "code" ? "not one of its codes" : "it keeps none"}): invalid_input naming reason, nothing sent`, async () => {
        const ctx = await scenario.open(scenario.world());
        await expectPortalError(
          () =>
            ctx.provider.cancel({
              customerId: ALICE,
              subscriptionId,
              when: mode,
              reason: "Free text that is no vendor reason code",
            }),
          { code: "invalid_input", field: "reason", retryable: false },
        );
        expect(ctx.requests, "requests after an invalid reason").toEqual([]);
        expect((await readState(ctx, subscriptionId))?.status).toBe("active");
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
