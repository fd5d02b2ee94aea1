import { invoiceSeries, type World } from "@portalkit/core/testing";

export const DEMO_CUSTOMER = { id: "cus_demo_ada", email: "ada@example.com", name: "Ada Lovelace" };
export const DEMO_SUBSCRIPTION = "sub_demo_ada";

/** The demo's billing data, seeded into the Chargebee simulator at start. */
export function demoWorld(): World {
  return {
    customers: [{ id: DEMO_CUSTOMER.id, email: DEMO_CUSTOMER.email, firstName: "Ada", lastName: "Lovelace" }],
    subscriptions: [
      {
        id: DEMO_SUBSCRIPTION,
        customerId: DEMO_CUSTOMER.id,
        status: "active",
        priceId: "team-monthly",
        quantity: 5,
        unitAmount: 1_200,
        currency: "USD",
        createdAt: "2025-01-01T00:00:00Z",
        currentPeriodStart: "2026-11-01T00:00:00Z",
        currentPeriodEnd: "2026-12-01T00:00:00Z",
      },
    ],
    invoices: invoiceSeries({
      customerId: DEMO_CUSTOMER.id,
      subscriptionId: DEMO_SUBSCRIPTION,
      count: 23,
      currency: "USD",
      total: () => 6_000,
      newest: "2026-11-01T00:00:00Z",
    }),
  };
}
