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

describe("defineAdapter: the definition's choices", () => {
  it("keeps a failing ownership read's own error: an outage stays retryable, never not_found", async () => {
    const { client, provider } = open();
    client.failures.push({ status: 503 }, { status: 503 }, { status: 503 });
    const error = await portalRejection(provider.cancel({ customerId: "alice", subscriptionId: "sub_a", when: "now" }));
    expect(error).toMatchObject({ code: "unavailable", retryable: true, message: "vendor 503" });
    expect(client.calls).toEqual(["GET /subscriptions", "GET /subscriptions", "GET /subscriptions"]);
  });

  it("names the provider by providerId, on objects and errors, and its not_found names the kind and id", async () => {
    const make = defineAdapter({ ...definition(), providerId: (options: Options) => `acme-${options.apiKey.length}` });
    const provider = make({ apiKey: "key", vendor: vendor() });
    expect(provider.id).toBe("acme-3");
    expect((await provider.createSession({ customerId: "alice" })).provider).toBe("acme-3");
    const error = await portalRejection(provider.cancel({ customerId: "alice", subscriptionId: "sub_b", when: "now" }));
    expect(error).toMatchObject({
      code: "not_found",
      provider: "acme-3",
      status: 404,
      message: "No subscription sub_b for this customer",
    });
  });

  it("takes the retry option every adapter takes when the definition names no bounds, and no deadline unless asked", async () => {
    const OptionsWithRetry = z.strictObject({
      apiKey: z.string(),
      vendor: z.custom<Vendor>(),
      retry: z.strictObject({ maxAttempts: z.number(), baseDelayMs: z.number(), maxDelayMs: z.number() }).optional(),
    });
    const { retry: _, deadline: __, ...base } = definition();
    const make = defineAdapter({ ...base, options: OptionsWithRetry });
    const client = vendor();
    const provider = make({ apiKey: "key", vendor: client, retry: { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0 } });
    client.failures.push({ status: 503 }, { status: 503 }, { status: 503 });
    await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect(client.calls).toEqual(["GET /invoices", "GET /invoices"]);

    // Without a deadline an answer that takes its time is waited for.
    const slow = vendor();
    const late = {
      ...slow,
      call: async <T>(name: string, answer: () => T) => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return slow.call(name, answer);
      },
    };
    const patient = make({ apiKey: "key", vendor: late, retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });
    expect(await patient.openPortal({ customerId: "alice" })).toMatchObject({ url: "https://portal.test/alice" });
  });

  it("says which vendor and how long in a timeout", async () => {
    const { client, provider } = open();
    client.failures.push("hang", "hang", "hang");
    const error = await portalRejection(provider.openPortal({ customerId: "alice" }));
    expect([error.code, error.retryable, error.message]).toEqual(["timeout", true, "No answer from Acme within 20 ms"]);
  });

  it("passes a PortalError thrown by a handler through as it is, and turns an error table's non-PortalError into unavailable", async () => {
    const thrown = new PortalError({ code: "payment_failed", provider: "acme", message: "card declined" });
    const base = definition();
    const make = defineAdapter({
      ...base,
      toPortalError: () => ({ code: "not_found" }) as unknown as PortalError,
      operations: {
        ...base.operations,
        createSession: async () => {
          throw thrown;
        },
      },
    });
    const client = vendor();
    const provider = make({ apiKey: "key", vendor: client });
    expect(await portalRejection(provider.createSession({ customerId: "alice" }))).toBe(thrown);
    client.failures.push({ status: 404 });
    const error = await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect([error.code, error.retryable, error.provider, error.message]).toEqual([
      "unavailable",
      false,
      "acme",
      "Unexpected answer from the vendor",
    ]);
    expect(client.calls).toEqual(["GET /invoices"]);
  });

  it("gives handlers ctx.error with the provider filled in, and ctx.notFound", async () => {
    const base = definition();
    const errors: PortalError[] = [];
    const make = defineAdapter({
      ...base,
      operations: {
        ...base.operations,
        createSession: async (_input, ctx) => {
          errors.push(ctx.error({ code: "conflict", message: "busy" }), ctx.notFound("invoice", "in_1"));
          throw errors[0];
        },
      },
    });
    await portalRejection(make({ apiKey: "key", vendor: vendor() }).createSession({ customerId: "alice" }));
    expect(errors.map((e) => [e.code, e.provider, e.message])).toEqual([
      ["conflict", "acme", "busy"],
      ["not_found", "acme", "No invoice in_1 for this customer"],
    ]);
  });

  it("takes capabilities and sections as values as well as functions of the options", () => {
    const base = definition();
    const make = defineAdapter({
      ...base,
      capabilities: defineCapabilities({
        sections: ["billing_history", "cancel_subscription"],
        cancelModes: ["now"],
        getSubscription: true,
      }),
      sections: SECTIONS,
    });
    const provider = make({ apiKey: "key", vendor: vendor() });
    expect(provider.capabilities.sections).toEqual(["billing_history", "cancel_subscription"]);
  });

  it("refuses a definition missing a required operation, or listing sections with no openSection", () => {
    const base = definition();
    const { listInvoices: _, ...withoutListing } = base.operations;
    expect(() => defineAdapter({ ...base, operations: withoutListing })({ apiKey: "key", vendor: vendor() })).toThrow(
      /The acme adapter disagrees with its capabilities: the required operation listInvoices is missing/,
    );
    const { openSection: __, ...withoutSections } = base.operations;
    let error: unknown;
    try {
      defineAdapter({ ...base, operations: withoutSections })({ apiKey: "key", vendor: vendor() });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: "unsupported", retryable: false, provider: "acme" });
    expect((error as Error).message).toContain("sections are listed but openSection is not implemented");
    const none = defineAdapter({ ...definition({ sections: {} }), operations: withoutSections });
    expect(none({ apiKey: "key", vendor: vendor() }).capabilities.sections).toEqual([]);
  });

  it("hands openSection the table's spec and the checked subscription, and openFallback the rest", async () => {
    const base = definition();
    const seen: unknown[] = [];
    const make = defineAdapter({
      ...base,
      operations: {
        ...base.operations,
        openSection: async (input, _ctx, direct) => {
          seen.push(["direct", input.section, direct.spec, direct.subscription]);
          return launch(`https://portal.test/${input.section}`);
        },
        openFallback: async (input, _ctx, subscription) => {
          seen.push(["fallback", input.section, subscription]);
          return launch("https://portal.test/fallback");
        },
      },
    });
    const provider = make({ apiKey: "key", vendor: vendor() });
    await provider.openSection({ customerId: "alice", section: "cancel_subscription", subscriptionId: "sub_a" });
    await provider.openSection({ customerId: "alice", section: "billing_history" });
    expect(
      await provider.openSection({
        customerId: "alice",
        section: "address",
        fallback: "portal",
        subscriptionId: "sub_a",
      }),
    ).toEqual({ ...launch("https://portal.test/fallback"), section: "address", fallback: true });
    expect(seen).toEqual([
      ["direct", "cancel_subscription", { subscription: true }, { id: "sub_a", owner: "alice" }],
      ["direct", "billing_history", {}, undefined],
      ["fallback", "address", { id: "sub_a", owner: "alice" }],
    ]);
  });

  it("opens the whole portal for a fallback with the call's returnUrl", async () => {
    const base = definition();
    const seen: unknown[] = [];
    const make = defineAdapter({
      ...base,
      operations: {
        ...base.operations,
        openPortal: async (input) => {
          seen.push(input);
          return launch("https://portal.test/p");
        },
      },
    });
    const provider = make({ apiKey: "key", vendor: vendor() });
    await provider.openSection({
      customerId: "alice",
      section: "address",
      fallback: "portal",
      returnUrl: "https://app.test/back",
    });
    await provider.openSection({ customerId: "alice", section: "address", fallback: "portal" });
    expect(seen).toEqual([{ customerId: "alice", returnUrl: "https://app.test/back" }, { customerId: "alice" }]);
  });

  it("names the field of a launch option refused without a field of its own", async () => {
    const base = definition();
    const make = defineAdapter({ ...base, vendorOptions: z.strictObject({ seats: z.number() }).refine(() => false) });
    const error = await portalRejection(
      make({ apiKey: "key", vendor: vendor() }).openPortal({
        customerId: "alice",
        vendorOptions: { acme: { seats: 1 } },
      }),
    );
    expect(error).toMatchObject({ code: "invalid_input", field: "vendorOptions.acme", retryable: false });
    expect(error.message).toMatch(/^Invalid input at vendorOptions\.acme:/);
  });

  it("redacts the secrets at every dotted path named, from every error after", async () => {
    const Nested = z.strictObject({
      auth: z.strictObject({ token: z.string() }),
      apiKey: z.string(),
      vendor: z.custom<Vendor>(),
    });
    const base = definition();
    const make = defineAdapter({
      ...base,
      options: Nested,
      secrets: ["auth.token", "apiKey", "missing.path"],
      client: (options: z.infer<typeof Nested>) => options.vendor,
      toPortalError: (error: unknown, provider: string) =>
        new PortalError({ code: "unavailable", provider, message: String(error) }),
    });
    const client = vendor();
    const provider = make({ auth: { token: "tok_nested_secret_42" }, apiKey: "plain-key-secret-77", vendor: client });
    const leak = "refused tok_nested_secret_42 and plain-key-secret-77";
    client.failures.push(leak, leak, leak);
    const error = await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect(error.message).not.toContain("tok_nested_secret_42");
    expect(error.message).not.toContain("plain-key-secret-77");
    expect(error.message).toContain("[redacted]");
  });
});

