import type { Invoice, InvoiceStatus } from "@portalkit/core";
import { isHttpUrl, unixToIso } from "@portalkit/core/adapter";
import type Stripe from "stripe";
import { idOf, toRaw } from "./raw";

const STATUSES: Record<string, InvoiceStatus> = {
  draft: "draft",
  open: "open",
  paid: "paid",
  void: "void",
  uncollectible: "uncollectible",
};

function url(value: string | null | undefined): string | undefined {
  return isHttpUrl(value) ? value : undefined;
}

/** The subscription an invoice bills; in this API version it lives at `parent.subscription_details`. */
export function invoiceSubscriptionId(invoice: Stripe.Invoice): string | undefined {
  return idOf(invoice.parent?.subscription_details?.subscription);
}

/**
 * `raw` defaults to the invoice as plain JSON; a caller holding Stripe's wire JSON already
 * (a list read with `rawRequest`) passes it, and it is kept as it is.
 */
export function normalizeInvoice(
  invoice: Stripe.Invoice,
  provider: string,
  raw: Record<string, unknown> = toRaw(invoice),
): Invoice {
  const currency = invoice.currency.toUpperCase();
  const out: Invoice = {
    id: invoice.id,
    provider,
    customerId: idOf(invoice.customer) ?? "",
    // A null status appears only on invoices still being created: treat them as drafts.
    status: STATUSES[invoice.status ?? "draft"] ?? "draft",
    total: { amount: invoice.total, currency },
    amountDue: { amount: invoice.amount_due, currency },
    amountPaid: { amount: invoice.amount_paid, currency },
    issuedAt: unixToIso(invoice.effective_at ?? invoice.created),
    raw,
  };
  const subscriptionId = invoiceSubscriptionId(invoice);
  if (subscriptionId !== undefined) out.subscriptionId = subscriptionId;
  if (invoice.number) out.number = invoice.number;
  const dueAt = unixToIso(invoice.due_date);
  if (dueAt !== undefined) out.dueAt = dueAt;
  const paidAt = unixToIso(invoice.status_transitions?.paid_at);
  if (paidAt !== undefined) out.paidAt = paidAt;
  const hostedUrl = url(invoice.hosted_invoice_url);
  if (hostedUrl !== undefined) out.hostedUrl = hostedUrl;
  const pdfUrl = url(invoice.invoice_pdf);
  if (pdfUrl !== undefined) out.pdfUrl = pdfUrl;
  return out;
}
