import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { compareCustomers, parseCustomerMap, runDiffCommand } from "@portalkit/cli";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHARGEBEE_API_KEY, CHARGEBEE_SITE, STRIPE_SECRET_KEY } from "../src/simulators";
import { BROKEN_INVOICE } from "../src/world";
import { type RunningMigration, startMigration } from "./support";

const exampleDir = join(import.meta.dirname, "..");
let m: RunningMigration;

beforeEach(async () => {
  m = await startMigration();
  Object.assign(process.env, {
    CHARGEBEE_SITE,
    CHARGEBEE_API_KEY,
    CHARGEBEE_API_URL: m.chargebeeUrl,
    STRIPE_SECRET_KEY,
    STRIPE_API_URL: m.stripeUrl,
  });
});
afterEach(async () => {
  await m.close();
});

async function diff() {
  const out: string[] = [];
  const code = await runDiffCommand({
    from: "src/chargebee.config.ts",
    to: "src/stripe.config.ts",
    customers: m.customerMapFile,
    cwd: exampleDir,
    out: (text) => out.push(text),
    progress: () => undefined,
  });
  return { code, lines: out.join("\n").split("\n") };
}

describe("portalkit diff after the migration", () => {
  it("finds exactly the broken invoice and exits 1", async () => {
    const { code, lines } = await diff();
    expect(code).toBe(1);
    const details = lines.filter((line) => line.includes(": invoice ") || line.includes(": subscription "));
    expect(details.map((line) => line.replace(/:.*$/, ""))).toEqual([
      "cb_grace → cus_migrated_grace",
      "cb_grace → cus_migrated_grace",
    ]);
    expect(details.every((line) => line.includes(`invoice ${BROKEN_INVOICE} `))).toBe(true);
    expect(lines.at(-1)).toBe("3 customers compared, 1 with differences");
  });

  it("compares every migrated invoice and subscription, and only one invoice differs", async () => {
    const customers = parseCustomerMap(await readFile(m.customerMapFile, "utf8"));
    const results = await compareCustomers({ from: m.cb, to: m.st, customers });
    expect(results.map((r) => [r.from, r.invoices.from, r.invoices.to, r.subscriptions, r.errors])).toEqual([
      ["cb_ada", 105, 105, 1, []],
      ["cb_grace", 6, 6, 1, []],
      ["cb_alan", 0, 0, 1, []],
    ]);
    expect(results.flatMap((r) => r.diffs)).toMatchObject([
      { kind: "invoice_amount", key: BROKEN_INVOICE, field: "total" },
      { kind: "invoice_amount", key: BROKEN_INVOICE, field: "amountPaid" },
    ]);
  });

  it("exits 0 once the invoice is repaired on Stripe", async () => {
    const source = m.chargebee.invoices.get(BROKEN_INVOICE);
    const page = await m.st.listInvoices({ customerId: "cus_migrated_grace" });
    const migrated = page.data.find((invoice) => invoice.number === BROKEN_INVOICE);
    const stored = migrated && m.stripe.invoice(migrated.id);
    if (!source || !stored) throw new Error("the broken invoice is missing");
    const repaired = structuredClone(stored);
    repaired.total = source.total ?? 0;
    repaired.amount_paid = source.amount_paid ?? 0;
    repaired.amount_due = source.amount_due ?? 0;
    m.stripe.putInvoice(repaired);
    const { code, lines } = await diff();
    expect(lines.at(-1)).toBe("3 customers compared, 0 with differences");
    expect(code).toBe(0);
  });

  it("exits 0 for a migration that broke nothing", async () => {
    await m.close();
    m = await startMigration({ damage: null });
    process.env.CHARGEBEE_API_URL = m.chargebeeUrl;
    process.env.STRIPE_API_URL = m.stripeUrl;
    expect((await diff()).code).toBe(0);
  });
});
