import { PortalSessionSchema } from "@portalkit/core";
import { describe, expect, it } from "vitest";
import { expectNoSecrets, expectPortalError, type Scenario } from "../scenario-kit";
import { ALICE, UNKNOWN_CUSTOMER } from "../world";

export function sessionScenarios(scenario: Scenario): void {
  const { harness, providerId } = scenario;

  describe("createSession", () => {
    it("creates a normalized session for a known customer, with no credential in it", async () => {
      const ctx = await scenario.open(scenario.world());
      const session = PortalSessionSchema.parse(
        await ctx.provider.createSession({ customerId: ALICE, returnUrl: "https://app.example.com/account" }),
      );
      expect(session.customerId).toBe(ALICE);
      expect(session.provider).toBe(providerId);
      expect(session.id).not.toBe("");
      expect(session.url !== undefined || session.token !== undefined, "a session carries a url or a token").toBe(true);
      if (harness.manifest.sessionExpiry) {
        expect(session.expiresAt, "the vendor's sessions expire: expiresAt must be set").toBeDefined();
        expect(Date.parse(session.expiresAt!)).toBeGreaterThan(Date.parse(session.createdAt));
      }
      expectNoSecrets(ctx, session);
    });

    it("answers not_found for an unknown customer", async () => {
      const ctx = await scenario.open(scenario.world());
      const error = await expectPortalError(() => ctx.provider.createSession({ customerId: UNKNOWN_CUSTOMER }), {
        code: "not_found",
        retryable: false,
      });
      expectNoSecrets(ctx, error);
    });
  });
}
