import {
  ADDRESS_FIELDS,
  type Address,
  CustomerSchema,
  InvoicePdfSchema,
  PortalLaunchSchema,
  PortalSessionSchema,
  SubscriptionSchema,
  storedAddressFields,
} from "@portalkit/core";
import { describe, expect, it } from "vitest";
import { expectNoSecrets, expectPortalError, mutating, type Scenario, sameInstant } from "../scenario-kit";
import { ALICE, SUBSCRIPTIONS, UNKNOWN_CUSTOMER, UNKNOWN_INVOICE, UNKNOWN_SUBSCRIPTION } from "../world";
import { keptFields, WRITTEN_ADDRESSES } from "./reads";

export const NEW_ADDRESS: Address = {
  line1: "42 Harbour Road",
  line2: "Unit 7",
  city: "Portsmouth",
  state: "NH",
  postalCode: "03801",
  country: "US",
};

/** The address fields every vendor keeps for both kinds (names live elsewhere on some vendors). */
export function postalPart(address: Address | undefined): Partial<Address> {
  if (!address) return {};
  const { line1, line2, city, state, postalCode, country } = address;
  return Object.fromEntries(
    Object.entries({ line1, line2, city, state, postalCode, country }).filter(([, value]) => value !== undefined),
  );
}

export function optionalOperationScenarios(scenario: Scenario): void {
  const { capabilities: caps, providerId } = scenario;

  describe.skipIf(!caps.getSubscription)("getSubscription (when claimed)", () => {
    it("returns each of the customer's subscriptions normalized", async () => {
      const world = scenario.world();
      const ctx = await scenario.open(world);
      for (const seeded of world.subscriptions.filter((s) => s.customerId === ALICE)) {
        const subscription = SubscriptionSchema.parse(
          await ctx.provider.getSubscription!({ customerId: ALICE, subscriptionId: seeded.id }),
        );
        expect(subscription).toMatchObject({
          id: seeded.id,
          customerId: ALICE,
          provider: providerId,
          status: seeded.status,
        });
        if (seeded.status !== "canceled") {
          expect(sameInstant(subscription.currentPeriodEnd, seeded.currentPeriodEnd), "currentPeriodEnd").toBe(true);
        }
        if (seeded.status === "cancel_scheduled")
          expect(sameInstant(subscription.cancelAt, seeded.cancelAt)).toBe(true);
        const item = subscription.items.find((i) => i.priceId === seeded.priceId) ?? subscription.items[0];
        expect(item?.quantity, `quantity of ${seeded.id}`).toBe(seeded.quantity);
        if (item?.priceId !== undefined) expect(item.priceId).toBe(seeded.priceId);
      }
      expect(mutating(ctx.requests)).toEqual([]);
    });

    it("answers not_found for an unknown subscription", async () => {
      const ctx = await scenario.open(scenario.world());
      await expectPortalError(
        () => ctx.provider.getSubscription!({ customerId: ALICE, subscriptionId: UNKNOWN_SUBSCRIPTION }),
        { code: "not_found", retryable: false },
      );
    });
  });

  describe.skipIf(!caps.reactivate)("reactivate (when claimed)", () => {
    it("lifts a scheduled cancellation, in the answer and at the vendor", async () => {
      const ctx = await scenario.open(scenario.world());
      const subscriptionId = SUBSCRIPTIONS.aliceScheduled;
      expect((await ctx.readSubscription(subscriptionId))?.status).toBe("cancel_scheduled");
      const answer = SubscriptionSchema.parse(await ctx.provider.reactivate!({ customerId: ALICE, subscriptionId }));
      expect(answer.status).toBe("active");
      expect(answer.cancelAt).toBeUndefined();
      const state = await ctx.readSubscription(subscriptionId);
      expect(state?.status).toBe("active");
      expect(state?.cancelAt).toBeUndefined();
    });

    it.skipIf(!caps.cancelModes.includes("period_end"))(
      "undoes cancel(period_end), and a second reactivate changes nothing more",
      async () => {
        const ctx = await scenario.open(scenario.world());
        const ref = { customerId: ALICE, subscriptionId: SUBSCRIPTIONS.aliceMain };
        await ctx.provider.cancel({ ...ref, when: "period_end" });
        expect((await ctx.provider.reactivate!(ref)).status).toBe("active");
        ctx.clearRequests();
        expect((await ctx.provider.reactivate!(ref)).status).toBe("active");
        expect(mutating(ctx.requests), "mutating requests of the second reactivate").toEqual([]);
        expect((await ctx.readSubscription(ref.subscriptionId))?.status).toBe("active");
      },
    );
  });

  describe.skipIf(!caps.invoicePdf)("invoicePdf (when claimed)", () => {
    it("returns a download address for the customer's invoice", async () => {
      const world = scenario.world();
      const invoice = world.invoices.find((i) => i.customerId === ALICE && i.status === "paid")!;
      const ctx = await scenario.open(world);
      const pdf = InvoicePdfSchema.parse(await ctx.provider.invoicePdf!({ customerId: ALICE, invoiceId: invoice.id }));
      if (pdf.expiresAt !== undefined) expect(Date.parse(pdf.expiresAt)).toBeGreaterThan(Date.now() - 60_000);
      expectNoSecrets(ctx, pdf);
    });

    it("answers not_found for an unknown invoice", async () => {
      const ctx = await scenario.open(scenario.world());
      await expectPortalError(() => ctx.provider.invoicePdf!({ customerId: ALICE, invoiceId: UNKNOWN_INVOICE }), {
        code: "not_found",
        retryable: false,
      });
    });
  });

  describe.skipIf(!caps.updateAddress)("updateAddress (when claimed)", () => {
    for (const kind of caps.addressKinds) {
      it(`changes the ${kind} address, in the answer and at the vendor`, async () => {
        const ctx = await scenario.open(scenario.world());
        // Shipping addresses live on the subscription at some vendors (Chargebee), so name it.
        const target =
          kind === "shipping"
            ? { customerId: ALICE, kind, subscriptionId: SUBSCRIPTIONS.aliceMain }
            : { customerId: ALICE, kind };
        const customer = CustomerSchema.parse(
          await ctx.provider.updateAddress!({
            ...target,
            address: { firstName: "Alice", lastName: "Ames", ...NEW_ADDRESS },
          }),
        );
        expect(customer).toMatchObject({ id: ALICE, provider: providerId });
        if (kind === "billing") expect(postalPart(customer.billingAddress)).toEqual(postalPart(NEW_ADDRESS));
        expect(postalPart(await ctx.readAddress(target))).toEqual(postalPart(NEW_ADDRESS));
      });
    }

    for (const kind of caps.addressKinds) {
      const kept = storedAddressFields(caps, kind);
      const notKept = ADDRESS_FIELDS.filter((field) => !kept.includes(field));
      it(`keeps the ${kind} address fields it declares, and refuses each other one (${notKept.join(", ") || "none"}) as invalid_input naming it, with no write`, async () => {
        const ctx = await scenario.open(scenario.world());
        const target = { customerId: ALICE, kind, subscriptionId: SUBSCRIPTIONS.aliceMain };
        const before = await ctx.readAddress(target);
        for (const field of notKept) {
          await expectPortalError(
            () =>
              ctx.provider.updateAddress!({
                ...target,
                address: { ...NEW_ADDRESS, [field]: WRITTEN_ADDRESSES.billing[field] },
              }),
            { code: "invalid_input", field: `address.${field}`, retryable: false },
          );
        }
        expect(mutating(ctx.requests)).toEqual([]);
        expect(await ctx.readAddress(target)).toEqual(before);
        // Every field declared is kept at the vendor, read with the harness's own code.
        const written = keptFields(WRITTEN_ADDRESSES[kind], kept);
        await ctx.provider.updateAddress!({ ...target, address: written });
        expect(await ctx.readAddress(target)).toEqual(written);
      });
    }

    it("refuses an invalid address as invalid_input and sends no request", async () => {
      const ctx = await scenario.open(scenario.world());
      await expectPortalError(
        () =>
          ctx.provider.updateAddress!({
            customerId: ALICE,
            kind: caps.addressKinds[0]!,
            address: { ...NEW_ADDRESS, country: "usa" },
          }),
        { code: "invalid_input", field: "address.country", retryable: false },
      );
      expect(ctx.requests).toEqual([]);
    });
  });

  describe.skipIf(!caps.paymentMethodLaunch)("paymentMethodLaunch (when claimed)", () => {
    it("returns a launch for the customer's payment methods, with no credential in it", async () => {
      const ctx = await scenario.open(scenario.world());
      const launch = PortalLaunchSchema.parse(
        await ctx.provider.paymentMethodLaunch!({ customerId: ALICE, returnUrl: "https://app.example.com/billing" }),
      );
      expect(launch.provider).toBe(providerId);
      expectNoSecrets(ctx, launch);
    });

    it("answers not_found for an unknown customer", async () => {
      const ctx = await scenario.open(scenario.world());
      await expectPortalError(() => ctx.provider.paymentMethodLaunch!({ customerId: UNKNOWN_CUSTOMER }), {
        code: "not_found",
      });
    });
  });

  describe.skipIf(!caps.logout)("logout (when claimed)", () => {
    it("ends the session at the vendor", async () => {
      const ctx = await scenario.open(scenario.world());
      if (!ctx.readSession) throw new Error("an adapter that claims logout needs a harness with readSession");
      const session = PortalSessionSchema.parse(await ctx.provider.createSession({ customerId: ALICE }));
      expect((await ctx.readSession(session.id))?.status).toBe("active");
      await expect(ctx.provider.logout!({ customerId: ALICE, sessionId: session.id })).resolves.toBeUndefined();
      expect((await ctx.readSession(session.id))?.status).toBe("logged_out");
    });

    it("answers not_found for an unknown session", async () => {
      const ctx = await scenario.open(scenario.world());
      await expectPortalError(
        () => ctx.provider.logout!({ customerId: ALICE, sessionId: "portalkit_no_such_session" }),
        {
          code: "not_found",
          retryable: false,
        },
      );
      expect(mutating(ctx.requests)).toEqual([]);
    });
  });
}
