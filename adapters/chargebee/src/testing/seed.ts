import { isoToUnix } from "@portalkit/core";
import { type WorldCustomer, type WorldInvoice, type WorldSubscription, worldCard } from "@portalkit/core/testing";
import type { Card } from "chargebee";
import { toChargebeeAddress } from "../address";
import type { WireCard, WireCustomer, WireInvoice, WireSubscription } from "./wire";

// World → Chargebee wire objects. World statuses map to Chargebee's own:
// cancel_scheduled = non_renewing, canceled = cancelled, open = payment_due;
// Chargebee has no draft invoices.

export function wireCustomer(customer: WorldCustomer, nowSec: number): WireCustomer {
  const wire: WireCustomer = {
    object: "customer",
    id: customer.id,
    email: customer.email,
    auto_collection: "on",
    net_term_days: 0,
    allow_direct_debit: false,
    created_at: nowSec,
    updated_at: nowSec,
    resource_version: nowSec * 1000,
    taxability: "taxable",
    pii_cleared: "active",
    channel: "web",
    card_status: customer.hasPaymentMethod ? "valid" : "no_card",
    promotional_credits: 0,
    unbilled_charges: 0,
    refundable_credits: 0,
    excess_payments: 0,
    deleted: false,
  };
  if (customer.firstName) wire.first_name = customer.firstName;
  if (customer.lastName) wire.last_name = customer.lastName;
  if (customer.billingAddress) wire.billing_address = toChargebeeAddress(customer.billingAddress);
  const card = worldCard(customer);
  if (card) {
    wire.card_status = "valid";
    wire.primary_payment_source_id = `pm_${customer.id}`;
    wire.payment_method = {
      type: "card",
      gateway: "chargebee",
      status: "valid",
      reference_id: `tok_${customer.id}`,
    };
  }
  return wire;
}

const CARD_TYPES: Readonly<Record<string, NonNullable<Card["card_type"]>>> = {
  visa: "visa",
  mastercard: "mastercard",
  amex: "american_express",
  american_express: "american_express",
  discover: "discover",
  jcb: "jcb",
  diners: "diners_club",
};

/** The customer's primary card as Chargebee keeps it, or undefined when the world gives none. */
export function wireCard(customer: WorldCustomer, nowSec: number): WireCard | undefined {
  const card = worldCard(customer);
  if (!card) return undefined;
  return {
    object: "card",
    payment_source_id: `pm_${customer.id}`,
    status: "valid",
    gateway: "chargebee",
    iin: "411111",
    last4: card.last4,
    card_type: CARD_TYPES[card.brand] ?? "other",
    funding_type: "credit",
    expiry_month: card.expMonth,
    expiry_year: card.expYear,
    masked_number: `************${card.last4}`,
    customer_id: customer.id,
    created_at: nowSec,
    updated_at: nowSec,
    resource_version: nowSec * 1000,
  };
}

export function wireSubscription(
  subscription: WorldSubscription,
  customer: WorldCustomer | undefined,
  nowSec: number,
): WireSubscription {
  const start = isoToUnix(subscription.currentPeriodStart);
  const end = isoToUnix(subscription.currentPeriodEnd);
  const amount = subscription.unitAmount * subscription.quantity;
  const wire: WireSubscription = {
    object: "subscription",
    id: subscription.id,
    customer_id: subscription.customerId,
    currency_code: subscription.currency.toUpperCase(),
    status: "active",
    billing_period: 1,
    billing_period_unit: "month",
    current_term_start: start,
    current_term_end: end,
    created_at: isoToUnix(subscription.createdAt),
    started_at: isoToUnix(subscription.createdAt),
    updated_at: nowSec,
    resource_version: nowSec * 1000,
    auto_collection: "on",
    channel: "web",
    due_invoices_count: 0,
    mrr: amount,
    has_scheduled_advance_invoices: false,
    has_scheduled_changes: false,
    deleted: false,
    decommissioned: false,
    subscription_items: [
      {
        item_price_id: subscription.priceId,
        item_type: "plan",
        quantity: subscription.quantity,
        unit_price: subscription.unitAmount,
        amount,
        free_quantity: 0,
      },
    ],
  };
  switch (subscription.status) {
    case "active":
      wire.activated_at = wire.started_at;
      wire.next_billing_at = end;
      break;
    case "trialing":
      wire.status = "in_trial";
      wire.trial_start = start;
      wire.trial_end = end;
      wire.next_billing_at = end;
      break;
    case "cancel_scheduled":
      wire.status = "non_renewing";
      wire.activated_at = wire.started_at;
      wire.cancelled_at = subscription.cancelAt ? isoToUnix(subscription.cancelAt) : end;
      wire.cancel_schedule_created_at = nowSec;
      break;
    case "canceled":
      wire.status = "cancelled";
      wire.activated_at = wire.started_at;
      wire.cancelled_at = subscription.canceledAt ? isoToUnix(subscription.canceledAt) : end;
      break;
  }
  // Chargebee keeps shipping addresses on subscriptions; a customer-level one applies to each.
  const shipping = subscription.shippingAddress ?? customer?.shippingAddress;
  if (shipping) wire.shipping_address = toChargebeeAddress(shipping);
  return wire;
}

const WIRE_INVOICE_STATUS = {
  paid: "paid",
  open: "payment_due",
  void: "voided",
  uncollectible: "not_paid",
  pending: "pending",
} as const satisfies Partial<Record<WorldInvoice["status"], WireInvoice["status"]>>;

export function wireInvoice(invoice: WorldInvoice, nowSec: number): WireInvoice {
  if (invoice.status === "draft") {
    throw new Error(`Chargebee has no draft invoices (invoice ${invoice.id}); leave drafts out of the world`);
  }
  const date = isoToUnix(invoice.issuedAt);
  const wire: WireInvoice = {
    object: "invoice",
    id: invoice.id,
    customer_id: invoice.customerId,
    recurring: invoice.subscriptionId !== undefined,
    status: WIRE_INVOICE_STATUS[invoice.status],
    date,
    generated_at: date,
    price_type: "tax_exclusive",
    exchange_rate: 1,
    currency_code: invoice.currency.toUpperCase(),
    base_currency_code: invoice.currency.toUpperCase(),
    tax: 0,
    sub_total: invoice.total,
    total: invoice.total,
    amount_due: invoice.amountDue,
    amount_paid: invoice.amountPaid,
    amount_adjusted: 0,
    write_off_amount: invoice.status === "uncollectible" ? invoice.amountDue : 0,
    credits_applied: 0,
    round_off_amount: 0,
    first_invoice: false,
    has_advance_charges: false,
    term_finalized: invoice.status !== "pending",
    is_gifted: false,
    updated_at: nowSec,
    resource_version: nowSec * 1000,
    deleted: false,
  };
  if (invoice.subscriptionId !== undefined) wire.subscription_id = invoice.subscriptionId;
  if (invoice.dueAt) {
    wire.due_date = isoToUnix(invoice.dueAt);
    wire.net_term_days = Math.max(0, Math.round((wire.due_date - date) / 86_400));
  }
  if (invoice.paidAt) wire.paid_at = isoToUnix(invoice.paidAt);
  if (invoice.status === "void") wire.voided_at = date;
  if (invoice.status === "open") wire.dunning_status = "in_progress";
  return wire;
}
