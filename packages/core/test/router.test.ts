import { describe, expect, it } from "vitest";
import { createRouter, PortalError } from "../src/index";
import { fakeProvider, invoice } from "./fake-provider";

function setup() {
  const chargebee = fakeProvider("chargebee", { invoices: [invoice("cb_1", "alice", 1)] }, { logout: true });
  const stripe = fakeProvider("stripe", { invoices: [invoice("in_1", "bob", 1)] }, { reactivate: true });
  const owners = new Map([
    ["alice", "chargebee"],
    ["bob", "stripe"],
  ]);
  const lookups: string[] = [];
  const router = createRouter({
    providers: { chargebee, stripe },
    resolve: async (customerId) => {
      lookups.push(customerId);
      return owners.get(customerId);
    },
  });
  return { router, chargebee, stripe, owners, lookups };
}

describe("createRouter", () => {
  it("sends each call to the provider that owns the customer", async () => {
    const { router, chargebee, stripe } = setup();
    expect((await router.listInvoices({ customerId: "alice" })).data.map((i) => i.id)).toEqual(["cb_1"]);
    expect((await router.listInvoices({ customerId: "bob" })).data.map((i) => i.id)).toEqual(["in_1"]);
    expect((await router.openPortal({ customerId: "bob" })).provider).toBe("stripe");
    expect(chargebee.calls).toEqual([{ op: "listInvoices", customerId: "alice" }]);
    expect(stripe.calls.map((c) => c.op)).toEqual(["listInvoices", "openPortal"]);
  });

  it("follows the mapping as it changes during a migration", async () => {
    const { router, owners } = setup();
    owners.set("alice", "stripe");
    expect((await router.createSession({ customerId: "alice" })).provider).toBe("stripe");
  });

  it("answers not_found for a customer no provider owns, and calls nobody", async () => {
    const { router, chargebee, stripe } = setup();
    await expect(router.listInvoices({ customerId: "carol" })).rejects.toMatchObject({
      code: "not_found",
      provider: "router",
    });
    expect([...chargebee.calls, ...stripe.calls]).toEqual([]);
  });

  it("parses the input before resolving", async () => {
    const { router, lookups } = setup();
    const error = (await router
      .cancel({ customerId: "", subscriptionId: "s", when: "now" })
      .catch((e) => e)) as PortalError;
    expect([error.code, error.field]).toEqual(["invalid_input", "customerId"]);
    expect(lookups).toEqual([]);
  });

  it("turns a failing resolver into a retryable unavailable error", async () => {
    const router = createRouter({
      providers: { a: fakeProvider("a") },
      resolve: () => {
        throw new Error("mapping table offline");
      },
    });
    await expect(router.openPortal({ customerId: "x" })).rejects.toMatchObject({
      code: "unavailable",
      retryable: true,
    });
  });

  it("offers what every provider offers, and tells each customer's own capabilities", async () => {
    const { router } = setup();
    expect(router.capabilities.reactivate).toBe(false);
    expect(router.reactivate).toBeUndefined();
    expect(router.capabilities.logout).toBe(false);
    expect(router.getSubscription).toBeTypeOf("function");
    expect((await router.capabilitiesFor("bob")).reactivate).toBe(true);
    expect((await router.providerFor("alice")).id).toBe("chargebee");
  });

  it("routes logout by its customer when every provider offers it", async () => {
    const a = fakeProvider("a", {}, { logout: true, cancelReason: "comment" });
    const b = fakeProvider("b", {}, { logout: true, cancelReason: "code" });
    const ended: Array<{ provider: string; customerId: string; sessionId: string }> = [];
    for (const provider of [a, b]) {
      provider.logout = async (input) => {
        ended.push({ provider: provider.id, ...input });
      };
    }
    const router = createRouter({ providers: { a, b }, resolve: (customerId) => (customerId === "alice" ? "a" : "b") });
    expect(router.capabilities.logout).toBe(true);
    await router.logout!({ customerId: "bob", sessionId: "ps_1" });
    expect(ended).toEqual([{ provider: "b", customerId: "bob", sessionId: "ps_1" }]);
    await expect(router.logout!({ customerId: "bob", sessionId: "" })).rejects.toMatchObject({
      code: "invalid_input",
      field: "sessionId",
    });
    // The providers handle a reason differently: the router promises none of it.
    expect(router.capabilities.cancelReason).toBe("none");
    expect((await router.capabilitiesFor("alice")).cancelReason).toBe("comment");
  });

  it("keeps the providers' cancelReason when they agree", () => {
    const router = createRouter({
      providers: {
        a: fakeProvider("a", {}, { cancelReason: "comment" }),
        b: fakeProvider("b", {}, { cancelReason: "comment" }),
      },
      resolve: () => "a",
    });
    expect(router.capabilities.cancelReason).toBe("comment");
  });
});

