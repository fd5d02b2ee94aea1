import { describe, expect, it } from "vitest";
import * as z from "zod";
import { defineCapabilities, OPERATION_NAMES, PortalError, type RedirectLaunch } from "../src";
import { type AdapterContext, type AdapterOperations, defineAdapter, type SectionTable } from "../src/adapter";
import { portalRejection } from "../src/testing";

interface Sub {
  id: string;
  owner: string;
}

/** A tiny vendor: a call log, subscriptions by id, and a script of failures to answer with. */
function vendor() {
  const subscriptions = new Map<string, Sub>([
    ["sub_a", { id: "sub_a", owner: "alice" }],
    ["sub_b", { id: "sub_b", owner: "bob" }],
  ]);
  const calls: string[] = [];
  const keys: string[] = [];
  const failures: unknown[] = [];
  return {
    subscriptions,
    calls,
    keys,
    failures,
    async call<T>(name: string, answer: () => T, key?: string): Promise<T> {
      calls.push(name);
      if (key) keys.push(key);
      const failure = failures.shift();
      if (failure === "hang") return new Promise<T>(() => undefined);
      if (failure !== undefined) throw failure;
      return answer();
    },
  };
}
type Vendor = ReturnType<typeof vendor>;

const OptionsSchema = z.strictObject({ apiKey: z.string().min(3), vendor: z.custom<Vendor>() });
type Options = z.infer<typeof OptionsSchema>;

const SECTIONS: SectionTable = { billing_history: {}, cancel_subscription: { subscription: true } };

const lookups = {
  subscription: {
    kind: "subscription",
    read: (client: Vendor, id: string) =>
      client.call("GET /subscriptions", () => {
        const found = client.subscriptions.get(id);
        if (!found) throw { status: 404 };
        return found;
      }),
    customerOf: (subscription: Sub) => subscription.owner,
  },
};

const launch = (url: string): RedirectLaunch => ({ kind: "redirect", provider: "acme", url });

function definition(
  overrides: { capabilities?: Partial<Parameters<typeof defineCapabilities>[0]>; sections?: SectionTable } = {},
) {
  return {
    id: "acme" as const,
    vendor: "Acme",
    options: OptionsSchema,
    secrets: ["apiKey"],
    client: (options: Options): Vendor => options.vendor,
    toPortalError: (error: unknown, provider: string) => {
      if ((error as { status?: number }).status === 404)
        return new PortalError({ code: "not_found", provider, message: "vendor 404" });
      if ((error as { status?: number }).status === 503)
        return new PortalError({ code: "unavailable", provider, message: "vendor 503" });
      if (error === "explode") throw new Error("the error table itself failed");
      return new PortalError({ code: "unavailable", provider, retryable: false, message: "unexpected" });
    },
    deadline: () => 20,
    retry: () => ({ maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 }),
    capabilities: () =>
      defineCapabilities({
        sections: Object.keys(overrides.sections ?? SECTIONS) as never,
        cancelModes: ["now"],
        getSubscription: true,
        ...overrides.capabilities,
      }),
    sections: () => overrides.sections ?? SECTIONS,
    lookups,
    operations: {
      createSession: async ({ customerId }, ctx) => ({
        id: "s1",
        provider: ctx.provider,
        customerId,
        createdAt: "2026-11-21T08:00:00Z",
        raw: {},
      }),
      openPortal: async ({ customerId }, ctx) =>
        ctx.read((client) => client.call("POST /portal", () => launch(`https://portal.test/${customerId}`))),
      openSection: async ({ section }) => launch(`https://portal.test/${section}`),
      listInvoices: async (_input, ctx) => ctx.read((client) => client.call("GET /invoices", () => ({ data: [] }))),
      cancel: async ({ customerId, subscriptionId }, ctx) => {
        const subscription = await ctx.owned.subscription(customerId, subscriptionId);
        await ctx.mutate((client, { idempotencyKey }) => client.call("POST /cancel", () => true, idempotencyKey));
        return { id: subscription.id, provider: ctx.provider, customerId, status: "canceled", items: [], raw: {} };
      },
      getSubscription: async ({ customerId, subscriptionId }, ctx) => {
        const subscription = await ctx.owned.subscription(customerId, subscriptionId);
        if (subscriptionId === "sub_a" && customerId === "alice" && ctx.options.apiKey === "bug") {
          throw new TypeError("a bug in a normalizer");
        }
        return { id: subscription.id, provider: ctx.provider, customerId, status: "active", items: [], raw: {} };
      },
    } satisfies AdapterOperations<AdapterContext<Vendor, typeof lookups, Options>, Sub>,
  };
}

