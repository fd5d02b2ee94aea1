import type { Transaction, TransactionStatus } from "@paddle/paddle-node-sdk";
import { type Invoice, type InvoiceStatus, unixToIso } from "@portalkit/core";
import { minorUnits, toIso } from "./wire-values";

/** The Paddle statuses behind each portable status (Paddle has no `uncollectible` or `pending`). */
export const PADDLE_TRANSACTION_STATUSES: Readonly<Partial<Record<InvoiceStatus, readonly TransactionStatus[]>>> = {
  draft: ["draft", "ready"],
  open: ["billed", "past_due"],
  paid: ["paid", "completed"],
  void: ["canceled"],
};

/** Paddle transaction statuses as portable invoice statuses: the same table, read the other way. */
export const TRANSACTION_STATUSES: Readonly<Record<string, InvoiceStatus>> = Object.fromEntries(
  Object.entries(PADDLE_TRANSACTION_STATUSES).flatMap(([portable, paddle]) =>
    paddle.map((status) => [status, portable as InvoiceStatus]),
  ),
);

/**
 * A transaction as an invoice. The total is Paddle's `details.totals.total`, what is due its
 * `balance`, and what was paid the sum of the captured payment attempts.
 */
export function normalizeInvoice(transaction: Transaction, provider: string): Invoice {
  const currency = transaction.currencyCode.toUpperCase();
  const totals = transaction.details?.totals;
  let paid = 0;
  let paidAt: string | undefined;
  for (const payment of transaction.payments ?? []) {
    if (payment.status !== "captured") continue;
    paid += minorUnits(payment.amount);
    paidAt ??= toIso(payment.capturedAt ?? payment.createdAt);
  }
  const out: Invoice = {
    id: transaction.id,
    provider,
    customerId: transaction.customerId ?? "",
    status: TRANSACTION_STATUSES[transaction.status] ?? "draft",
    total: { amount: minorUnits(totals?.total), currency },
    amountDue: { amount: minorUnits(totals?.balance), currency },
    amountPaid: { amount: paid, currency },
    issuedAt: toIso(transaction.billedAt ?? transaction.createdAt) ?? new Date(0).toISOString(),
    raw: { ...transaction },
  };
  if (transaction.subscriptionId) out.subscriptionId = transaction.subscriptionId;
  if (transaction.invoiceNumber) out.number = transaction.invoiceNumber;
  if (paidAt !== undefined) out.paidAt = paidAt;
  const dueAt = dueDate(out.issuedAt, transaction.billingDetails?.paymentTerms);
  if (dueAt !== undefined) out.dueAt = dueAt;
  return out;
}

/** The due date Paddle's payment terms give, counted from the billing date. */
function dueDate(issuedAt: string, terms: { interval: string; frequency: number } | undefined): string | undefined {
  if (!terms) return undefined;
  const days = terms.interval === "day" ? terms.frequency : terms.interval === "week" ? 7 * terms.frequency : undefined;
  if (days !== undefined && Number.isInteger(days)) return addDays(issuedAt, days);
  const due = new Date(issuedAt);
  if (terms.interval === "day") due.setUTCDate(due.getUTCDate() + terms.frequency);
  else if (terms.interval === "week") due.setUTCDate(due.getUTCDate() + 7 * terms.frequency);
  else if (terms.interval === "month") due.setUTCMonth(due.getUTCMonth() + terms.frequency);
  else if (terms.interval === "year") due.setUTCFullYear(due.getUTCFullYear() + terms.frequency);
  else return undefined;
  return due.toISOString();
}

// Years 0001 to 9999, which unixToIso writes from its cached days.
const FIRST_SECOND = -62_135_596_800;
const LAST_SECOND = 253_402_300_799;

/**
 * `issuedAt` plus whole days, as setUTCDate counts them (every UTC day is 86 400 s long):
 * the whole seconds written by unixToIso, which caches the day strings a walk meets again
 * and again, and the milliseconds put back.
 */
function addDays(issuedAt: string, days: number): string {
  const ms = Date.parse(issuedAt) + days * 86_400_000;
  const seconds = Math.floor(ms / 1000);
  if (!(seconds >= FIRST_SECOND && seconds <= LAST_SECOND)) return new Date(ms).toISOString();
  return `${unixToIso(seconds).slice(0, 20)}${String(ms - seconds * 1000).padStart(3, "0")}Z`;
}
