import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { type PortalProvider, redactSecrets } from "@portalkit/core";
import { describe, expect, it } from "vitest";
import type { SecretLifetime } from "../harness";
import type { Scenario } from "../scenario-kit";

let gc: (() => void) | undefined;

/** Collects until `done` holds; finalizers run in a task after the collection that found their object. */
async function collectUntil(done: () => boolean, rounds = 50): Promise<void> {
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  for (let round = 0; round < rounds && !done(); round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

// Built here and dropped when this returns: only the provider is kept.
function build(check: SecretLifetime): PortalProvider {
  return check.build();
}

/** Secrets stay registered for redaction while the provider, or one method kept alone, lives, and no longer. */
export function secretLifetimeScenarios({ harness, providerId }: Scenario): void {
  const check = harness.secretLifetime;
  describe("secret lifetime", () => {
    it.skipIf(check === undefined)(
      "keeps the provider's secrets redacted while the provider or one of its methods lives, and forgets them once it is collected",
      async () => {
        if (!check) return;
        const keep = check.keep ?? "listInvoices";
        const redact = check.redact ?? redactSecrets;
        const redacted = (secret: string) => redact(`x ${secret} y`) === "x [redacted] y";
        expect(check.secrets.length).toBeGreaterThan(0);
        let provider: PortalProvider | undefined = build(check);
        await collectUntil(() => false, 5);
        expect(provider.id).toBe(providerId);
        for (const secret of check.secrets) expect(redacted(secret), `${secret} redacted`).toBe(true);
        let method: unknown = provider[keep];
        provider = undefined;
        await collectUntil(() => false, 5);
        for (const secret of check.secrets) expect(redacted(secret), `${secret} redacted`).toBe(true);
        expect(typeof method).toBe("function");
        method = undefined;
        await collectUntil(() => check.secrets.every((secret) => !redacted(secret)));
        for (const secret of check.secrets) expect(redacted(secret), `${secret} forgotten`).toBe(false);
      },
    );
  });
}
