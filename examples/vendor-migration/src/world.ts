import type { InvoiceStatus } from "@portalkit/core";
import { invoiceSeries, type World, type WorldSubscription } from "@portalkit/core/testing";

/** The customers on Chargebee before the migration starts. */
export const CUSTOMER_NAMES = ["ada", "grace", "alan", "edsger", "barbara"] as const;

/** Customers moved to Stripe in this wave; the others stay on Chargebee for now. */
export const MIGRATED = ["cb_ada", "cb_grace", "cb_alan"] as const;

/** A customer of the product line that bills on Paddle: routed there, not migrated. */
export const PADDLE_CUSTOMER = "ctm_hopper";

/** The invoice the migration copies wrongly (see migrate.ts). */
export const BROKEN_INVOICE = "INV-GRACE-000002";

const TERM = {
  createdAt: "2025-06-01T00:00:00.000Z",
  currentPeriodStart: "2026-10-01T00:00:00.000Z",
  currentPeriodEnd: "2026-11-01T00:00:00.000Z",
};

const PLANS: Record<(typeof CUSTOMER_NAMES)[number], { status: WorldSubscription["status"]; invoices: number }> = {
  // Ada has a long history: more than one page of invoices on both vendors.
  ada: { status: "active", invoices: 105 },
  grace: { status: "cancel_scheduled", invoices: 6 },
  alan: { status: "trialing", invoices: 0 },
  edsger: { status: "active", invoices: 4 },
  barbara: { status: "active", invoices: 3 },
};

const statusOf = (index: number): InvoiceStatus => (index === 0 ? "open" : index === 4 ? "void" : "paid");

/** The Chargebee site's data: five customers, one subscription each, their invoices. */
export function chargebeeWorld(): World {
  const world: World = { customers: [], subscriptions: [], invoices: [] };
  for (const name of CUSTOMER_NAMES) {
    const customerId = `cb_${name}`;
    const subscriptionId = `cb_sub_${name}`;
    const plan = PLANS[name];
    world.customers.push({
      id: customerId,
      email: `${name}@example.com`,
      firstName: name[0]?.toUpperCase() + name.slice(1),
      hasPaymentMethod: true,
    });
    world.subscriptions.push({
      id: subscriptionId,
      customerId,
      status: plan.status,
      priceId: "pro-USD-monthly",
      quantity: 1,
      unitAmount: 4900,
      currency: "USD",
      ...TERM,
      ...(plan.status === "cancel_scheduled" ? { cancelAt: TERM.currentPeriodEnd } : {}),
    });
    world.invoices.push(
      ...invoiceSeries({
        customerId,
        subscriptionId,
        count: plan.invoices,
        prefix: `INV-${name.toUpperCase()}-`,
        status: statusOf,
        total: (index) => 4900 + (index % 3) * 1250,
      }),
    );
  }
  return world;
}

/** The Paddle account's data: one customer, their subscription and three invoices. */
export function paddleWorld(): World {
  const subscriptionId = "sub_hopper";
  return {
    customers: [{ id: PADDLE_CUSTOMER, email: "hopper@example.com", firstName: "Grace", lastName: "Hopper" }],
    subscriptions: [
      {
        id: subscriptionId,
        customerId: PADDLE_CUSTOMER,
        status: "active",
        priceId: "pri_team_monthly",
        quantity: 2,
        unitAmount: 2900,
        currency: "EUR",
        ...TERM,
      },
    ],
    invoices: invoiceSeries({
      customerId: PADDLE_CUSTOMER,
      subscriptionId,
      count: 3,
      prefix: "txn_hopper_",
      currency: "EUR",
    }),
  };
}
