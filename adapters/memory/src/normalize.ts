import {
  type Customer,
  type Invoice,
  type PortalSession,
  type Subscription,
  type SubscriptionStatus,
  unixToIso,
} from "@portalkit/core";
import { fromWireAddress } from "./address";
import type { WireCustomer, WireInvoice, WirePortalSession, WireSubscription } from "./wire";

export const PROVIDER_ID = "memory";

function raw(value: object): Record<string, unknown> {
  return { ...value };
}

function money(amount: number, currency: string) {
  return { amount, currency: currency.toUpperCase() };
}

export function normalizeInvoice(wire: WireInvoice): Invoice {
  const invoice: Invoice = {
    id: wire.id,
    provider: PROVIDER_ID,
    customerId: wire.customer_id,
    number: wire.number,
    status: wire.status,
    total: money(wire.total, wire.currency),
    amountDue: money(wire.amount_due, wire.currency),
    amountPaid: money(wire.amount_paid, wire.currency),
    issuedAt: unixToIso(wire.created),
    raw: raw(wire),
  };
  if (wire.subscription_id !== undefined) invoice.subscriptionId = wire.subscription_id;
  if (wire.due_date !== undefined) invoice.dueAt = unixToIso(wire.due_date);
  if (wire.paid_at !== undefined) invoice.paidAt = unixToIso(wire.paid_at);
  if (wire.hosted_url !== undefined) invoice.hostedUrl = wire.hosted_url;
  return invoice;
}

function subscriptionStatus(wire: WireSubscription): SubscriptionStatus {
  if (wire.status === "canceled") return "canceled";
  if (wire.cancel_at_period_end) return "cancel_scheduled";
  return wire.status;
}

export function normalizeSubscription(wire: WireSubscription): Subscription {
  const subscription: Subscription = {
    id: wire.id,
    provider: PROVIDER_ID,
    customerId: wire.customer_id,
    status: subscriptionStatus(wire),
    currentPeriodEnd: unixToIso(wire.current_period_end),
    items: wire.items.map((item) => ({ id: item.id, priceId: item.price_id, quantity: item.quantity })),
    raw: raw(wire),
  };
  if (wire.cancel_at !== undefined) subscription.cancelAt = unixToIso(wire.cancel_at);
  if (wire.canceled_at !== undefined) subscription.canceledAt = unixToIso(wire.canceled_at);
  if (wire.shipping_address) subscription.shippingAddress = fromWireAddress(wire.shipping_address);
  return subscription;
}

export function normalizeCustomer(wire: WireCustomer): Customer {
  const customer: Customer = { id: wire.id, provider: PROVIDER_ID, email: wire.email, raw: raw(wire) };
  if (wire.billing_address) customer.billingAddress = fromWireAddress(wire.billing_address);
  if (wire.shipping_address) customer.shippingAddress = fromWireAddress(wire.shipping_address);
  const name = [wire.first_name, wire.last_name].filter(Boolean).join(" ");
  if (name) customer.name = name;
  if (wire.billing_address?.company) customer.company = wire.billing_address.company;
  if (wire.payment_method) {
    const { card } = wire.payment_method;
    customer.paymentMethod = {
      type: "card",
      brand: card.brand,
      last4: card.last4,
      expMonth: card.exp_month,
      expYear: card.exp_year,
    };
  }
  return customer;
}

export function normalizeSession(wire: WirePortalSession): PortalSession {
  return {
    id: wire.id,
    provider: PROVIDER_ID,
    customerId: wire.customer_id,
    url: wire.url,
    token: wire.token,
    createdAt: unixToIso(wire.created_at),
    expiresAt: unixToIso(wire.expires_at),
    raw: raw(wire),
  };
}