describe("createRouter: what the providers share", () => {
  it("offers the sections, cancel modes, address kinds and address scopes every provider shares", () => {
    const router = createRouter({
      providers: {
        a: fakeProvider(
          "a",
          {},
          {
            sections: ["billing_history", "address", "payment_sources"],
            cancelModes: ["now", "period_end"],
            addressKinds: ["billing", "shipping"],
            addressScopes: { billing: "customer", shipping: "subscription" },
          },
        ),
        b: fakeProvider(
          "b",
          {},
          {
            sections: ["payment_sources", "billing_history"],
            cancelModes: ["period_end"],
            addressKinds: ["billing"],
            addressScopes: { billing: "customer", shipping: "customer" },
          },
        ),
      },
      resolve: () => "a",
    });
    expect(router.capabilities.sections).toEqual(["billing_history", "payment_sources"]);
    expect(router.capabilities.cancelModes).toEqual(["period_end"]);
    expect(router.capabilities.addressKinds).toEqual(["billing"]);
    expect(router.capabilities.addressScopes).toStrictEqual({ billing: "customer" });
    expect(Object.isFrozen(router.capabilities)).toBe(true);
  });

  it("keeps an address scope only every provider names alike", () => {
    const one = (addressScopes: object) =>
      createRouter({ providers: { a: fakeProvider("a", {}, addressScopes) }, resolve: () => "a" }).capabilities
        .addressScopes;
    expect(one({ addressScopes: { shipping: "subscription" } })).toEqual({ shipping: "subscription" });
    expect(one({ addressScopes: {} })).toStrictEqual({});
    const missingOnOne = createRouter({
      providers: {
        a: fakeProvider("a", {}, { addressScopes: { billing: "customer" } }),
        b: fakeProvider("b", {}, { addressScopes: {} }),
      },
      resolve: () => "a",
    });
    expect(missingOnOne.capabilities.addressScopes).toStrictEqual({});
  });

  it("needs a provider, and names itself by the id given on the errors it raises", async () => {
    expect(() => createRouter({ providers: {}, resolve: () => undefined })).toThrow(/at least one provider/);
    const router = createRouter({ id: "billing", providers: { a: fakeProvider("a") }, resolve: () => null });
    expect(router.id).toBe("billing");
    await expect(router.listInvoices({ customerId: "x" })).rejects.toMatchObject({
      code: "not_found",
      provider: "billing",
    });
    await expect(router.providerFor("")).rejects.toMatchObject({ code: "invalid_input", field: "customerId" });
  });

  it("passes a resolver's own PortalError on, and names the router on one it wraps", async () => {
    const refusal = new PortalError({ code: "forbidden", provider: "tenancy", message: "not this tenant" });
    const refusing = createRouter({
      providers: { a: fakeProvider("a") },
      resolve: async () => {
        throw refusal;
      },
    });
    await expect(refusing.openPortal({ customerId: "x" })).rejects.toBe(refusal);
    const failing = createRouter({
      providers: { a: fakeProvider("a") },
      resolve: () => {
        throw new Error("offline");
      },
    });
    const error = (await failing.openPortal({ customerId: "x" }).catch((e) => e)) as PortalError;
    expect([error.code, error.provider, error.message, error.cause?.message]).toEqual([
      "unavailable",
      "router",
      "Could not resolve the customer's billing provider",
      "offline",
    ]);
  });

  it("answers unsupported when the customer's provider lacks a method it claims", async () => {
    const a = fakeProvider("a");
    const lacking = { ...fakeProvider("lacking"), getSubscription: undefined };
    const router = createRouter({ providers: { a, lacking }, resolve: (id) => id });
    expect(router.getSubscription).toBeTypeOf("function");
    await expect(router.getSubscription!({ customerId: "lacking", subscriptionId: "s" })).rejects.toMatchObject({
      code: "unsupported",
      provider: "lacking",
      message: "Not offered",
    });
  });

  it("routes a customer the resolver answers null or undefined for to no provider, whatever the providers are named", async () => {
    const named = { null: fakeProvider("null"), undefined: fakeProvider("undefined") };
    for (const answer of [null, undefined]) {
      const router = createRouter({ providers: named, resolve: () => answer });
      await expect(router.openPortal({ customerId: "x" })).rejects.toMatchObject({
        code: "not_found",
        provider: "router",
        message: "No billing provider owns this customer",
      });
    }
    expect([...named.null.calls, ...named.undefined.calls]).toEqual([]);
  });
});
