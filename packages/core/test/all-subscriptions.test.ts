import { describe, expect, it } from "vitest";
import {
  allSubscriptions,
  CapabilitiesSchema,
  CustomerSchema,
  defineCapabilities,
  type ListSubscriptionsInput,
  ListSubscriptionsInputSchema,
  type Page,
  PaymentMethodSummarySchema,
  PortalError,
  type Subscription,
} from "../src";

function subscription(id: string): Subscription {
  return { id, provider: "fake", customerId: "cus_1", status: "active", items: [], raw: {} };
}

function pagedProvider(total: number) {
  const calls: ListSubscriptionsInput[] = [];
  const all = Array.from({ length: total }, (_, i) => subscription(`sub_${i}`));
  return {
    calls,
    provider: {
      id: "fake",
      async listSubscriptions(input: ListSubscriptionsInput): Promise<Page<Subscription>> {
        calls.push(input);
        const start = input.cursor === undefined ? 0 : Number(input.cursor);
        const limit = input.limit ?? 100;
        const data = all.slice(start, start + limit);
        return start + limit < total ? { data, nextCursor: String(start + limit) } : { data };
      },
    },
  };
}

describe("allSubscriptions", () => {
  it("walks every page, one request a page, passing the filters on", async () => {
    const { provider, calls } = pagedProvider(23);
    const ids: string[] = [];
    for await (const s of allSubscriptions(provider, { customerId: "cus_1", limit: 10, status: ["active"] })) {
      ids.push(s.id);
    }
    expect(ids).toHaveLength(23);
    expect(calls).toHaveLength(3);
    expect(calls.map((c) => c.cursor)).toEqual([undefined, "10", "20"]);
    expect(calls.every((c) => c.status?.[0] === "active" && c.limit === 10)).toBe(true);
  });

  it("asks for 100 a page by default and requests nothing before the first next()", async () => {
    const { provider, calls } = pagedProvider(5);
    const walk = allSubscriptions(provider, { customerId: "cus_1" });
    expect(calls).toHaveLength(0);
    expect((await walk.next()).value?.id).toBe("sub_0");
    expect(calls[0]?.limit).toBe(100);
  });

  it("rejects with unsupported for a provider that cannot list subscriptions", async () => {
    const walk = allSubscriptions({ id: "bare" }, { customerId: "cus_1" });
    const error = await walk.next().catch((e: unknown) => e);
    expect(PortalError.isInstance(error) && error.code).toBe("unsupported");
  });

  it("stops with a typed error when the provider answers the same cursor again", async () => {
    const provider = {
      id: "loop",
      listSubscriptions: async () => ({ data: [subscription("sub_x")], nextCursor: "same" }),
    };
    const error = await (async () => {
      for await (const _ of allSubscriptions(provider, { customerId: "cus_1" })) {
        // walk on
      }
    })().catch((e: unknown) => e);
    expect(PortalError.isInstance(error) && error.code).toBe("unavailable");
  });
});

describe("the read schemas", () => {
  it("takes a payment-method summary of four digits at most, and nothing else", () => {
    expect(
      PaymentMethodSummarySchema.safeParse({ type: "card", last4: "4242", expMonth: 12, expYear: 2030 }).success,
    ).toBe(true);
    expect(PaymentMethodSummarySchema.safeParse({ type: "card", last4: "4242424242424242" }).success).toBe(false);
    expect(PaymentMethodSummarySchema.safeParse({ type: "card", number: "4242424242424242" }).success).toBe(false);
    expect(PaymentMethodSummarySchema.safeParse({ type: "card", expMonth: 13 }).success).toBe(false);
    expect(
      CustomerSchema.safeParse({ id: "c", provider: "p", paymentMethod: { type: "paypal" }, name: "A", raw: {} })
        .success,
    ).toBe(true);
  });

  it("refuses an empty status list and a page size over 100", () => {
    expect(ListSubscriptionsInputSchema.safeParse({ customerId: "c", status: [] }).success).toBe(false);
    expect(ListSubscriptionsInputSchema.safeParse({ customerId: "c", limit: 101 }).success).toBe(false);
    expect(ListSubscriptionsInputSchema.safeParse({ customerId: "c", status: ["canceled"], limit: 100 }).success).toBe(
      true,
    );
  });

  it("defaults addressScopes to none", () => {
    const { addressScopes: _, ...rest } = defineCapabilities({ sections: [], cancelModes: ["now"] });
    const parsed = CapabilitiesSchema.parse(rest);
    expect(parsed.addressScopes).toEqual({});
  });
});
