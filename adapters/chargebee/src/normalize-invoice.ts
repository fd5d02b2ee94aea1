import type { Invoice as PortalInvoice } from "@portalkit/core";
import { unixToIso } from "@portalkit/core/adapter";
import type { Invoice } from "chargebee";
import { CHARGEBEE_PROVIDER_ID } from "./provider-id";
import { INVOICE_STATUS_MAP } from "./status-map";

/** Chargebee has no separate invoice number: the invoice id is the number printed on it. */
export function normalizeInvoice(invoice: Invoice): PortalInvoice {
  const currency = invoice.currency_code.toUpperCase();
  const issued = invoice.date ?? invoice.generated_at ?? invoice.updated_at ?? 0;
  const issuedAt = unixToIso(issued);
  const out: PortalInvoice = {
    id: invoice.id,
    provider: CHARGEBEE_PROVIDER_ID,
    customerId: invoice.customer_id,
    number: invoice.id,
    status: INVOICE_STATUS_MAP[invoice.status],
    total: { amount: invoice.total ?? 0, currency },
    amountDue: { amount: invoice.amount_due ?? 0, currency },
    amountPaid: { amount: invoice.amount_paid ?? 0, currency },
    issuedAt,
    raw: invoice,
  };
  if (invoice.subscription_id) out.subscriptionId = invoice.subscription_id;
  const dueAt = unixToIso(invoice.due_date);
  if (dueAt) out.dueAt = dueAt;
  // An invoice paid when it was issued (a renewal charged at once) needs no second date written.
  const paidAt = invoice.paid_at === issued ? issuedAt : unixToIso(invoice.paid_at);
  if (paidAt) out.paidAt = paidAt;
  return out;
}
