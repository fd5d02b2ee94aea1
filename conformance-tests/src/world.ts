import type { Address, InvoiceStatus } from "@portalkit/core";
import { invoiceSeries, type World, type WorldInvoice, type WorldSubscription } from "@portalkit/core/testing";

/** The customers every conformance world holds: Alice is the one acting, Bob the other customer. */
export const ALICE = "cus_alice";
export const BOB = "cus_bob";
export const UNKNOWN_CUSTOMER = "cus_nobody";

export const SUBSCRIPTIONS = {
  /** Alice's main subscription, active, with invoices. */
  aliceMain: "sub_alice_main",
  /** A second active subscription of Alice's, with its own invoices. */
  aliceAddon: "sub_alice_addon",
  aliceTrial: "sub_alice_trial",
  /** Ends at the end of its period. */
  aliceScheduled: "sub_alice_scheduled",
  aliceCanceled: "sub_alice_canceled",
  bobMain: "sub_bob_main",
} as const;

/** Alice's subscriptions in the order a listing answers them (by creation, newest first). */
export const ALICE_SUBSCRIPTIONS_NEWEST_FIRST = [
  SUBSCRIPTIONS.aliceTrial,
  SUBSCRIPTIONS.aliceAddon,
  SUBSCRIPTIONS.aliceScheduled,
  SUBSCRIPTIONS.aliceMain,
  SUBSCRIPTIONS.aliceCanceled,
] as const;

export const UNKNOWN_SUBSCRIPTION = "sub_nobody";
export const UNKNOWN_INVOICE = "in_nobody";

export const ALICE_BILLING_ADDRESS: Address = {
  firstName: "Alice",
  lastName: "Ames",
  line1: "1 Main Street",
  city: "Springfield",
  postalCode: "12345",
  country: "US",
};

const DAY = 86_400_000;

export interface ConformanceWorldOptions {
  /** Invoice statuses the vendor has; invoices are seeded only in these. */
  invoiceStatuses: readonly InvoiceStatus[];
  /** The clock the subscription periods hang on; default now. */
  now?: number;
}

/** Cycles through the statuses the vendor has, in a fixed order, `paid` first. */
function statusCycle(statuses: readonly InvoiceStatus[]): (index: number) => InvoiceStatus {
  const order = (["paid", "open", "void", "uncollectible", "draft", "pending"] as const).filter((s) =>
    statuses.includes(s),
  );
  if (order.length === 0) throw new Error("invoiceStatuses must name at least one status");
  return (index) => order[index % order.length]!;
}

function seconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

function subscription(
  id: string,
  customerId: string,
  status: WorldSubscription["status"],
  now: number,
  extra: Partial<WorldSubscription> = {},
): WorldSubscription {
  const periodStart = now - 10 * DAY;
  const periodEnd = status === "canceled" ? now - 5 * DAY : now + 20 * DAY;
  const world: WorldSubscription = {
    id,
    customerId,
    status,
    priceId: "price_standard_monthly",
    quantity: 1,
    unitAmount: 2_500,
    currency: "USD",
    createdAt: seconds(now - 100 * DAY),
    currentPeriodStart: seconds(periodStart),
    currentPeriodEnd: seconds(periodEnd),
    ...extra,
  };
  if (status === "cancel_scheduled") world.cancelAt = world.currentPeriodEnd;
  if (status === "canceled") world.canceledAt = world.currentPeriodEnd;
  return world;
}

/**
 * Deterministic shuffle, so that a simulator which answers in insertion order cannot pass
 * "newest first" by accident.
 */
