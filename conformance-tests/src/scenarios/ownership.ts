import { PortalError } from "@portalkit/core";
import { describe, expect, it } from "vitest";
import type { HarnessContext } from "../harness";
import { expectPortalError, mutating, type Scenario } from "../scenario-kit";
import { ALICE, BOB, SUBSCRIPTIONS } from "../world";
import { walkInvoices } from "./invoices";
import { SUBSCRIPTION_SECTIONS } from "./launches";
import { NEW_ADDRESS, postalPart } from "./optional-operations";

async function settle<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}

const NOT_FOUND = { code: "not_found", retryable: false } as const;

export function ownershipScenarios(scenario: Scenario): void {
  const { capabilities: caps } = scenario;
  const bobsSubscription = { customerId: ALICE, subscriptionId: SUBSCRIPTIONS.bobMain };
  const bobsInvoice = () => scenario.world().invoices.find((invoice) => invoice.customerId === BOB)!;
  const subscriptionSection = caps.sections.find((section) => SUBSCRIPTION_SECTIONS.includes(section));

  async function expectBobUntouched(ctx: HarnessContext): Promise<void> {
    expect(mutating(ctx.requests), "mutating requests").toEqual([]);
    expect((await ctx.readSubscription(SUBSCRIPTIONS.bobMain))?.status, "Bob's subscription").toBe("active");
  }

  describe("ownership: Alice cannot see, change or download anything of Bob's", () => {
    it("listInvoices shows none of Bob's invoices, even filtered by Bob's subscription", async () => {
      const ctx = await scenario.open(scenario.world());
      const listed = await walkInvoices(ctx.provider, { customerId: ALICE, includePending: true });
      expect(listed.filter((invoice) => invoice.customerId !== ALICE).map((invoice) => invoice.id)).toEqual([]);
      expect(
        listed.some((invoice) => invoice.id.startsWith("in_bob_")),
        "an invoice of Bob's",
      ).toBe(false);
      // An empty listing and not_found both keep Bob's invoices hidden.
      const filtered = await settle(
        walkInvoices(ctx.provider, { customerId: ALICE, subscriptionId: SUBSCRIPTIONS.bobMain }),
      );
      if ("error" in filtered) expect(PortalError.isInstance(filtered.error) && filtered.error.code).toBe("not_found");
      else expect(filtered.value.map((invoice) => invoice.id)).toEqual([]);
    });

    it("a cursor issued for Alice reveals nothing of hers to Bob", async () => {
      const ctx = await scenario.open(scenario.world());
      const page = await ctx.provider.listInvoices({ customerId: ALICE, limit: 2 });
      expect(page.nextCursor, "Alice has more than one page of two").toBeDefined();
      const bobs = await settle(ctx.provider.listInvoices({ customerId: BOB, cursor: page.nextCursor! }));
      if ("error" in bobs) expect(PortalError.isInstance(bobs.error), String(bobs.error)).toBe(true);
      else
        expect(bobs.value.data.filter((invoice) => invoice.customerId !== BOB).map((invoice) => invoice.id)).toEqual(
          [],
        );
    });

    it.skipIf(!caps.getSubscription)("getSubscription of Bob's subscription is not_found", async () => {
      const ctx = await scenario.open(scenario.world());
      await expectPortalError(() => ctx.provider.getSubscription!(bobsSubscription), NOT_FOUND);
    });

    for (const mode of caps.cancelModes) {
      it(`cancel (${mode}) of Bob's subscription is not_found and changes nothing`, async () => {
        const ctx = await scenario.open(scenario.world());
        await expectPortalError(() => ctx.provider.cancel({ ...bobsSubscription, when: mode }), NOT_FOUND);
        await expectBobUntouched(ctx);
      });
    }

    it.skipIf(!caps.reactivate)("reactivate of Bob's subscription is not_found and changes nothing", async () => {
      const world = scenario.world();
      const bob = world.subscriptions.find((subscription) => subscription.id === SUBSCRIPTIONS.bobMain)!;
      bob.status = "cancel_scheduled";
      bob.cancelAt = bob.currentPeriodEnd;
      const ctx = await scenario.open(world);
      await expectPortalError(() => ctx.provider.reactivate!(bobsSubscription), NOT_FOUND);
      expect(mutating(ctx.requests), "mutating requests").toEqual([]);
      expect((await ctx.readSubscription(SUBSCRIPTIONS.bobMain))?.status).toBe("cancel_scheduled");
    });

    it.skipIf(!caps.invoicePdf)("invoicePdf of Bob's invoice is not_found", async () => {
      const ctx = await scenario.open(scenario.world());
      await expectPortalError(
        () => ctx.provider.invoicePdf!({ customerId: ALICE, invoiceId: bobsInvoice().id }),
        NOT_FOUND,
      );
    });

    it.skipIf(!caps.updateAddress)(
      "updateAddress naming Bob's subscription is not_found and changes nothing",
      async () => {
        const ctx = await scenario.open(scenario.world());
        const kind = caps.addressKinds.includes("shipping") ? "shipping" : caps.addressKinds[0]!;
        const bobsAddress = { customerId: BOB, kind, subscriptionId: SUBSCRIPTIONS.bobMain };
        const before = await ctx.readAddress(bobsAddress);
        await expectPortalError(
          () => ctx.provider.updateAddress!({ ...bobsSubscription, kind, address: NEW_ADDRESS }),
          NOT_FOUND,
        );
        expect(mutating(ctx.requests), "mutating requests").toEqual([]);
        expect(postalPart(await ctx.readAddress(bobsAddress))).toEqual(postalPart(before));
      },
    );

    it.skipIf(!caps.logout)("logout of Bob's portal session is not_found and leaves it open", async () => {
      const ctx = await scenario.open(scenario.world());
      if (!ctx.readSession) throw new Error("an adapter that claims logout needs a harness with readSession");
      const bobs = await ctx.provider.createSession({ customerId: BOB });
      ctx.clearRequests();
      await expectPortalError(() => ctx.provider.logout!({ customerId: ALICE, sessionId: bobs.id }), NOT_FOUND);
      expect(mutating(ctx.requests), "mutating requests").toEqual([]);
      expect((await ctx.readSession(bobs.id))?.status, "Bob's session at the vendor").toBe("active");
    });

    it.skipIf(subscriptionSection === undefined)(
      `openSection(${subscriptionSection ?? "a subscription section"}) naming Bob's subscription is not_found`,
      async () => {
        const ctx = await scenario.open(scenario.world());
        await expectPortalError(
          () => ctx.provider.openSection({ ...bobsSubscription, section: subscriptionSection! }),
          NOT_FOUND,
        );
      },
    );
  });
}
