import { isoToUnix } from "@portalkit/core";
import { type WorldCustomer, type WorldInvoice, type WorldSubscription, worldCard } from "@portalkit/core/testing";
import { toWireAddress } from "../address";
import type { WireCustomer, WireInvoice, WireSubscription } from "../wire";

/** World fixture objects in the in-memory API's wire format. */

export function wireCustomer(customer: WorldCustomer): WireCustomer {
  const wire: WireCustomer = {
    object: "customer",
    id: customer.id,
    email: customer.email,
    has_payment_method: customer.hasPaymentMethod ?? false,
  };
  if (customer.firstName) wire.first_name = customer.firstName;
  if (customer.lastName) wire.last_name = customer.lastName;
  if (customer.billingAddress) wire.billing_address = toWireAddress(customer.billingAddress);
  if (customer.shippingAddress) wire.shipping_address = toWireAddress(customer.shippingAddress);
  const card = worldCard(customer);
  if (card) {
    wire.has_payment_method = true;
    wire.payment_method = {
      type: "card",
      card: { brand: card.brand, last4: card.last4, exp_month: card.expMonth, exp_year: card.expYear },
    };
  }
  return wire;
}

export function wireSubscription(subscription: WorldSubscription): WireSubscription {
  const periodEnd = isoToUnix(subscription.currentPeriodEnd);
  const wire: WireSubscription = {
    object: "subscription",
    id: subscription.id,
    customer_id: subscription.customerId,
    status:
      subscription.status === "canceled" ? "canceled" : subscription.status === "trialing" ? "trialing" : "active",
    cancel_at_period_end: subscription.status === "cancel_scheduled",
    created_at: isoToUnix(subscription.createdAt),
    current_period_start: isoToUnix(subscription.currentPeriodStart),
    current_period_end: periodEnd,
    items: [
      {
        id: `si_${subscription.id}`,
        price_id: subscription.priceId,
        quantity: subscription.quantity,
        unit_amount: subscription.unitAmount,
      },
    ],
    currency: subscription.currency.toLowerCase(),
  };
  if (subscription.status === "cancel_scheduled") {
    wire.cancel_at = subscription.cancelAt ? isoToUnix(subscription.cancelAt) : periodEnd;
  }
  if (subscription.status === "canceled") {
    wire.canceled_at = isoToUnix(subscription.canceledAt ?? subscription.currentPeriodStart);
  }
  if (subscription.shippingAddress) wire.shipping_address = toWireAddress(subscription.shippingAddress);
  return wire;
}

export function wireInvoice(invoice: WorldInvoice, portalUrl: string): WireInvoice {
  const wire: WireInvoice = {
    object: "invoice",
    id: invoice.id,
    customer_id: invoice.customerId,
    number: invoice.number,
    status: invoice.status,
    currency: invoice.currency.toLowerCase(),
    total: invoice.total,
    amount_due: invoice.amountDue,
    amount_paid: invoice.amountPaid,
    created: isoToUnix(invoice.issuedAt),
  };
  if (invoice.subscriptionId !== undefined) wire.subscription_id = invoice.subscriptionId;
  if (invoice.dueAt) wire.due_date = isoToUnix(invoice.dueAt);
  if (invoice.paidAt) wire.paid_at = isoToUnix(invoice.paidAt);
  if (invoice.status !== "draft") wire.hosted_url = `${portalUrl}/invoices/${encodeURIComponent(invoice.id)}`;
  return wire;
}
