import { PORTAL_SECTIONS, type PortalLaunch, PortalLaunchSchema, type PortalSection } from "@portalkit/core";
import { describe, expect, it } from "vitest";
import { expectNoSecrets, expectPortalError, type Scenario } from "../scenario-kit";
import { ALICE, SUBSCRIPTIONS } from "../world";

/** Sections that act on one subscription get its id; the others are opened for the customer. */
export const SUBSCRIPTION_SECTIONS: readonly PortalSection[] = [
  "subscription_details",
  "cancel_subscription",
  "edit_subscription",
];

export function launchScenarios(scenario: Scenario): void {
  const { capabilities, providerId } = scenario;

  function parseLaunch(launch: PortalLaunch): PortalLaunch {
    const parsed = PortalLaunchSchema.parse(launch);
    expect(parsed.provider).toBe(providerId);
    return parsed;
  }

  describe("openPortal and openSection", () => {
    it("openPortal returns a launch for the whole portal, with no credential in it", async () => {
      const ctx = await scenario.open(scenario.world());
      const launch = parseLaunch(
        await ctx.provider.openPortal({ customerId: ALICE, returnUrl: "https://app.example.com/account" }),
      );
      expect(launch.fallback).toBeUndefined();
      expect(launch.section).toBeUndefined();
      expectNoSecrets(ctx, launch);
    });

    it("leaves vendorOptions addressed to another adapter alone", async () => {
      const ctx = await scenario.open(scenario.world());
      const launch = parseLaunch(
        await ctx.provider.openPortal({
          customerId: ALICE,
          vendorOptions: { "portalkit-other-vendor": { portalkitOption: "kept-for-another-vendor" } },
        }),
      );
      expect(JSON.stringify(launch)).not.toContain("kept-for-another-vendor");
    });

    it("refuses a launch option addressed to it that it does not take, sending nothing", async () => {
      const ctx = await scenario.open(scenario.world());
      const error = await expectPortalError(
        () => ctx.provider.openPortal({ customerId: ALICE, vendorOptions: { [providerId]: { portalkitUnknown: 1 } } }),
        { code: "invalid_input", retryable: false },
      );
      expect(error.field?.startsWith(`vendorOptions.${providerId}`), `field ${error.field}`).toBe(true);
      expect(ctx.requests).toEqual([]);
    });

    for (const section of PORTAL_SECTIONS) {
      const claimed = capabilities.sections.includes(section);
      const input = {
        customerId: ALICE,
        section,
        ...(SUBSCRIPTION_SECTIONS.includes(section) ? { subscriptionId: SUBSCRIPTIONS.aliceMain } : {}),
      };
      if (claimed) {
        it(`openSection(${section}) opens the section (claimed)`, async () => {
          const ctx = await scenario.open(scenario.world());
          const launch = parseLaunch(await ctx.provider.openSection(input));
          expect(launch.section).toBe(section);
          expect(launch.fallback).toBeUndefined();
          expectNoSecrets(ctx, launch);
        });
      } else {
        it(`openSection(${section}) is unsupported, and opens the whole portal with fallback (not claimed)`, async () => {
          const ctx = await scenario.open(scenario.world());
          await expectPortalError(() => ctx.provider.openSection(input), { code: "unsupported", retryable: false });
          const launch = parseLaunch(await ctx.provider.openSection({ ...input, fallback: "portal" }));
          expect(launch.fallback).toBe(true);
          expectNoSecrets(ctx, launch);
        });
      }
    }
  });
}
