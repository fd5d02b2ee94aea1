import type { Address } from "@portalkit/core";
import {
  invoiceSeries,
  type World,
  type WorldCard,
  type WorldInvoice,
  type WorldSubscription,
} from "@portalkit/core/testing";
import type { Account } from "./accounts";

const DAY = 86_400_000;

interface DemoCustomer {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  subscription: { id: string; status: WorldSubscription["status"]; priceId: string; quantity: number; unit: number };
  /** A second subscription, started later, with no invoices of its own yet. */
  addon?: { id: string; priceId: string; quantity: number; unit: number };
  card?: WorldCard;
  invoices: number;
  billingAddress?: Address;
  shippingAddress?: Address;
}

const CUSTOMERS: readonly DemoCustomer[] = [
  {
    id: "cus_demo_alice",
    email: "alice@example.com",
    firstName: "Alice",
    lastName: "Ames",
    subscription: { id: "sub_demo_alice", status: "active", priceId: "team-monthly", quantity: 5, unit: 1_200 },
    addon: { id: "sub_demo_alice_storage", priceId: "storage-addon", quantity: 2, unit: 400 },
    card: { brand: "visa", last4: "4242", expMonth: 12, expYear: 2030 },
    invoices: 240,
    billingAddress: {
      firstName: "Alice",
      lastName: "Ames",
      company: "Ames Analytics",
      email: "billing@ames.example",
      phone: "+1 415 555 0101",
      line1: "1 Market Street",
      city: "San Francisco",
      state: "CA",
      postalCode: "94105",
      country: "US",
    },
    shippingAddress: {
      firstName: "Alice",
      lastName: "Ames",
      line1: "500 Howard Street",
      city: "San Francisco",
      state: "CA",
      postalCode: "94105",
      country: "US",
    },
  },
  {
    id: "cus_demo_bruno",
    email: "bruno@example.com",
    firstName: "Bruno",
    lastName: "Braga",
    subscription: { id: "sub_demo_bruno", status: "trialing", priceId: "pro-monthly", quantity: 1, unit: 2_900 },
    card: { brand: "mastercard", last4: "4444", expMonth: 3, expYear: 2029 },
    invoices: 3,
    billingAddress: { firstName: "Bruno", lastName: "Braga", line1: "Rua Augusta 10", city: "Lisboa", country: "PT" },
  },
  {
    id: "cus_demo_chen",
    email: "chen@example.com",
    firstName: "Chen",
    lastName: "Chao",
    subscription: { id: "sub_demo_chen", status: "cancel_scheduled", priceId: "pro-yearly", quantity: 1, unit: 29_000 },
    invoices: 36,
  },
  {
    id: "cus_demo_dana",
    email: "dana@example.com",
    firstName: "Dana",
    lastName: "Dietz",
    subscription: { id: "sub_demo_dana", status: "canceled", priceId: "starter-monthly", quantity: 1, unit: 900 },
    invoices: 18,
    billingAddress: {
      firstName: "Dana",
      lastName: "Dietz",
      line1: "Torstraße 1",
      city: "Berlin",
      postalCode: "10119",
      country: "DE",
    },
  },
];

function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

/** Mostly paid, a few open, void or uncollectible, and (for Chargebee's metered billing) pending ones. */
function demoStatus(index: number): WorldInvoice["status"] {
  if (index < 2) return "pending";
  if (index === 2 || index % 29 === 0) return "open";
  if (index % 17 === 0) return "void";
  if (index % 41 === 0) return "uncollectible";
  return "paid";
}

/**
 * The demo's billing data: four customers with subscriptions in each state every vendor has
 * (active, trialing, ending at the period end, canceled; Alice with a second, add-on one) and about 300 invoices, the newest
 * two of each customer pending (Chargebee keeps them; Stripe has no such status and skips them).
 */
export function demoWorld(now: number = Date.now()): World {
  const world: World = { customers: [], subscriptions: [], invoices: [] };
  for (const customer of CUSTOMERS) {
    const { subscription } = customer;
    world.customers.push({
      id: customer.id,
      email: customer.email,
      firstName: customer.firstName,
      lastName: customer.lastName,
      hasPaymentMethod: true,
      ...(customer.card ? { card: customer.card } : {}),
      ...(customer.billingAddress ? { billingAddress: customer.billingAddress } : {}),
      ...(customer.shippingAddress ? { shippingAddress: customer.shippingAddress } : {}),
    });
    const ended = subscription.status === "canceled";
    const periodEnd = ended ? now - 3 * DAY : now + 12 * DAY;
    const world_subscription: WorldSubscription = {
      id: subscription.id,
      customerId: customer.id,
      status: subscription.status,
      priceId: subscription.priceId,
      quantity: subscription.quantity,
      unitAmount: subscription.unit,
      currency: "USD",
      createdAt: iso(now - (customer.invoices + 30) * DAY),
      currentPeriodStart: iso(periodEnd - 30 * DAY),
      currentPeriodEnd: iso(periodEnd),
    };
    if (subscription.status === "cancel_scheduled") world_subscription.cancelAt = world_subscription.currentPeriodEnd;
    if (subscription.status === "canceled") world_subscription.canceledAt = world_subscription.currentPeriodEnd;
    world.subscriptions.push(world_subscription);
    if (customer.addon) {
      world.subscriptions.push({
        id: customer.addon.id,
        customerId: customer.id,
        status: "active",
        priceId: customer.addon.priceId,
        quantity: customer.addon.quantity,
        unitAmount: customer.addon.unit,
        currency: "USD",
        createdAt: iso(now - 20 * DAY),
        currentPeriodStart: iso(periodEnd - 30 * DAY),
        currentPeriodEnd: iso(periodEnd),
        ...(customer.shippingAddress ? { shippingAddress: customer.shippingAddress } : {}),
      });
    }
    world.invoices.push(
      ...invoiceSeries({
        customerId: customer.id,
        subscriptionId: subscription.id,
        prefix: `in_${customer.firstName.toLowerCase()}_`,
        count: customer.invoices,
        newest: iso(now - DAY),
        status: demoStatus,
        total: (index) => subscription.unit * subscription.quantity + ((index * 37) % 500),
        currency: "USD",
      }),
    );
  }
  return world;
}

/** The app's user records for the demo customers: who they are, never what they hold at the vendor. */
export function demoAccounts(): Account[] {
  return CUSTOMERS.map((customer) => ({
    email: customer.email,
    name: `${customer.firstName} ${customer.lastName}`,
    customerId: customer.id,
  }));
}
