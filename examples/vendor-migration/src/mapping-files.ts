import { readFile, writeFile } from "node:fs/promises";
import { PortalError } from "@portalkit/core";
import type { MigratedCustomer } from "./migrate";

/**
 * data/customers.csv, read by `portalkit diff --customers`: one row per migrated
 * subscription (or per customer without one), ids on Chargebee then on Stripe.
 */
export async function writeCustomerMap(file: string, customers: readonly MigratedCustomer[]): Promise<void> {
  const rows = customers.flatMap((c) =>
    c.subscriptions.length === 0
      ? [`${c.from},${c.to},,`]
      : c.subscriptions.map((s) => `${c.from},${c.to},${s.from},${s.to}`),
  );
  await writeFile(file, ["from_customer,to_customer,from_subscription,to_subscription", ...rows, ""].join("\n"));
}

/**
 * data/routing.csv: which provider holds each billing customer id the application knows.
 * A customer moves by changing its row (the app stores the new id and `stripe`).
 */
export async function writeRouting(file: string, owners: ReadonlyMap<string, string>): Promise<void> {
  const rows = [...owners].map(([customer, provider]) => `${customer},${provider}`);
  await writeFile(file, ["customer_id,provider", ...rows, ""].join("\n"));
}

export async function readRouting(file: string): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  const lines = (await readFile(file, "utf8")).split(/\r?\n/);
  lines.forEach((line, index) => {
    if (index === 0 || line.trim() === "") return;
    const [customer, provider, ...rest] = line.split(",").map((cell) => cell.trim());
    if (!customer || !provider || rest.length > 0) {
      throw new PortalError({
        code: "invalid_input",
        provider: "routing",
        message: `${file} line ${index + 1}: expected customer_id,provider`,
      });
    }
    owners.set(customer, provider);
  });
  return owners;
}
