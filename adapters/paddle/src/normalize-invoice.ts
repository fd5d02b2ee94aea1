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
  return out;
}
