import {
  type Address,
  type AddressKind,
  allSubscriptions,
  CustomerSchema,
  PageSchema,
  PortalError,
  type Subscription,
  SubscriptionSchema,
  storedAddressFields,
} from "@portalkit/core";
import { describe, expect, it } from "vitest";
import { expectNoSecrets, expectPortalError, mutating, type Scenario } from "../scenario-kit";
import {
  ALICE,
  ALICE_SUBSCRIPTIONS_NEWEST_FIRST,
  BOB,
  SUBSCRIPTIONS,
  subscriptionWorld,
  UNKNOWN_CUSTOMER,
} from "../world";

/**
 * The address the suite writes for each kind; a provider gets only the fields it declares it
 * keeps (`capabilities.addressFields`: Paddle's billing address has no phone or company).
 */
export const WRITTEN_ADDRESSES: Record<AddressKind, Address> = {
  billing: {
    firstName: "Alma",
    lastName: "Ames",
    company: "Ames Analytics",
    email: "alma@ames.example",
    phone: "+1 603 555 0188",
    line1: "42 Harbour Road",
    line2: "Unit 7",
    city: "Portsmouth",
    state: "NH",
    postalCode: "03801",
    country: "US",
  },
  shipping: {
    firstName: "Alma",
    lastName: "Ames",
    phone: "+1 603 555 0199",
    line1: "9 Dock Street",
    city: "Portsmouth",
    state: "NH",
    postalCode: "03801",
    country: "US",
  },
};

const PageOfSubscriptions = PageSchema(SubscriptionSchema);

async function listAll(scenario: Scenario, provider: Parameters<typeof allSubscriptions>[0], limit?: number) {
  const out: Subscription[] = [];
  for await (const subscription of allSubscriptions(provider, {
    customerId: ALICE,
    ...(limit !== undefined ? { limit } : {}),
  })) {
    out.push(SubscriptionSchema.parse(subscription));
    expect(subscription.provider).toBe(scenario.providerId);
  }
  return out;
}

