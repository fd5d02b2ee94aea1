import { join } from "node:path";
import { writeCustomerMap, writeRouting } from "./mapping-files";
import { type MigratedCustomer, migrateToStripe } from "./migrate";
import type { Simulators } from "./simulators";
import { BROKEN_INVOICE, MIGRATED, PADDLE_CUSTOMER } from "./world";

export interface PreparedMigration {
  customers: MigratedCustomer[];
  /** `<dataDir>/customers.csv`, the customer map `portalkit diff` reads. */
  customerMapFile: string;
  /** `<dataDir>/routing.csv`, which the router reads. */
  routingFile: string;
}

/**
 * Moves this wave's customers to Stripe (breaking one invoice on the way, unless
 * `damage` is null) and writes the customer map and the routing table into `dataDir`.
 */
export async function prepareMigration(options: {
  simulators: Simulators;
  dataDir: string;
  damage?: { invoice: string } | null;
}): Promise<PreparedMigration> {
  const { chargebee, stripe } = options.simulators;
  const damage = options.damage === undefined ? { invoice: BROKEN_INVOICE } : options.damage;
  const customers = migrateToStripe({ chargebee, stripe, customers: MIGRATED, ...(damage ? { damage } : {}) });
  const owners = new Map<string, string>();
  const moved = new Map(customers.map((c) => [c.from, c.to]));
  for (const id of chargebee.customers.keys()) {
    const to = moved.get(id);
    owners.set(to ?? id, to ? "stripe" : "chargebee");
  }
  // Not part of the migration: this customer stays on Paddle, and the router sends them there.
  if (options.simulators.paddle.customer(PADDLE_CUSTOMER)) owners.set(PADDLE_CUSTOMER, "paddle");
  const customerMapFile = join(options.dataDir, "customers.csv");
  const routingFile = join(options.dataDir, "routing.csv");
  await writeCustomerMap(customerMapFile, customers);
  await writeRouting(routingFile, owners);
  return { customers, customerMapFile, routingFile };
}