describe("defineAdapter: what its refusals say", () => {
  it("says why a section cannot open, and that launch options or a reason are not taken, never retryable", async () => {
    const { provider } = open();
    const section = await portalRejection(provider.openSection({ customerId: "alice", section: "address" }));
    expect(section.message).toBe(
      'Acme cannot open the address section directly; pass fallback: "portal" to open the whole portal',
    );
    const launchOptions = await portalRejection(
      provider.openPortal({ customerId: "alice", vendorOptions: { acme: { quantity: 3 } } }),
    );
    expect([launchOptions.retryable, launchOptions.message]).toEqual([
      false,
      "Invalid input at vendorOptions.acme: Acme takes no launch options",
    ]);
    const reason = await portalRejection(
      provider.cancel({ customerId: "alice", subscriptionId: "sub_a", when: "now", reason: "too expensive" }),
    );
    expect(reason.message).toBe("Invalid input at reason: Acme keeps no cancellation reason");
  });

  it("lists every disagreement of a definition, and compares sections in any order", () => {
    const base = definition();
    const { listInvoices: _, ...withoutListing } = base.operations;
    const broken = defineAdapter({
      ...base,
      capabilities: () =>
        defineCapabilities({ sections: ["address", "billing_history"], cancelModes: ["now"], getSubscription: true }),
      operations: withoutListing,
    });
    expect(() => broken({ apiKey: "key", vendor: vendor() })).toThrow(
      "The acme adapter disagrees with its capabilities: the required operation listInvoices is missing; " +
        "capabilities.sections (address, billing_history) differ from the section table (billing_history,cancel_subscription)",
    );
    const unsortedTable = defineAdapter({
      ...base,
      sections: () => ({ cancel_subscription: { subscription: true }, billing_history: {} }),
      capabilities: () =>
        defineCapabilities({
          sections: ["billing_history", "cancel_subscription"],
          cancelModes: ["now"],
          getSubscription: true,
        }),
    });
    expect(unsortedTable({ apiKey: "key", vendor: vendor() }).capabilities.sections).toEqual([
      "billing_history",
      "cancel_subscription",
    ]);
    const unsortedClaims = defineAdapter({
      ...base,
      capabilities: () =>
        defineCapabilities({
          sections: ["cancel_subscription", "billing_history"],
          cancelModes: ["now"],
          getSubscription: true,
        }),
    });
    expect(unsortedClaims({ apiKey: "key", vendor: vendor() }).capabilities.sections).toEqual([
      "cancel_subscription",
      "billing_history",
    ]);
  });

  it("answers options that are not an object, or hold no object where a secret's path goes, with invalid_input", () => {
    const Nested = z.strictObject({
      apiKey: z.string(),
      auth: z.strictObject({ token: z.string() }),
      vendor: z.custom<Vendor>(),
    });
    const make = defineAdapter({
      ...definition(),
      options: Nested,
      secrets: ["auth.token"],
      client: (options: z.infer<typeof Nested>) => options.vendor,
    });
    for (const options of [
      undefined,
      null,
      "key",
      { auth: null, vendor: vendor() },
      { auth: "tok", vendor: vendor() },
    ]) {
      let error: unknown;
      try {
        make(options);
      } catch (caught) {
        error = caught;
      }
      expect(PortalError.isInstance(error) && error.code, JSON.stringify(options ?? null)).toBe("invalid_input");
    }
  });

  it("hands the fallback's openPortal no returnUrl or vendorOptions key when the call gave none", async () => {
    const base = definition();
    const seen: unknown[] = [];
    const make = defineAdapter({
      ...base,
      operations: {
        ...base.operations,
        openPortal: async (input) => {
          seen.push(input);
          return launch("https://portal.test/p");
        },
      },
    });
    await make({ apiKey: "key", vendor: vendor() }).openSection({
      customerId: "alice",
      section: "address",
      fallback: "portal",
    });
    expect(seen).toStrictEqual([{ customerId: "alice" }]);
  });
});
