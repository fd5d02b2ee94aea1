import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { redactSecrets } from "@portalkit/core";
import { expect, it } from "vitest";
import { type ChargebeeProvider, createChargebeeProvider } from "../src";

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
const API_KEY = "chargebee-owned-key-Z3x4C5v6B7n8";
const redacted = (secret: string) => redactSecrets(`x ${secret} y`) === "x [redacted] y";

// The options object is built here and dropped when this returns: only the provider is kept.
function build(): ChargebeeProvider {
  return createChargebeeProvider({ site: "acme-test", apiKey: API_KEY });
}

it("keeps the API key redacted while the provider or one of its methods lives, and forgets it once it is collected", async () => {
  let provider: ChargebeeProvider | undefined = build();
  await collectUntil(() => false, 5);
  expect(provider.id).toBe("chargebee");
  expect(redacted(API_KEY)).toBe(true);
  let listInvoices: ChargebeeProvider["listInvoices"] | undefined = provider.listInvoices;
  provider = undefined;
  await collectUntil(() => false, 5);
  expect(redacted(API_KEY)).toBe(true);
  expect(typeof listInvoices).toBe("function");
  listInvoices = undefined;
  await collectUntil(() => !redacted(API_KEY));
  expect(redacted(API_KEY)).toBe(false);
});
