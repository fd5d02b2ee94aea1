import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { redactSecrets } from "@portalkit/core";
import { expect, it } from "vitest";
import { createStripeProvider, type StripeProvider } from "../src";

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
const SECRET_KEY = "stripe-owned-key-Q7w8E9r0T1y2";
const redacted = (secret: string) => redactSecrets(`x ${secret} y`) === "x [redacted] y";

// The options object is built here and dropped when this returns: only the provider is kept.
function build(): StripeProvider {
  return createStripeProvider({ secretKey: SECRET_KEY, returnUrl: "https://app.example.com/account" });
}

it("keeps the secret key redacted while the provider or one of its methods lives, and forgets it once it is collected", async () => {
  let provider: StripeProvider | undefined = build();
  await collectUntil(() => false, 5);
  expect(provider.id).toBe("stripe");
  expect(redacted(SECRET_KEY)).toBe(true);
  let listInvoices: StripeProvider["listInvoices"] | undefined = provider.listInvoices;
  provider = undefined;
  await collectUntil(() => false, 5);
  expect(redacted(SECRET_KEY)).toBe(true);
  expect(typeof listInvoices).toBe("function");
  listInvoices = undefined;
  await collectUntil(() => !redacted(SECRET_KEY));
  expect(redacted(SECRET_KEY)).toBe(false);
});
