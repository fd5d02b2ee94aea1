import { describe, expect, it } from "vitest";
import type { Scenario } from "../scenario-kit";
import { ALICE } from "../world";

const RETURN_URL = "https://app.example.com/settings/billing?from=portal";

/**
 * The `returnUrl` a caller names reaches the vendor: read back from the vendor's record of
 * the session, with the harness's own code. Skipped for harnesses that cannot read sessions
 * back (a signed embed keeps none at the vendor).
 */
export function returnUrlScenarios(scenario: Scenario): void {
  describe("createSession: returnUrl at the vendor", () => {
    it("the session the vendor holds sends the customer back to the returnUrl given", async (context) => {
      const ctx = await scenario.open(scenario.world());
      if (!ctx.readPortalSession) {
        context.skip("the harness cannot read portal sessions back");
        return;
      }
      const session = await ctx.provider.createSession({ customerId: ALICE, returnUrl: RETURN_URL });
      const record = await ctx.readPortalSession(session.id);
      expect(record, `the vendor holds session ${session.id}`).toBeDefined();
      expect(record?.returnUrl).toBe(RETURN_URL);
    });
  });
}
