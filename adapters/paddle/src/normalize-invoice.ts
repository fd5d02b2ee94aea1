import type { Transaction } from "@paddle/paddle-node-sdk";
import type { Invoice, InvoiceStatus } from "@portalkit/core";
import { minorUnits, toIso, toRaw } from "./wire-values";

/** Paddle transaction statuses as portable invoice statuses. */
export const TRANSACTION_STATUSES: Readonly<Record<string, InvoiceStatus>> = {
  draft: "draft",
  ready: "draft",
  billed: "open",
  past_due: "open",
  paid: "paid",
  completed: "paid",
  canceled: "void",
};

/** The Paddle statuses behind each portable status (Paddle has no `uncollectible` or `pending`). */
export const PADDLE_TRANSACTION_STATUSES: Readonly<Partial<Record<InvoiceStatus, readonly string[]>>> = {
  draft: ["draft", "ready"],
  open: ["billed", "past_due"],
  paid: ["paid", "completed"],
  void: ["canceled"],
};

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
    raw: toRaw(transaction),
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
  const due = new Date(issuedAt);
  if (terms.interval === "day") due.setUTCDate(due.getUTCDate() + terms.frequency);
  else if (terms.interval === "week") due.setUTCDate(due.getUTCDate() + 7 * terms.frequency);
  else if (terms.interval === "month") due.setUTCMonth(due.getUTCMonth() + terms.frequency);
  else if (terms.interval === "year") due.setUTCFullYear(due.getUTCFullYear() + terms.frequency);
  else return undefined;
  return due.toISOString();
}
