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

/**
 * `issuedAt` plus whole days, as setUTCDate counts them. Every UTC day is 86 400 s long, so
 * the time of day stays as written and only the date moves: the day number is counted from
 * the date's digits and written back from a cache of the dates a walk meets again and
 * again. `issuedAt` is what toIso or toISOString wrote; a date before 0000 or after 9999,
 * given or reached, is left to Date.
 */
function addDays(issuedAt: string, days: number): string {
  // 24 characters is the four-digit year form; toISOString writes a signed year with 27.
  if (issuedAt.length === 24) {
    const year = fourDigits(issuedAt, 0);
    const day = daysFromCivil(year, twoDigits(issuedAt, 5), twoDigits(issuedAt, 8)) + days;
    if (day >= FIRST_DAY && day <= LAST_DAY) return datePrefix(day) + issuedAt.slice(10);
  }
  return new Date(Date.parse(issuedAt) + days * 86_400_000).toISOString();
}

// 0000-01-01 and 9999-12-31, the days toISOString writes with a four-digit year.
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;

function fourDigits(iso: string, at: number): number {
  return twoDigits(iso, at) * 100 + twoDigits(iso, at + 2);
}

function twoDigits(iso: string, at: number): number {
  return (iso.charCodeAt(at) - 48) * 10 + iso.charCodeAt(at + 1) - 48;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const DATE_PREFIXES = new Map<number, string>();
const MAX_CACHED_DATES = 4096;

/** `YYYY-MM-DD` of a day number in 0000..9999, cached (unixToIso writes them the same way). */
function datePrefix(day: number): string {
  let prefix = DATE_PREFIXES.get(day);
  if (prefix === undefined) {
    prefix = unixToIso(day * 86_400).slice(0, 10);
    if (DATE_PREFIXES.size >= MAX_CACHED_DATES) DATE_PREFIXES.clear();
    DATE_PREFIXES.set(day, prefix);
  }
  return prefix;
}
