import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as kit from "../src/adapter";
import * as core from "../src/index";

const ROOT = join(import.meta.dirname, "../../..");

/** The schemas zod builds while `specifier` loads, in a fresh process on the sources, and on first use after. */
function schemasBuilt(specifier: string, firstUse: string): [atImport: number, onFirstUse: number] {
  const script = `let made = 0;
globalThis.__zod_globalConfig = { postProcessor: () => { made++; } };
const mod = await import(${JSON.stringify(specifier)});
const atImport = made;
${firstUse}
process.stdout.write(JSON.stringify([atImport, made - atImport]));`;
  return JSON.parse(
    execFileSync(
      process.execPath,
      ["--import", "tsx", "--conditions=@portalkit/source", "--input-type=module", "-e", script],
      {
        cwd: ROOT,
      },
    ).toString(),
  ) as [number, number];
}

describe("@portalkit/core/adapter", () => {
  it("builds none of core's schemas as it loads, and each when first used", () => {
    const [atImport, onFirstUse] = schemasBuilt(
      "@portalkit/core/adapter",
      `const { addressSchema } = await import("./packages/core/src/schema-builders.ts");
addressSchema().safeParse({ country: "DE" });`,
    );
    // The kit's own retry option schema (and the catchall of a strict object) only.
    expect(atImport).toBeLessThanOrEqual(2);
    expect(onFirstUse).toBeGreaterThan(10);
  });

  it("lets an adapter load without building core's schemas", () => {
    const [atImport] = schemasBuilt("@portalkit/chargebee", "");
    const [withCore] = schemasBuilt("@portalkit/core", "");
    expect(atImport).toBeLessThan(12);
    expect(withCore).toBeGreaterThan(60);
  });

  it("exports the same bindings as @portalkit/core", () => {
    const kitExports: Record<string, unknown> = { ...kit };
    const coreExports: Record<string, unknown> = { ...core };
    const shared = Object.keys(kitExports).filter((name) => name in coreExports);
    expect(shared.length).toBeGreaterThan(15);
    for (const name of shared) expect(kitExports[name], name).toBe(coreExports[name]);
    // `urlSchema()` is UrlSchema, built on its first call.
    expect(kit.urlSchema()).toBe(core.UrlSchema);
  });

  it("gives OPERATIONS the very schemas @portalkit/core exports", () => {
    expect(core.OPERATIONS.createSession.input).toBe(core.CreateSessionInputSchema);
    expect(core.OPERATIONS.getSubscription.input).toBe(core.SubscriptionRefInputSchema);
    expect(core.OPERATIONS.reactivate.input).toBe(core.SubscriptionRefInputSchema);
    expect(core.OPERATIONS.paymentMethodLaunch.input).toBe(core.CreateSessionInputSchema);
    expect(core.OPERATIONS.createSession.output).toBe(core.PortalSessionSchema);
    expect(core.OPERATIONS.openPortal.output).toBe(core.PortalLaunchSchema);
    expect(core.OPERATIONS.parseWebhook.output).toBe(core.BillingEventSchema);
    // A page schema is made once, the same object on every read.
    expect(core.OPERATIONS.listInvoices.output).toBe(core.OPERATIONS.listInvoices.output);
    expect(Object.keys(core.OPERATIONS.parseWebhook)).toEqual(["input", "output", "scope", "optional", "capability"]);
  });
});
