import { CapabilitiesSchema, claims, OPTIONAL_OPERATIONS } from "@portalkit/core";
import { describe, expect, it } from "vitest";
import { CONFORMANCE_SETUP, type Scenario } from "../scenario-kit";

export function capabilityScenarios({ harness }: Scenario): void {
  describe("capabilities", () => {
    it("the manifest parses and the provider has an id", async () => {
      const ctx = await harness.setup(CONFORMANCE_SETUP);
      try {
        expect(CapabilitiesSchema.safeParse(ctx.provider.capabilities).error).toBeUndefined();
        expect(ctx.provider.id).toMatch(/^[a-z][a-z0-9-]*$/);
        const { addressKinds, updateAddress } = ctx.provider.capabilities;
        expect(addressKinds.length > 0, "addressKinds is non-empty exactly when updateAddress is claimed").toBe(
          updateAddress,
        );
        const { addressFields } = ctx.provider.capabilities;
        for (const kind of Object.keys(addressFields)) {
          expect(addressKinds, "address fields are declared only for kinds updateAddress changes").toContain(kind);
        }
      } finally {
        await ctx.close();
      }
    });

    it("an optional method is present exactly when it is claimed", async () => {
      const ctx = await harness.setup(CONFORMANCE_SETUP);
      try {
        const { provider } = ctx;
        const present = Object.fromEntries(
          OPTIONAL_OPERATIONS.map((operation) => [operation, typeof provider[operation] === "function"]),
        );
        const claimed = Object.fromEntries(
          OPTIONAL_OPERATIONS.map((operation) => [operation, claims(provider.capabilities, operation)]),
        );
        expect(present).toEqual(claimed);
      } finally {
        await ctx.close();
      }
    });
  });
}
