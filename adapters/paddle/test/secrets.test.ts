import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { redactSecrets } from "@portalkit/core";
import { expect, it } from "vitest";
import { createPaddleProvider, type PaddleProvider } from "../src";

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
const API_KEY = "paddle-owned-key-Q7w8E9r0T1y2";
const WEBHOOK_SECRET = "paddle-owned-whs-A1s2D3f4G5h6";
const redacted = (secret: string) => redactSecrets(`x ${secret} y`) === "x [redacted] y";

// The options object is built here and dropped when this returns: only the provider is kept.
function build(): PaddleProvider {
  return createPaddleProvider({ apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET });
}

it("keeps the API key and webhook secret redacted while the provider or one of its methods lives, and forgets it once it is collected", async () => {
  let provider: PaddleProvider | undefined = build();
  await collectUntil(() => false, 5);
  expect(provider.id).toBe("paddle");
  expect(redacted(API_KEY) && redacted(WEBHOOK_SECRET)).toBe(true);
  let listInvoices: PaddleProvider["listInvoices"] | undefined = provider.listInvoices;
  provider = undefined;
  await collectUntil(() => false, 5);
  expect(redacted(API_KEY) && redacted(WEBHOOK_SECRET)).toBe(true);
  expect(typeof listInvoices).toBe("function");
  listInvoices = undefined;
  await collectUntil(() => !redacted(API_KEY) && !redacted(WEBHOOK_SECRET));
  expect(redacted(API_KEY) || redacted(WEBHOOK_SECRET)).toBe(false);
});
