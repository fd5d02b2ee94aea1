import { describe, expect, it } from "vitest";
import { CONFORMANCE_SETUP, expectPortalError, type Scenario } from "../scenario-kit";
import { ALICE } from "../world";

/**
 * `retry.maxDelayMs` bounds the waits of one call together, not each wait: the vendor's
 * Retry-After is honoured while what is left of the budget covers it, and the call ends
 * with the vendor's error once it does not, however many attempts remain.
 */
export function retryBudgetScenarios(scenario: Scenario): void {
  describe("faults: the total-wait bound", () => {
    it("several 429s with Retry-After: 1 under a 1.5 s budget wait once, then fail rate_limited", async () => {
      const ctx = await scenario.open(scenario.world(), {
        retry: { ...CONFORMANCE_SETUP.retry, maxAttempts: 5, maxDelayMs: 1_500 },
      });
      ctx.inject({ operation: "listInvoices", fault: { type: "status", status: 429, retryAfter: 1 }, times: 5 });
      const error = await expectPortalError(() => ctx.provider.listInvoices({ customerId: ALICE }), {
        code: "rate_limited",
        retryable: true,
      });
      // 1 s waited, 0.5 s left: the second 1 s Retry-After does not fit, and attempts remain.
      expect(ctx.requests.length, "the first request and one retry").toBe(2);
      if (error.retryAfterMs !== undefined) expect(error.retryAfterMs).toBe(1_000);
    });
  });
}