function open(apiKey = "key_0123456789") {
  const client = vendor();
  const provider = defineAdapter(definition())({ apiKey, vendor: client });
  return { client, provider };
}

describe("defineAdapter", () => {
  it("offers the registry's operations it implements, and claims exactly those", () => {
    const { provider } = open();
    const methods = OPERATION_NAMES.filter((name) => typeof provider[name] === "function");
    expect(methods).toEqual([
      "createSession",
      "openPortal",
      "openSection",
      "listInvoices",
      "cancel",
      "getSubscription",
    ]);
    expect(provider.capabilities.getSubscription).toBe(true);
    expect(provider.capabilities.reactivate).toBe(false);
    expect(Object.isFrozen(provider)).toBe(true);
  });

  it("refuses a definition whose capabilities and methods disagree", () => {
    const claimed = defineAdapter(definition({ capabilities: { reactivate: true } }));
    expect(() => claimed({ apiKey: "key", vendor: vendor() })).toThrow(/reactivate is claimed but not implemented/);
    const unclaimed = defineAdapter(definition({ capabilities: { getSubscription: false } }));
    expect(() => unclaimed({ apiKey: "key", vendor: vendor() })).toThrow(
      /getSubscription is implemented but not claimed/,
    );
    const sections = defineAdapter({
      ...definition(),
      capabilities: () => defineCapabilities({ sections: ["address"], cancelModes: ["now"], getSubscription: true }),
    });
    expect(() => sections({ apiKey: "key", vendor: vendor() })).toThrow(/differ from the section table/);
  });

  it("checks options first, without repeating the secrets in them", async () => {
    const make = defineAdapter(definition());
    let error: unknown;
    try {
      make({ apiKey: "sk_secret_value_123", vendor: vendor(), extra: "sk_secret_value_123" });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: "invalid_input", field: "extra" });
    expect(JSON.stringify(error)).not.toContain("sk_secret_value_123");
  });

  it("parses every input with the registry's schema: invalid_input naming the field, nothing sent", async () => {
    const { client, provider } = open();
    const error = await portalRejection(provider.listInvoices({ customerId: "alice", limit: 1000 }));
    expect(error).toMatchObject({ code: "invalid_input", field: "limit", provider: "acme" });
    await portalRejection(provider.cancel({ customerId: "alice", subscriptionId: "sub_a", when: "later" as never }));
    expect(client.calls).toEqual([]);
  });

  it("refuses a cancellation reason when the manifest says the vendor keeps none, and sends nothing", async () => {
    const { client, provider } = open();
    expect(provider.capabilities.cancelReason).toBe("none");
    const error = await portalRejection(
      provider.cancel({ customerId: "alice", subscriptionId: "sub_a", when: "now", reason: "too expensive" }),
    );
    expect(error).toMatchObject({ code: "invalid_input", field: "reason", retryable: false });
    expect(client.calls).toEqual([]);
    const keeps = defineAdapter(definition({ capabilities: { cancelReason: "comment" } }))({
      apiKey: "key_0123456789",
      vendor: client,
    });
    await keeps.cancel({ customerId: "alice", subscriptionId: "sub_a", when: "now", reason: "too expensive" });
    expect(client.calls).toEqual(["GET /subscriptions", "POST /cancel"]);
  });

  it("refuses launch options addressed to an adapter that takes none, and leaves other adapters' to them", async () => {
    const { client, provider } = open();
    const error = await portalRejection(
      provider.openPortal({ customerId: "alice", vendorOptions: { acme: { quantity: 3 } } }),
    );
    expect(error).toMatchObject({ code: "invalid_input", field: "vendorOptions.acme" });
    await portalRejection(
      provider.openSection({ customerId: "alice", section: "billing_history", vendorOptions: { acme: {} } }),
    );
    expect(client.calls).toEqual([]);
    await provider.openPortal({ customerId: "alice", vendorOptions: { billflow: { quantity: 3 } } });
    expect(client.calls).toEqual(["POST /portal"]);
  });

  it("checks an adapter's own launch options with its schema and hands handlers the parsed entry", async () => {
    const seen: unknown[] = [];
    const base = definition();
    const make = defineAdapter({
      ...base,
      vendorOptions: z.strictObject({ seats: z.number().int().positive().optional() }),
      operations: {
        ...base.operations,
        openPortal: async (input) => {
          seen.push(input.vendorOptions);
          return launch("https://portal.test/p");
        },
      },
    });
    const provider = make({ apiKey: "key_0123456789", vendor: vendor() });
    await provider.openPortal({ customerId: "alice", vendorOptions: { acme: { seats: 2 }, other: { x: 1 } } });
    expect(seen).toEqual([{ acme: { seats: 2 }, other: { x: 1 } }]);
    const error = await portalRejection(
      provider.openPortal({ customerId: "alice", vendorOptions: { acme: { seats: 0 } } }),
    );
    expect(error).toMatchObject({ code: "invalid_input", field: "vendorOptions.acme.seats" });
    expect(error.message).toMatch(/^Invalid input at vendorOptions\.acme\.seats:/);
    // A section opened as the whole portal keeps the call's launch options.
    await provider.openSection({
      customerId: "alice",
      section: "address",
      fallback: "portal",
      vendorOptions: { acme: { seats: 4 } },
    });
    expect(seen.at(-1)).toEqual({ acme: { seats: 4 } });
  });

  it("answers not_found alike for a missing subscription and another customer's, and sends no mutation", async () => {
    const { client, provider } = open();
    const foreign = await portalRejection(
      provider.cancel({ customerId: "alice", subscriptionId: "sub_b", when: "now" }),
    );
    const missing = await portalRejection(
      provider.cancel({ customerId: "alice", subscriptionId: "sub_x", when: "now" }),
    );
    expect(foreign.toJSON()).toEqual({ ...missing.toJSON(), message: missing.message.replace("sub_x", "sub_b") });
    expect(foreign).toMatchObject({ code: "not_found", status: 404 });
    expect(client.calls).toEqual(["GET /subscriptions", "GET /subscriptions"]);
  });

  it("retries a mutation within the bounds with one idempotency key for every attempt", async () => {
    const { client, provider } = open();
    client.failures.push(undefined, { status: 503 }, { status: 503 });
    await provider.cancel({ customerId: "alice", subscriptionId: "sub_a", when: "now" });
    expect(client.calls).toEqual(["GET /subscriptions", "POST /cancel", "POST /cancel", "POST /cancel"]);
    expect(client.keys).toHaveLength(3);
    expect(new Set(client.keys).size).toBe(1);

    client.failures.push({ status: 503 }, { status: 503 }, { status: 503 });
    const error = await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect(error).toMatchObject({ code: "unavailable", retryable: true });
  });

  it("holds the per-attempt deadline as a timeout PortalError", async () => {
    const { client, provider } = open();
    client.failures.push("hang", "hang", "hang");
    const error = await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect(error).toMatchObject({ code: "timeout", provider: "acme" });
    expect(client.calls).toEqual(["GET /invoices", "GET /invoices", "GET /invoices"]);
  });

  it("lets nothing but PortalError out, even when a handler or the error table fails", async () => {
    const bug = open("bug");
    const error = await portalRejection(bug.provider.getSubscription({ customerId: "alice", subscriptionId: "sub_a" }));
    expect(error).toMatchObject({ code: "unavailable", retryable: false });
    const { client, provider } = open();
    client.failures.push("explode");
    expect(await portalRejection(provider.listInvoices({ customerId: "alice" }))).toMatchObject({
      code: "unavailable",
    });
  });

  it("opens a section of the table directly, and any other only with fallback: portal", async () => {
    const { client, provider } = open();
    expect(await provider.openSection({ customerId: "alice", section: "billing_history" })).toMatchObject({
      url: "https://portal.test/billing_history",
    });
    const refused = await portalRejection(provider.openSection({ customerId: "alice", section: "address" }));
    expect(refused).toMatchObject({ code: "unsupported", field: "section" });
    expect(client.calls).toEqual([]);
    expect(await provider.openSection({ customerId: "alice", section: "address", fallback: "portal" })).toEqual({
      kind: "redirect",
      provider: "acme",
      url: "https://portal.test/alice",
      section: "address",
      fallback: true,
    });
    // A named subscription is checked to be the customer's, whichever way the section opens.
    const foreign = await portalRejection(
      provider.openSection({ customerId: "alice", section: "cancel_subscription", subscriptionId: "sub_b" }),
    );
    expect(foreign.code).toBe("not_found");
  });
});
