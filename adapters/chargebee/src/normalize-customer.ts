import type { PaymentMethodSummary, Customer as PortalCustomer } from "@portalkit/core";
import type { Card, Customer, Subscription } from "chargebee";
import { fromChargebeeAddress } from "./address";
import { CHARGEBEE_PROVIDER_ID } from "./provider-id";

/**
 * Chargebee keeps the shipping address on each subscription, not on the customer: pass
 * the subscription whose shipping address the portable Customer should show.
 */
export function normalizeCustomer(customer: Customer, subscription?: Subscription, card?: Card): PortalCustomer {
  const out: PortalCustomer = { id: customer.id, provider: CHARGEBEE_PROVIDER_ID, raw: customer };
  if (customer.email) out.email = customer.email;
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ");
  if (name) out.name = name;
  if (customer.company) out.company = customer.company;
  const paymentMethod = paymentMethodSummary(customer, card);
  if (paymentMethod) out.paymentMethod = paymentMethod;
  const billing = fromChargebeeAddress(customer.billing_address);
  if (billing) out.billingAddress = billing;
  const shipping = fromChargebeeAddress(subscription?.shipping_address);
  if (shipping) out.shippingAddress = shipping;
  return out;
}

/** Chargebee's payment method types, as the portable kinds. */
const PAYMENT_METHOD_TYPES: Partial<
  Record<NonNullable<Customer["payment_method"]>["type"], PaymentMethodSummary["type"]>
> = {
  card: "card",
  apple_pay: "card",
  google_pay: "card",
  paypal_express_checkout: "paypal",
  direct_debit: "bank_account",
  netbanking_emandates: "bank_account",
  faster_payments: "bank_account",
};

/**
 * The customer's primary payment method: the card `customer.retrieve` answers beside the
 * customer (its network, last four digits and expiry), or the kind of the method on file.
 * Never the card's iin, its gateway reference or the payment source id.
 */
function paymentMethodSummary(customer: Customer, card: Card | undefined): PaymentMethodSummary | undefined {
  if (card) {
    const out: PaymentMethodSummary = { type: "card" };
    if (card.card_type && card.card_type !== "not_applicable") out.brand = card.card_type;
    if (/^[0-9]{4}$/.test(card.last4)) out.last4 = card.last4;
    if (Number.isInteger(card.expiry_month) && card.expiry_month >= 1 && card.expiry_month <= 12) {
      out.expMonth = card.expiry_month;
    }
    if (Number.isInteger(card.expiry_year) && card.expiry_year >= 1900 && card.expiry_year <= 9999) {
      out.expYear = card.expiry_year;
    }
    return out;
  }
  const method = customer.payment_method;
  if (!method) return undefined;
  return { type: PAYMENT_METHOD_TYPES[method.type] ?? "other" };
}
