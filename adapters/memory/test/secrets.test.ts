import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { redactSecrets } from "@portalkit/core";
import { expect, it } from "vitest";
import { createMemoryProvider, type MemoryProvider } from "../src";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Collects until `done` holds; finalizers run in a task after the collection that found their object. */
async function collectUntil(done: () => boolean, rounds = 50): Promise<void> {
  for (let round = 0; round < rounds && !done(); round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

// Shaped like no credential, so that only its registration redacts it.
const API_KEY = "memory-owned-key-H1j2K3l4M5n6";
const redacted = (secret: string) => redactSecrets(`x ${secret} y`) === "x [redacted] y";

// The options object is built here and dropped when this returns: only the provider is kept.
function build(): MemoryProvider {
  return createMemoryProvider({ apiKey: API_KEY, fetch: async () => new Response("{}") });
}

it("keeps the API key redacted while the provider or one of its methods lives, and forgets it once it is collected", async () => {
  let provider: MemoryProvider | undefined = build();
  await collectUntil(() => false, 5);
  expect(provider.id).toBe("memory");
  expect(redacted(API_KEY)).toBe(true);
  let listInvoices: MemoryProvider["listInvoices"] | undefined = provider.listInvoices;
  provider = undefined;
  await collectUntil(() => false, 5);
  expect(redacted(API_KEY)).toBe(true);
  expect(typeof listInvoices).toBe("function");
  listInvoices = undefined;
  await collectUntil(() => !redacted(API_KEY));
  expect(redacted(API_KEY)).toBe(false);
});
