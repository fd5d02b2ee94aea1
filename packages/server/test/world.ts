import type { World } from "@portalkit/core/testing";
import { invoiceSeries } from "@portalkit/core/testing";

/** Two customers, one subscription and a few invoices each. */
export function twoCustomers(): World {
  const subscription = (id: string, customerId: string) => ({
    id,
    customerId,
    status: "active" as const,
    priceId: "pro-monthly",
    quantity: 1,
    unitAmount: 2500,
    currency: "USD",
    createdAt: "2026-09-01T00:00:00Z",
    currentPeriodStart: "2026-11-01T00:00:00Z",
    currentPeriodEnd: "2026-12-01T00:00:00Z",
  });
  return {
    customers: [
      { id: "cus_alice", email: "alice@example.com", firstName: "Alice" },
      { id: "cus_bob", email: "bob@example.com", firstName: "Bob" },
    ],
    subscriptions: [subscription("sub_alice", "cus_alice"), subscription("sub_bob", "cus_bob")],
    invoices: [
      ...invoiceSeries({ customerId: "cus_alice", subscriptionId: "sub_alice", count: 5, currency: "USD" }),
      ...invoiceSeries({ customerId: "cus_bob", subscriptionId: "sub_bob", count: 2, currency: "USD" }),
    ],
  };
}
