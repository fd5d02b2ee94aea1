import type { Address, InvoiceStatus } from "../schemas";

/**
 * One provider-neutral description of billing data. Each simulator seeds itself from a
 * World in its own vendor's wire format, so the same fixture drives every adapter.
 * Timestamps are ISO-8601 UTC strings; money is integer minor units in `currency`.
 */
export interface World {
  customers: WorldCustomer[];
  subscriptions: WorldSubscription[];
  invoices: WorldInvoice[];
}

export interface WorldCustomer {
  id: string;
  email: string;
  firstName?: string;
  lastName?: string;
  billingAddress?: Address;
  shippingAddress?: Address;
  /** Whether the customer has a card on file. */
  hasPaymentMethod?: boolean;
  /** The card on file; a customer with `hasPaymentMethod` and no card gets DEFAULT_WORLD_CARD. */
  card?: WorldCard;
}

/** A card on file, as every vendor summarizes it. */
export interface WorldCard {
  /** Lower case: `visa`, `mastercard`, `amex`. */
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export const DEFAULT_WORLD_CARD: Readonly<WorldCard> = Object.freeze({
  brand: "visa",
  last4: "4242",
  expMonth: 12,
  expYear: 2030,
});

/** The card a simulator seeds for a world customer, or undefined when it has none. */
export function worldCard(customer: WorldCustomer): WorldCard | undefined {
  if (customer.card) return customer.card;
  return customer.hasPaymentMethod ? { ...DEFAULT_WORLD_CARD } : undefined;
}

/** Statuses every vendor can represent. */
export type WorldSubscriptionStatus = "active" | "trialing" | "cancel_scheduled" | "canceled";

export interface WorldSubscription {
  id: string;
  customerId: string;
  status: WorldSubscriptionStatus;
  priceId: string;
  quantity: number;
  /** Unit price in minor units. */
  unitAmount: number;
  currency: string;
  createdAt: string;
  currentPeriodStart: string;
  currentPeriodEnd: string;
  /** For `cancel_scheduled`: when it ends (the period end). */
  cancelAt?: string;
  /** For `canceled`: when it ended. */
  canceledAt?: string;
  shippingAddress?: Address;
}

export interface WorldInvoice {
  id: string;
  customerId: string;
  subscriptionId?: string;
  number: string;
  /** `pending` exists only where the vendor has it (Chargebee), `draft` only on Stripe. */
  status: InvoiceStatus;
  total: number;
  amountPaid: number;
  amountDue: number;
  currency: string;
  issuedAt: string;
  dueAt?: string;
  paidAt?: string;
}

/**
 * A subscription for a test world: active, one seat of `price_basic` at 15.00 a month in
 * `usd`, created 2026-01-01 and in its November 2026 period. The fields given replace those.
 */
export function worldSubscription(
  fields: Pick<WorldSubscription, "id" | "customerId"> & Partial<WorldSubscription>,
): WorldSubscription {
  return {
    status: "active",
    priceId: "price_basic",
    quantity: 1,
    unitAmount: 1500,
    currency: "usd",
    createdAt: "2026-01-01T00:00:00Z",
    currentPeriodStart: "2026-11-01T00:00:00Z",
    currentPeriodEnd: "2026-12-01T00:00:00Z",
    ...fields,
  };
}

export function emptyWorld(): World {
  return { customers: [], subscriptions: [], invoices: [] };
}

export interface InvoiceSeriesOptions {
  customerId: string;
  subscriptionId?: string;
  count: number;
  /** Prefix for ids and numbers; default `in_${customerId}_`. */
  prefix?: string;
  /** Issue date of the newest invoice; earlier ones go back one day each. */
  newest?: string;
  /** Status of invoice i; default: all paid. */
  status?: (index: number) => InvoiceStatus;
  /** Total of invoice i in minor units; default 1000 + i. */
  total?: (index: number) => number;
  currency?: string;
}

/**
 * A run of invoices for one customer, newest first, with distinct issue dates so that
 * "newest first" has one right answer.
 */
export function invoiceSeries(options: InvoiceSeriesOptions): WorldInvoice[] {
  const prefix = options.prefix ?? `in_${options.customerId}_`;
  const newest = Date.parse(options.newest ?? "2026-10-01T00:00:00Z");
  const invoices: WorldInvoice[] = [];
  for (let i = 0; i < options.count; i++) {
    const status = options.status?.(i) ?? "paid";
    const total = options.total?.(i) ?? 1000 + i;
    const issued = new Date(newest - i * 86_400_000);
    const paid = status === "paid";
    const invoice: WorldInvoice = {
      id: `${prefix}${String(i).padStart(6, "0")}`,
      customerId: options.customerId,
      number: `${prefix.toUpperCase()}${String(i + 1).padStart(6, "0")}`,
      status,
      total,
      amountPaid: paid ? total : 0,
      amountDue: paid || status === "void" ? 0 : total,
      currency: options.currency ?? "USD",
      issuedAt: issued.toISOString(),
      dueAt: new Date(issued.getTime() + 14 * 86_400_000).toISOString(),
    };
    if (options.subscriptionId !== undefined) invoice.subscriptionId = options.subscriptionId;
    if (paid) invoice.paidAt = new Date(issued.getTime() + 3_600_000).toISOString();
    invoices.push(invoice);
  }
  return invoices;
}
