import type { Address } from "@portalkit/core";
import { type WorldCustomer, type WorldInvoice, type WorldSubscription, worldCard } from "@portalkit/core/testing";
import type Stripe from "stripe";
import { customerFixture, invoiceFixture, paymentMethodFixture, subscriptionFixture } from "./fixtures";

const ACCOUNT = "acct_1PortalkitSim";

function unix(iso: string): number;
function unix(iso: string | undefined): number | null;
function unix(iso: string | undefined): number | null {
  return iso === undefined ? null : Math.floor(Date.parse(iso) / 1000);
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function stripeAddress(address: Address | undefined): Stripe.Address | null {
  if (!address) return null;
  return {
    line1: address.line1 ?? null,
    line2: address.line2 ?? null,
    city: address.city ?? null,
    state: address.state ?? null,
    postal_code: address.postalCode ?? null,
    country: address.country ?? null,
  };
}

function personName(first: string | undefined, last: string | undefined): string | null {
  const name = [first, last].filter(Boolean).join(" ");
  return name === "" ? null : name;
}

export function wireCustomer(world: WorldCustomer, now: number): Stripe.Customer {
  const customer = clone(customerFixture);
  const billing = world.billingAddress;
  customer.id = world.id;
  customer.created = now;
  customer.email = world.email;
  customer.name = personName(billing?.firstName ?? world.firstName, billing?.lastName ?? world.lastName);
  customer.phone = billing?.phone ?? null;
  customer.address = stripeAddress(billing);
  if (billing?.company !== undefined) customer.business_name = billing.company;
  customer.discount = null;
  customer.shipping = world.shippingAddress
    ? {
        address: stripeAddress(world.shippingAddress) ?? undefined,
        name: personName(world.shippingAddress.firstName, world.shippingAddress.lastName) ?? "",
        phone: world.shippingAddress.phone ?? null,
      }
    : null;
  customer.invoice_settings.default_payment_method = worldCard(world) ? `pm_card_${world.id}` : null;
  customer.invoice_prefix =
    world.id
      .replace(/[^A-Za-z0-9]/g, "")
      .slice(-8)
      .toUpperCase() || "PORTAL";
  return customer;
}

/** The customer's default card as a Stripe payment method, attached to the customer. */
export function wirePaymentMethod(world: WorldCustomer, now: number): Stripe.PaymentMethod | undefined {
  const card = worldCard(world);
  if (!card) return undefined;
  const method = clone(paymentMethodFixture);
  method.id = `pm_card_${world.id}`;
  method.customer = world.id;
  method.created = now;
  method.metadata = {};
  method.billing_details = {
    address: stripeAddress(world.billingAddress),
    email: world.email,
    name: personName(world.firstName, world.lastName),
    phone: null,
    tax_id: null,
  };
  if (method.card) {
    method.card.brand = card.brand;
    method.card.display_brand = card.brand;
    method.card.last4 = card.last4;
    method.card.exp_month = card.expMonth;
    method.card.exp_year = card.expYear;
    method.card.fingerprint = `fp${world.id.replace(/[^A-Za-z0-9]/g, "").slice(-14)}`;
    method.card.networks = { available: [card.brand], preferred: null };
  }
  return method;
}

export function wireSubscription(world: WorldSubscription): Stripe.Subscription {
  const subscription = clone(subscriptionFixture);
  const created = unix(world.createdAt);
  const periodStart = unix(world.currentPeriodStart);
  const periodEnd = unix(world.currentPeriodEnd);
  const currency = world.currency.toLowerCase();
  subscription.id = world.id;
  subscription.customer = world.customerId;
  subscription.created = created;
  subscription.start_date = created;
  subscription.billing_cycle_anchor = periodStart;
  subscription.currency = currency;
  subscription.pause_collection = null;
  subscription.pending_invoice_item_interval = null;
  subscription.next_pending_invoice_item_invoice = null;
  subscription.billing_cycle_anchor_config = null;
  subscription.billing_thresholds = null;
  subscription.cancellation_details = { comment: null, feedback: null, feedback_option: null, reason: null };

  const template = subscription.items.data[0];
  if (!template) throw new Error("the subscription fixture has no item");
  const item = clone(template);
  item.id = `si_${world.id}`;
  item.subscription = world.id;
  item.created = created;
  item.quantity = world.quantity;
  item.current_period_start = periodStart;
  item.current_period_end = periodEnd;
  item.price.id = world.priceId;
  item.price.currency = currency;
  item.price.unit_amount = world.unitAmount;
  item.price.unit_amount_decimal = null;
  item.plan.id = world.priceId;
  item.plan.currency = currency;
  item.plan.amount = world.unitAmount;
  item.plan.billing_scheme = "per_unit";
  item.plan.interval_count = 1;
  subscription.items = {
    object: "list",
    data: [item],
    has_more: false,
    url: `/v1/subscription_items?subscription=${world.id}`,
  };

  subscription.cancel_at = null;
  subscription.cancel_at_period_end = false;
  subscription.canceled_at = null;
  subscription.ended_at = null;
  subscription.trial_start = null;
  subscription.trial_end = null;
  switch (world.status) {
    case "active":
      subscription.status = "active";
      break;
    case "trialing":
      subscription.status = "trialing";
      subscription.trial_start = periodStart;
      subscription.trial_end = periodEnd;
      break;
    case "cancel_scheduled":
      subscription.status = "active";
      subscription.cancel_at_period_end = true;
      subscription.cancel_at = unix(world.cancelAt) ?? periodEnd;
      subscription.canceled_at = periodStart;
      subscription.cancellation_details.reason = "cancellation_requested";
      break;
    case "canceled": {
      const ended = unix(world.canceledAt) ?? periodEnd;
      subscription.status = "canceled";
      subscription.canceled_at = ended;
      subscription.ended_at = ended;
      subscription.cancellation_details.reason = "cancellation_requested";
      break;
    }
  }
  return subscription;
}

export function wireInvoice(world: WorldInvoice): Stripe.Invoice {
  const invoice = clone(invoiceFixture);
  const created = unix(world.issuedAt);
  const draft = world.status === "draft";
  invoice.id = world.id;
  invoice.customer = world.customerId;
  invoice.number = draft ? null : world.number;
  invoice.status = world.status === "pending" ? "draft" : world.status;
  invoice.currency = world.currency.toLowerCase();
  invoice.created = created;
  invoice.effective_at = draft ? null : created;
  invoice.period_start = created;
  invoice.period_end = created;
  invoice.due_date = unix(world.dueAt);
  invoice.total = world.total;
  invoice.subtotal = world.total;
  invoice.subtotal_excluding_tax = world.total;
  invoice.total_excluding_tax = world.total;
  invoice.amount_due = world.amountDue;
  invoice.amount_paid = world.amountPaid;
  invoice.amount_remaining = world.amountDue;
  invoice.amount_overpaid = 0;
  invoice.attempted = world.status === "paid";
  invoice.attempt_count = world.status === "paid" ? 1 : 0;
  invoice.auto_advance = world.status === "open" || draft;
  invoice.billing_reason = world.subscriptionId ? "subscription_cycle" : "manual";
  invoice.from_invoice = null;
  invoice.last_finalization_error = null;
  invoice.next_payment_attempt = null;
  invoice.webhooks_delivered_at = created;
  invoice.shipping_cost = null;
  invoice.shipping_details = null;
  invoice.customer_shipping = null;
  invoice.status_transitions = {
    finalized_at: draft ? null : created,
    marked_uncollectible_at: world.status === "uncollectible" ? created : null,
    paid_at: unix(world.paidAt),
    voided_at: world.status === "void" ? created : null,
  };
  invoice.hosted_invoice_url = draft ? null : `https://invoice.stripe.com/i/${ACCOUNT}/${world.id}`;
  invoice.invoice_pdf = draft ? null : `https://pay.stripe.com/invoice/${ACCOUNT}/${world.id}/pdf?s=ap`;
  invoice.parent = world.subscriptionId
    ? {
        type: "subscription_details",
        quote_details: null,
        subscription_details: { metadata: {}, subscription: world.subscriptionId },
      }
    : null;

  const template = invoice.lines.data[0];
  if (!template) throw new Error("the invoice fixture has no line");
  const line = clone(template);
  line.id = `il_${world.id}`;
  line.invoice = world.id;
  line.amount = world.total;
  line.subtotal = world.total;
  line.currency = invoice.currency;
  line.description = world.subscriptionId ? `1 × ${world.subscriptionId}` : "One-off charge";
  line.period = { start: created, end: created };
  line.parent = world.subscriptionId
    ? {
        type: "subscription_item_details",
        invoice_item_details: null,
        subscription_item_details: {
          invoice_item: null,
          proration: false,
          proration_details: null,
          subscription: world.subscriptionId,
          subscription_item: `si_${world.subscriptionId}`,
        },
      }
    : null;
  invoice.lines = { object: "list", data: [line], has_more: false, url: `/v1/invoices/${world.id}/lines` };
  return invoice;
}
