import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PortalError } from "@portalkit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DiffCommandOptions, runDiffCommand } from "../src/index";
import { breakOneInvoice, useLoopbackMigration } from "./loopback-migration";
import { CUSTOMER_MAP_CSV } from "./support";

const migration = useLoopbackMigration();
const fixtures = join(import.meta.dirname, "fixtures");
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "portalkit-diff-"));
  await writeFile(join(dir, "customers.csv"), CUSTOMER_MAP_CSV);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function diff(options: Partial<DiffCommandOptions> = {}) {
  const out: string[] = [];
  const progress: string[] = [];
  const code = await runDiffCommand({
    from: join(fixtures, "from.config.ts"),
    to: "./to.config.ts",
    customers: join(dir, "customers.csv"),
    cwd: fixtures,
    out: (text) => out.push(text),
    progress: (text) => progress.push(text),
    ...options,
  });
  return { code, out: out.join("\n"), progress };
}

describe("portalkit diff (runDiffCommand)", () => {
  it("exits 0 and prints a table of matching customers when the migration is intact", async () => {
    const { code, out } = await diff();
    expect(code).toBe(0);
    expect(out).toContain("cb_bob         cus_B        120 / 120  1              0            ok");
    expect(out).toMatch(/3 customers compared, 0 with differences$/);
  });

  it("exits 1 and names the broken invoice, and only it", async () => {
    const number = breakOneInvoice(migration);
    // A path without "./" names the file, as users type it.
    const { code, out } = await diff({ to: "to.config.ts" });
    expect(code).toBe(1);
    const details = out.split("\n").filter((line) => line.includes(" → "));
    expect(details).toEqual([
      expect.stringMatching(new RegExp(`^cb_alice → cus_A: invoice ${number} total: \\d+ USD ≠ \\d+ USD$`)),
      expect.stringMatching(new RegExp(`^cb_alice → cus_A: invoice ${number} amountPaid: \\d+ USD ≠ \\d+ USD$`)),
    ]);
    expect(out).toMatch(/3 customers compared, 1 with differences$/);
  });

  it("exits 1 when the new side cannot be read", async () => {
    migration.to.inject({ fault: { type: "status", status: 503 }, path: "/v1/invoices", times: 10 });
    const { code, out } = await diff();
    expect(code).toBe(1);
    expect(out).toMatch(/cb_alice → cus_A: error: to cus_A: unavailable: /);
  });

  it("shows progress on a long run, at most once a second, and the end", async () => {
    let now = 0;
    // Each reading of the clock is 600 ms later than the last (the start is one reading):
    // a slow run, without waiting for one. Customer 1 is done at 0.6 s (too early to
    // report), 2 at 1.2 s, 3 at 1.8 s (less than a second after the last line, but the end).
    const { progress } = await diff({ clock: () => (now += 600), concurrency: 1 });
    expect(progress).toEqual(["compared 2/3 customers (1 s)\n", "compared 3/3 customers (2 s)\n"]);
  });

  it("shows no progress on a run shorter than a second", async () => {
    const { progress, code } = await diff({ clock: () => 5_000 });
    expect([code, progress]).toEqual([0, []]);
  });

  it("rejects with invalid_input for a config without a provider, or a missing map", async () => {
    const notProvider = await diff({ to: "./not-a-provider.config.ts" }).catch((error: unknown) => error);
    expect(PortalError.isInstance(notProvider) && [notProvider.code, notProvider.message]).toEqual([
      "invalid_input",
      "./not-a-provider.config.ts must export `provider` or `createProvider()` giving a PortalProvider",
    ]);
    const noMap = await diff({ customers: "nowhere.csv" }).catch((error: unknown) => error);
    expect(PortalError.isInstance(noMap) && [noMap.code, noMap.field]).toEqual(["invalid_input", "customers"]);
    const noFile = await diff({ from: "./missing.config.ts" }).catch((error: unknown) => error);
    expect(PortalError.isInstance(noFile) && noFile.message).toMatch(/^\.\/missing\.config\.ts: no such file/);
  });

  it("names a customer missing on either side instead of reporting its invoices missing", async () => {
    const file = join(dir, "missing.csv");
    await writeFile(file, "cb_alice,cus_nobody\ncb_nobody,cus_B\ncb_carol,cus_C\n");
    const { code, out } = await diff({ customers: file });
    expect(code).toBe(1);
    expect(out).toContain("cb_alice → cus_nobody: error: to cus_nobody: no such customer");
    expect(out).toContain("cb_nobody → cus_B: error: from cb_nobody: no such customer");
    expect(out).not.toMatch(/missing/i);
    expect(out).toMatch(/3 customers compared, 2 with differences$/);
  });

  it("refuses a customer map that lists no customers", async () => {
    for (const [name, text] of [
      ["empty.csv", ""],
      ["header-only.csv", "from_customer,to_customer\n# nothing yet\n"],
    ] as const) {
      const file = join(dir, name);
      await writeFile(file, text);
      const error = await diff({ customers: file }).catch((caught: unknown) => caught);
      expect(PortalError.isInstance(error) && [error.code, error.field]).toEqual(["invalid_input", "customers"]);
      expect(String((error as Error).message)).toContain("lists no customers");
    }
  });
});
