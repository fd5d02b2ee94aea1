import type { InvoiceStatus, SubscriptionStatus } from "@portalkit/core";
import type { Invoice, Subscription } from "chargebee";

export type ChargebeeInvoiceStatus = Invoice["status"];
export type ChargebeeSubscriptionStatus = Subscription["status"];

export const INVOICE_STATUS_MAP: Readonly<Record<ChargebeeInvoiceStatus, InvoiceStatus>> = {
  paid: "paid",
  posted: "open",
  payment_due: "open",
  not_paid: "uncollectible",
  voided: "void",
  pending: "pending",
};

/** The Chargebee statuses a portable invoice status stands for (`draft` has none). */
export const VENDOR_INVOICE_STATUSES: Readonly<Record<InvoiceStatus, readonly ChargebeeInvoiceStatus[]>> = {
  draft: [],
  open: ["posted", "payment_due"],
  paid: ["paid"],
  void: ["voided"],
  uncollectible: ["not_paid"],
  pending: ["pending"],
};

/**
 * `future` (starts at a later date, nothing to use yet) becomes `incomplete`;
 * `transferred` (moved to another customer) ends it for this customer, so `canceled`.
 * An `active` subscription with unpaid invoices is `past_due`.
 */
export function subscriptionStatus(status: ChargebeeSubscriptionStatus, dueInvoices = 0): SubscriptionStatus {
  switch (status) {
    case "future":
      return "incomplete";
    case "in_trial":
      return "trialing";
    case "active":
      return dueInvoices > 0 ? "past_due" : "active";
    case "non_renewing":
      return "cancel_scheduled";
    case "paused":
      return "paused";
    case "cancelled":
    case "transferred":
      return "canceled";
  }
}

/** The Chargebee statuses a portable subscription status stands for (`past_due` is `active` with invoices due). */
export const VENDOR_SUBSCRIPTION_STATUSES: Readonly<
  Record<SubscriptionStatus, readonly ChargebeeSubscriptionStatus[]>
> = {
  trialing: ["in_trial"],
  active: ["active"],
  past_due: ["active"],
  paused: ["paused"],
  cancel_scheduled: ["non_renewing"],
  canceled: ["cancelled", "transferred"],
  incomplete: ["future"],
};
