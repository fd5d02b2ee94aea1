import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { defineCapabilities, redactSecrets } from "../src";
import { defineAdapter } from "../src/adapter";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

async function collect(rounds = 10): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

const Options = z.strictObject({ apiKey: z.string(), client: z.unknown() });

/** An adapter whose client is whatever the options name: an object, a function, nothing at all. */
const make = defineAdapter({
  id: "acme" as const,
  vendor: "Acme",
  options: Options,
  secrets: ["apiKey"],
  client: (options: z.infer<typeof Options>) => options.client,
  toPortalError: (_error, provider) => {
    throw new Error(`no table for ${provider}`);
  },
  retry: () => ({ maxAttempts: 1 }),
  capabilities: defineCapabilities({ sections: [], cancelModes: ["now"] }),
  sections: {},
  lookups: {},
  operations: {
    createSession: async ({ customerId }, ctx) => ({
      id: `s_${String(ctx.client === undefined)}`,
      provider: ctx.provider,
      customerId,
      createdAt: "2026-11-21T08:00:00Z",
      raw: {},
    }),
    openPortal: async (_input, ctx) => ({ kind: "redirect", provider: ctx.provider, url: "https://portal.test/" }),
    listInvoices: async () => ({ data: [] }),
    cancel: async ({ customerId, subscriptionId }, ctx) => ({
      id: subscriptionId,
      provider: ctx.provider,
      customerId,
      status: "canceled",
      items: [],
      raw: {},
    }),
  },
});

describe("defineAdapter: how long the secrets are kept", () => {
  it.each([
    ["an object", () => ({ sdk: true })],
    ["a function", () => () => "sdk"],
  ])("keeps them while a method lives after the provider is dropped, with %s as client", async (_, client) => {
    const secret = `kit-secret-${Math.random().toString(36).slice(2)}-kept`;
    let provider: ReturnType<typeof make> | undefined = make({ apiKey: secret, client: client() });
    const { createSession } = provider;
    provider = undefined;
    await collect();
    expect(redactSecrets(`a ${secret} b`)).toBe("a [redacted] b");
    expect((await createSession({ customerId: "alice" })).customerId).toBe("alice");
  });

  it.each([
    ["an object", () => ({ sdk: true })],
    ["nothing", () => undefined],
    ["null", () => null],
    ["a number", () => 42],
  ])("forgets them once the provider and its methods are collected, with %s as client", async (_, client) => {
    const secret = `kit-secret-${Math.random().toString(36).slice(2)}-gone`;
    let provider: ReturnType<typeof make> | undefined = make({ apiKey: secret, client: client() });
    expect(redactSecrets(secret)).toBe("[redacted]");
    provider = undefined;
    for (let round = 0; round < 50 && redactSecrets(secret) !== secret; round++) await collect(1);
    expect(redactSecrets(secret)).toBe(secret);
    void provider;
  });
});
