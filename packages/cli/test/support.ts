import { invoiceSeries, type World, type WorldInvoice, type WorldSubscription } from "@portalkit/core/testing";
import { createMemoryProvider } from "@portalkit/memory";
import { createMemoryBackend, type MemoryBackend } from "@portalkit/memory/testing";
import type { CustomerMapping } from "../src/index";

/** Customers before (`cb_…`) and after (`cus_…`) a migration between two memory backends. */
export const CUSTOMERS: CustomerMapping[] = [
  { from: "cb_alice", to: "cus_A", subscriptions: [{ from: "cb_sub_alice", to: "sub_A" }] },
  { from: "cb_bob", to: "cus_B", subscriptions: [{ from: "cb_sub_bob", to: "sub_B" }] },
  { from: "cb_carol", to: "cus_C", subscriptions: [] },
];

export const CUSTOMER_MAP_CSV = [
  "from_customer,to_customer,from_subscription,to_subscription",
  "cb_alice,cus_A,cb_sub_alice,sub_A",
  "cb_bob,cus_B,cb_sub_bob,sub_B",
  "cb_carol,cus_C,,",
  "",
].join("\n");

const PERIOD = {
  createdAt: "2026-01-01T00:00:00.000Z",
  currentPeriodStart: "2026-10-01T00:00:00.000Z",
  currentPeriodEnd: "2026-11-01T00:00:00.000Z",
};

function subscription(id: string, customerId: string, status: WorldSubscription["status"]): WorldSubscription {
  return { id, customerId, status, priceId: "price_pro", quantity: 1, unitAmount: 4900, currency: "USD", ...PERIOD };
}

/** The source world: alice with 3 invoices, bob with 120 (two pages), carol with none. */
export function sourceWorld(): World {
  return {
    customers: CUSTOMERS.map((c) => ({ id: c.from, email: `${c.from}@example.com` })),
    subscriptions: [
      subscription("cb_sub_alice", "cb_alice", "active"),
      subscription("cb_sub_bob", "cb_bob", "cancel_scheduled"),
    ],
    invoices: [
      ...invoiceSeries({ customerId: "cb_alice", subscriptionId: "cb_sub_alice", count: 3 }),
      ...invoiceSeries({ customerId: "cb_bob", subscriptionId: "cb_sub_bob", count: 120 }),
    ],
  };
}

/** The same data as it should look after the migration: new ids, invoice numbers kept. */
export function migratedWorld(source: World = sourceWorld()): World {
  const customerId = new Map(CUSTOMERS.map((c) => [c.from, c.to]));
  const subscriptionId = new Map(CUSTOMERS.flatMap((c) => c.subscriptions.map((s) => [s.from, s.to] as const)));
  return {
    customers: source.customers.map((c) => ({ ...c, id: customerId.get(c.id) ?? c.id })),
    subscriptions: source.subscriptions.map((s) => ({
      ...s,
      id: subscriptionId.get(s.id) ?? s.id,
      customerId: customerId.get(s.customerId) ?? s.customerId,
    })),
    invoices: source.invoices.map((invoice, index): WorldInvoice => {
      const moved: WorldInvoice = {
        ...invoice,
        id: `in_migrated_${index}`,
        customerId: customerId.get(invoice.customerId) ?? invoice.customerId,
      };
      if (invoice.subscriptionId)
        moved.subscriptionId = subscriptionId.get(invoice.subscriptionId) ?? invoice.subscriptionId;
      return moved;
    }),
  };
}

export interface Migration {
  fromBackend: MemoryBackend;
  toBackend: MemoryBackend;
  from: ReturnType<typeof createMemoryProvider>;
  to: ReturnType<typeof createMemoryProvider>;
}

export function memoryMigration(target: World = migratedWorld()): Migration {
  const fromBackend = createMemoryBackend({ world: sourceWorld() });
  const toBackend = createMemoryBackend({ world: target });
  const fast = { maxAttempts: 1 };
  return {
    fromBackend,
    toBackend,
    from: createMemoryProvider({ fetch: fromBackend.fetch, retry: fast }),
    to: createMemoryProvider({ fetch: toBackend.fetch, retry: fast }),
  };
}