export function readScenarios(scenario: Scenario): void {
  const { capabilities: caps, providerId } = scenario;

  describe.skipIf(!caps.getCustomer)("getCustomer (when claimed)", () => {
    it("returns the customer as the vendor holds it, without a write", async () => {
      const world = scenario.world();
      const ctx = await scenario.open(world);
      const customer = CustomerSchema.parse(await ctx.provider.getCustomer!({ customerId: ALICE }));
      const seeded = world.customers.find((c) => c.id === ALICE)!;
      expect(customer).toMatchObject({ id: ALICE, provider: providerId, email: seeded.email });
      expect(mutating(ctx.requests)).toEqual([]);
      expectNoSecrets(ctx, customer);
    });

    it("summarizes the default payment method as the simulator's card, with no number or token", async () => {
      const ctx = await scenario.open(scenario.world());
      if (!ctx.readPaymentMethod) throw new Error("a harness for getCustomer needs readPaymentMethod");
      const expected = await ctx.readPaymentMethod(ALICE);
      expect(expected, "the world gives Alice a card").toBeDefined();
      const customer = CustomerSchema.parse(await ctx.provider.getCustomer!({ customerId: ALICE }));
      expect(customer.paymentMethod).toEqual(expected);
      // The summary is only what the schema allows: no full number, no vendor id.
      expect(Object.keys(customer.paymentMethod ?? {}).sort()).toEqual(
        Object.keys(expected ?? {})
          .filter((key) => ["type", "brand", "last4", "expMonth", "expYear"].includes(key))
          .sort(),
      );
      const bob = CustomerSchema.parse(await ctx.provider.getCustomer!({ customerId: BOB }));
      expect(bob.paymentMethod).toEqual(await ctx.readPaymentMethod(BOB));
    });

    it("answers not_found for an unknown customer", async () => {
      const ctx = await scenario.open(scenario.world());
      await expectPortalError(() => ctx.provider.getCustomer!({ customerId: UNKNOWN_CUSTOMER }), {
        code: "not_found",
        retryable: false,
      });
    });

    it("answers not_found for a customer the vendor has deleted", async () => {
      const ctx = await scenario.open(scenario.world());
      if (!ctx.deleteCustomer) throw new Error("a harness for getCustomer needs deleteCustomer");
      await ctx.deleteCustomer(BOB);
      await expectPortalError(() => ctx.provider.getCustomer!({ customerId: BOB }), { code: "not_found" });
      // Alice is untouched.
      expect((await ctx.provider.getCustomer!({ customerId: ALICE })).id).toBe(ALICE);
    });

    it("refuses a bad customer id as invalid_input and sends no request", async () => {
      const ctx = await scenario.open(scenario.world());
      await expectPortalError(() => ctx.provider.getCustomer!({ customerId: "../v1/customers" }), {
        code: "invalid_input",
        field: "customerId",
      });
      expect(ctx.requests).toEqual([]);
    });
  });

  describe.skipIf(!caps.updateAddress)("address round trip (updateAddress, then a read)", () => {
    for (const kind of caps.addressKinds) {
      const scope = caps.addressScopes[kind];
      const readable = (scope === "customer" && caps.getCustomer) || (scope === "subscription" && caps.getSubscription);
      it.skipIf(!readable)(`reads back exactly the ${kind} address written (kept on the ${scope})`, async () => {
        const ctx = await scenario.open(scenario.world());
        const written = keptFields(WRITTEN_ADDRESSES[kind], storedAddressFields(caps, kind));
        const subscriptionId = SUBSCRIPTIONS.aliceMain;
        await ctx.provider.updateAddress!({ customerId: ALICE, kind, subscriptionId, address: written });
        let read: Address | undefined;
        if (scope === "customer") {
          const customer = CustomerSchema.parse(await ctx.provider.getCustomer!({ customerId: ALICE }));
          read = kind === "billing" ? customer.billingAddress : customer.shippingAddress;
        } else {
          const subscription = SubscriptionSchema.parse(
            await ctx.provider.getSubscription!({ customerId: ALICE, subscriptionId }),
          );
          read = kind === "shipping" ? subscription.shippingAddress : undefined;
        }
        expect(read).toEqual(written);
        // And the vendor holds it, read with the harness's own code.
        expect(await ctx.readAddress({ customerId: ALICE, kind, subscriptionId })).toEqual(written);
        if (scope === "subscription" && caps.listSubscriptions) {
          const listed = (await listAll(scenario, ctx.provider)).find((s) => s.id === subscriptionId);
          expect(listed?.shippingAddress).toEqual(written);
        }
      });
    }
  });

  describe.skipIf(!caps.listSubscriptions)("listSubscriptions (when claimed)", () => {
    it("lists every subscription of the customer, canceled included, newest first, and no one else's", async () => {
      const world = scenario.world();
      const ctx = await scenario.open(world);
      const page = PageOfSubscriptions.parse(await ctx.provider.listSubscriptions!({ customerId: ALICE }));
      expect(page.nextCursor).toBeUndefined();
      expect(page.data.map((s) => s.id)).toEqual([...ALICE_SUBSCRIPTIONS_NEWEST_FIRST]);
      for (const subscription of page.data) {
        const seeded = world.subscriptions.find((s) => s.id === subscription.id)!;
        expect(subscription).toMatchObject({ customerId: ALICE, provider: providerId, status: seeded.status });
        expect(subscription.items.find((i) => i.priceId === seeded.priceId)?.quantity).toBe(seeded.quantity);
        // The vendor agrees, read with the harness's own code.
        expect((await ctx.readSubscription(subscription.id))?.status).toBe(subscription.status);
      }
      expect(mutating(ctx.requests)).toEqual([]);
      const bob = PageOfSubscriptions.parse(await ctx.provider.listSubscriptions!({ customerId: BOB }));
      expect(bob.data.map((s) => s.id)).toEqual([SUBSCRIPTIONS.bobMain]);
    });

    it("filters by status", async () => {
      const ctx = await scenario.open(scenario.world());
      const ended = await ctx.provider.listSubscriptions!({ customerId: ALICE, status: ["canceled"] });
      expect(ended.data.map((s) => s.id)).toEqual([SUBSCRIPTIONS.aliceCanceled]);
      const live = await listAllWith(ctx.provider, ["active", "trialing"]);
      expect(live).toEqual(
        ALICE_SUBSCRIPTIONS_NEWEST_FIRST.filter(
          (id) => id === SUBSCRIPTIONS.aliceMain || id === SUBSCRIPTIONS.aliceAddon || id === SUBSCRIPTIONS.aliceTrial,
        ),
      );
    });

    it("shows a cancellation made through the contract at once", async () => {
      const ctx = await scenario.open(scenario.world());
      await ctx.provider.cancel({ customerId: ALICE, subscriptionId: SUBSCRIPTIONS.aliceAddon, when: "now" });
      const listed = (await listAll(scenario, ctx.provider)).find((s) => s.id === SUBSCRIPTIONS.aliceAddon);
      expect(listed?.status).toBe("canceled");
    });

    for (const [count, limit] of [
      [23, 10],
      [20, 10],
      [7, 100],
    ] as const) {
      it(`walks ${count} subscriptions ${limit} a page in ceil(${count} / ${limit}) requests`, async () => {
        const ctx = await scenario.open(subscriptionWorld({ ...worldOptions(scenario), count }));
        const listed = await listAll(scenario, ctx.provider, limit);
        expect(listed).toHaveLength(count);
        expect(new Set(listed.map((s) => s.id)).size).toBe(count);
        expect(listed.every((s) => s.customerId === ALICE)).toBe(true);
        const expectedOrder = Array.from({ length: count }, (_, i) => `sub_alice_${String(i).padStart(4, "0")}`);
        expect(listed.map((s) => s.id)).toEqual(expectedOrder);
        expect(ctx.requests).toHaveLength(Math.ceil(count / limit));
      });
    }

    it("refuses a cursor issued for another customer as invalid_input", async () => {
      const ctx = await scenario.open(subscriptionWorld({ ...worldOptions(scenario), count: 3 }));
      const first = await ctx.provider.listSubscriptions!({ customerId: ALICE, limit: 1 });
      expect(first.nextCursor).toBeDefined();
      ctx.clearRequests();
      await expectPortalError(
        () => ctx.provider.listSubscriptions!({ customerId: BOB, limit: 1, cursor: first.nextCursor! }),
        { code: "invalid_input", field: "cursor" },
      );
      expect(ctx.requests).toEqual([]);
    });

    it("lists nothing for an unknown customer (or answers not_found)", async () => {
      const ctx = await scenario.open(scenario.world());
      try {
        const page = await ctx.provider.listSubscriptions!({ customerId: UNKNOWN_CUSTOMER });
        expect(page.data).toEqual([]);
      } catch (error) {
        expect(PortalError.isInstance(error) && error.code).toBe("not_found");
      }
    });
  });
}

/** The fields of an address a provider keeps. */
export function keptFields(address: Address, kept: readonly string[]): Address {
  return Object.fromEntries(Object.entries(address).filter(([field]) => kept.includes(field)));
}

function worldOptions(scenario: Scenario) {
  return { invoiceStatuses: scenario.harness.manifest.invoiceStatuses };
}

async function listAllWith(
  provider: Parameters<typeof allSubscriptions>[0],
  status: NonNullable<Parameters<typeof allSubscriptions>[1]["status"]>,
): Promise<string[]> {
  const ids: string[] = [];
  for await (const subscription of allSubscriptions(provider, { customerId: ALICE, status })) ids.push(subscription.id);
  return ids;
}
