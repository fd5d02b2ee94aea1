import type { PortalErrorCode } from "@portalkit/core";
import type { Fault } from "@portalkit/core/testing";
import { describe, expect, it } from "vitest";
import { CONFORMANCE_SETUP, expectPortalError, mutating, type Scenario } from "../scenario-kit";
import { ALICE, SUBSCRIPTIONS } from "../world";

const FAILURES: ReadonlyArray<[string, Fault, PortalErrorCode, boolean]> = [
  ["HTTP 503", { type: "status", status: 503 }, "unavailable", true],
  ["a connection reset", { type: "reset" }, "unavailable", true],
  ["HTTP 401", { type: "status", status: 401 }, "unauthenticated", false],
];

/**
 * The read that checks ownership can fail like any other: an outage stays retryable and a
 * bad key stays `unauthenticated`. Only the vendor's "no such object" is `not_found`, which
 * would tell the caller, wrongly, that retrying is pointless or the object is gone.
 */
export function ownershipReadFailureScenarios(scenario: Scenario): void {
  const { capabilities: caps } = scenario;
  const { maxAttempts } = CONFORMANCE_SETUP.retry;

  describe("ownership checks facing vendor failures", () => {
    it.skipIf(!caps.invoicePdf).each(FAILURES)(
      "invoicePdf whose ownership read meets %s on every attempt fails with its own code, not not_found",
      async (_, fault, code, retryable) => {
        const world = scenario.world();
        const invoice = world.invoices.find((i) => i.customerId === ALICE && i.status === "paid")!;
        const ctx = await scenario.open(world);
        // Aimed at every request: the first one invoicePdf makes is the read of the invoice.
        ctx.inject({ fault, times: maxAttempts });
        await expectPortalError(() => ctx.provider.invoicePdf!({ customerId: ALICE, invoiceId: invoice.id }), {
          code,
          retryable,
        });
        expect(mutating(ctx.requests), "nothing asked of the vendor after a failed check").toEqual([]);
      },
    );

    it.each(FAILURES)(
      "cancel whose ownership read meets %s on every attempt fails with its own code and changes nothing",
      async (_, fault, code, retryable) => {
        const subscriptionId = SUBSCRIPTIONS.aliceMain;
        const ctx = await scenario.open(scenario.world());
        ctx.inject({ fault, times: maxAttempts });
        const when = caps.cancelModes.includes("now") ? "now" : "period_end";
        await expectPortalError(() => ctx.provider.cancel({ customerId: ALICE, subscriptionId, when }), {
          code,
          retryable,
        });
        expect(mutating(ctx.requests), "no cancellation sent").toEqual([]);
        expect((await ctx.readSubscription(subscriptionId))?.status).toBe("active");
      },
    );
  });
}