export function scramble<T>(items: readonly T[]): T[] {
  const out = [...items];
  let state = 0x2545f491;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The world most scenarios run on: Alice with five subscriptions (active, a second active
 * one, trialing, ending at period end, canceled) and invoices in every status the vendor
 * has, some in another currency and some without a subscription; Bob with one subscription
 * and invoices of his own. Issue dates are all distinct.
 */
export function conformanceWorld(options: ConformanceWorldOptions): World {
  const now = options.now ?? Date.now();
  const status = statusCycle(options.invoiceStatuses);
  const invoices: WorldInvoice[] = [
    ...invoiceSeries({
      customerId: ALICE,
      subscriptionId: SUBSCRIPTIONS.aliceMain,
      prefix: "in_alice_main_",
      count: 12,
      status,
      total: (i) => 2_500 + i * 101,
      newest: "2026-10-01T00:00:00Z",
    }),
    ...invoiceSeries({
      customerId: ALICE,
      subscriptionId: SUBSCRIPTIONS.aliceAddon,
      prefix: "in_alice_addon_",
      count: 6,
      status: (i) => status(i + 1),
      total: (i) => 799 + i,
      newest: "2026-10-01T06:00:00Z",
    }),
    ...invoiceSeries({
      customerId: ALICE,
      prefix: "in_alice_oneoff_",
      count: 4,
      status,
      total: (i) => 12_345 + i,
      currency: "EUR",
      newest: "2026-10-01T12:00:00Z",
    }),
    ...invoiceSeries({
      customerId: BOB,
      subscriptionId: SUBSCRIPTIONS.bobMain,
      prefix: "in_bob_main_",
      count: 8,
      status,
      newest: "2026-10-01T18:00:00Z",
    }),
  ];
  return {
    customers: [
      {
        id: ALICE,
        email: "alice@example.com",
        firstName: "Alice",
        lastName: "Ames",
        billingAddress: ALICE_BILLING_ADDRESS,
        hasPaymentMethod: true,
        card: { brand: "mastercard", last4: "4444", expMonth: 8, expYear: 2031 },
      },
      { id: BOB, email: "bob@example.com", firstName: "Bob", lastName: "Bell", hasPaymentMethod: true },
    ],
    // Created on distinct days, so that "newest first" has one right answer: the order of
    // ALICE_SUBSCRIPTIONS_NEWEST_FIRST.
    subscriptions: scramble([
      subscription(SUBSCRIPTIONS.aliceMain, ALICE, "active", now, { quantity: 3, createdAt: seconds(now - 140 * DAY) }),
      subscription(SUBSCRIPTIONS.aliceAddon, ALICE, "active", now, {
        priceId: "price_addon_monthly",
        unitAmount: 799,
        createdAt: seconds(now - 60 * DAY),
      }),
      subscription(SUBSCRIPTIONS.aliceTrial, ALICE, "trialing", now, { createdAt: seconds(now - 10 * DAY) }),
      subscription(SUBSCRIPTIONS.aliceScheduled, ALICE, "cancel_scheduled", now, {
        createdAt: seconds(now - 90 * DAY),
      }),
      subscription(SUBSCRIPTIONS.aliceCanceled, ALICE, "canceled", now, { createdAt: seconds(now - 200 * DAY) }),
      subscription(SUBSCRIPTIONS.bobMain, BOB, "active", now, { createdAt: seconds(now - 30 * DAY) }),
    ]),
    invoices: scramble(invoices),
  };
}

export interface InvoiceWorldOptions extends ConformanceWorldOptions {
  /** How many invoices Alice has (Bob always has a few of his own). */
  count: number;
}

/** The conformance world with Alice's invoices replaced by `count` paid ones, for paging. */
export function invoiceWorld(options: InvoiceWorldOptions): World {
  const world = conformanceWorld(options);
  const alice = invoiceSeries({
    customerId: ALICE,
    subscriptionId: SUBSCRIPTIONS.aliceMain,
    prefix: "in_alice_",
    count: options.count,
    newest: "2026-10-01T03:00:00Z",
  });
  const bob = world.invoices.filter((invoice) => invoice.customerId === BOB);
  return { ...world, invoices: scramble([...alice, ...bob]) };
}

/** Two customers, one subscription and a few invoices each: a small world for handler and page tests. */
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

export interface SubscriptionWorldOptions extends ConformanceWorldOptions {
  /** How many subscriptions Alice has (Bob keeps his one). */
  count: number;
}

/** The conformance world with Alice's subscriptions replaced by `count` active ones, for paging. */
export function subscriptionWorld(options: SubscriptionWorldOptions): World {
  const world = conformanceWorld(options);
  const now = options.now ?? Date.now();
  const alice = Array.from({ length: options.count }, (_, i) =>
    subscription(`sub_alice_${String(i).padStart(4, "0")}`, ALICE, "active", now, {
      createdAt: seconds(now - (i + 1) * DAY),
    }),
  );
  const bob = world.subscriptions.filter((s) => s.customerId === BOB);
  return { ...world, subscriptions: scramble([...alice, ...bob]), invoices: [] };
}
