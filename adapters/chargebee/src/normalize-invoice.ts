import { type Invoice as PortalInvoice, unixToIso } from "@portalkit/core";
import type { Invoice } from "chargebee";
import { CHARGEBEE_PROVIDER_ID } from "./provider-id";
import { INVOICE_STATUS_MAP } from "./status-map";

/** Chargebee has no separate invoice number: the invoice id is the number printed on it. */
export function normalizeInvoice(invoice: Invoice): PortalInvoice {
  const currency = invoice.currency_code.toUpperCase();
  const money = (amount: number | undefined) => ({ amount: amount ?? 0, currency });
  const issued = invoice.date ?? invoice.generated_at ?? invoice.updated_at ?? 0;
  const out: PortalInvoice = {
    id: invoice.id,
    provider: CHARGEBEE_PROVIDER_ID,
    customerId: invoice.customer_id,
    number: invoice.id,
    status: INVOICE_STATUS_MAP[invoice.status],
    total: money(invoice.total),
    amountDue: money(invoice.amount_due),
    amountPaid: money(invoice.amount_paid),
    issuedAt: unixToIso(issued),
    raw: invoice,
  };
  if (invoice.subscription_id) out.subscriptionId = invoice.subscription_id;
  const dueAt = unixToIso(invoice.due_date);
  if (dueAt) out.dueAt = dueAt;
  const paidAt = unixToIso(invoice.paid_at);
  if (paidAt) out.paidAt = paidAt;
  return out;
}
