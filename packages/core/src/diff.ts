import type { Invoice, Subscription } from "./schemas";

/** One normalized difference between what two providers say about the same customer. */
export type PortalDiff =
  | { kind: "invoice_missing"; side: "left" | "right"; key: string; invoice: Invoice }
  | { kind: "invoice_amount"; key: string; field: "total" | "amountDue" | "amountPaid"; left: string; right: string }
  | { kind: "invoice_status"; key: string; left: Invoice["status"]; right: Invoice["status"] }
  | { kind: "subscription_missing"; side: "left" | "right"; key: string }
  | { kind: "subscription_status"; key: string; left: Subscription["status"]; right: Subscription["status"] }
  | { kind: "subscription_cancel_at"; key: string; left?: string; right?: string };

export interface InvoiceDiffOptions {
  /**
   * How an invoice is recognised on both sides. Ids differ between vendors after a
   * migration; the invoice number usually survives it. Default: number, else id.
   */
  key?: (invoice: Invoice) => string;
  /** Report invoices present on one side only. Default true for both sides. */
  missing?: { left?: boolean; right?: boolean };
}

export const defaultInvoiceKey = (invoice: Invoice): string => invoice.number ?? invoice.id;

const formatMoney = (money: Invoice["total"]) => `${money.amount} ${money.currency}`;

/** Compares two lists of one customer's invoices (left = source of truth). */
export function diffInvoices(
  left: Iterable<Invoice>,
  right: Iterable<Invoice>,
  options: InvoiceDiffOptions = {},
): PortalDiff[] {
  const key = options.key ?? defaultInvoiceKey;
  const rightByKey = new Map<string, Invoice>();
  for (const invoice of right) rightByKey.set(key(invoice), invoice);
  const diffs: PortalDiff[] = [];
  const seen = new Set<string>();
  for (const a of left) {
    const k = key(a);
    seen.add(k);
    const b = rightByKey.get(k);
    if (!b) {
      if (options.missing?.right !== false) diffs.push({ kind: "invoice_missing", side: "right", key: k, invoice: a });
      continue;
    }
    for (const field of ["total", "amountDue", "amountPaid"] as const) {
      if (a[field].amount !== b[field].amount || a[field].currency !== b[field].currency) {
        diffs.push({
          kind: "invoice_amount",
          key: k,
          field,
          left: formatMoney(a[field]),
          right: formatMoney(b[field]),
        });
      }
    }
    if (a.status !== b.status) diffs.push({ kind: "invoice_status", key: k, left: a.status, right: b.status });
  }
  if (options.missing?.left !== false) {
    for (const [k, b] of rightByKey) {
      if (!seen.has(k)) diffs.push({ kind: "invoice_missing", side: "left", key: k, invoice: b });
    }
  }
  return diffs;
}

/** Compares one subscription as two providers see it. */
export function diffSubscriptions(
  key: string,
  left: Subscription | undefined,
  right: Subscription | undefined,
): PortalDiff[] {
  if (!left && !right) return [];
  if (!left) return [{ kind: "subscription_missing", side: "left", key }];
  if (!right) return [{ kind: "subscription_missing", side: "right", key }];
  const diffs: PortalDiff[] = [];
  if (left.status !== right.status)
    diffs.push({ kind: "subscription_status", key, left: left.status, right: right.status });
  // Vendors round period ends differently; a cancellation date is the same if it falls on the same day.
  if (left.cancelAt?.slice(0, 10) !== right.cancelAt?.slice(0, 10)) {
    const diff: PortalDiff = { kind: "subscription_cancel_at", key };
    if (left.cancelAt) diff.left = left.cancelAt;
    if (right.cancelAt) diff.right = right.cancelAt;
    diffs.push(diff);
  }
  return diffs;
}

/** One line a difference, for logs and the command line. */
export function describeDiff(diff: PortalDiff): string {
  switch (diff.kind) {
    case "invoice_missing":
      return `invoice ${diff.key} missing on the ${diff.side}`;
    case "invoice_amount":
      return `invoice ${diff.key} ${diff.field}: ${diff.left} ≠ ${diff.right}`;
    case "invoice_status":
      return `invoice ${diff.key} status: ${diff.left} ≠ ${diff.right}`;
    case "subscription_missing":
      return `subscription ${diff.key} missing on the ${diff.side}`;
    case "subscription_status":
      return `subscription ${diff.key} status: ${diff.left} ≠ ${diff.right}`;
    case "subscription_cancel_at":
      return `subscription ${diff.key} cancelAt: ${diff.left ?? "none"} ≠ ${diff.right ?? "none"}`;
  }
}
