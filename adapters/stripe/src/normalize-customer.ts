import type { Customer, PaymentMethodSummary } from "@portalkit/core";
import type Stripe from "stripe";
import { fromStripeAddress } from "./address";
import { toRaw } from "./raw";

export function normalizeCustomer(customer: Stripe.Customer, provider: string): Customer {
  const out: Customer = { id: customer.id, provider, raw: toRaw(customer) };
  if (customer.email) out.email = customer.email;
  const billing = fromStripeAddress({
    address: customer.address,
    name: customer.name,
    phone: customer.phone,
    email: customer.email,
    company: customer.business_name,
  });
  if (billing) out.billingAddress = billing;
  const shipping = customer.shipping
    ? fromStripeAddress({
        address: customer.shipping.address,
        name: customer.shipping.name,
        phone: customer.shipping.phone,
      })
    : undefined;
  if (shipping) out.shippingAddress = shipping;
  if (customer.name) out.name = customer.name;
  if (customer.business_name) out.company = customer.business_name;
  const method = customer.invoice_settings?.default_payment_method;
  // Only an expanded payment method says what it is; an id alone is left out, never shown.
  if (method && typeof method === "object") out.paymentMethod = paymentMethodSummary(method);
  return out;
}

const KINDS: Partial<Record<Stripe.PaymentMethod.Type, PaymentMethodSummary["type"]>> = {
  card: "card",
  card_present: "card",
  link: "other",
  paypal: "paypal",
  us_bank_account: "bank_account",
  sepa_debit: "bank_account",
  bacs_debit: "bank_account",
  au_becs_debit: "bank_account",
  acss_debit: "bank_account",
};

/** The network, last four digits and expiry of a card; the kind of any other method. Never its id or fingerprint. */
export function paymentMethodSummary(method: Stripe.PaymentMethod): PaymentMethodSummary {
  const out: PaymentMethodSummary = { type: KINDS[method.type] ?? "other" };
  const card = method.type === "card" ? method.card : undefined;
  if (card) {
    if (card.brand && card.brand !== "unknown") out.brand = card.brand;
    if (/^[0-9]{4}$/.test(card.last4)) out.last4 = card.last4;
    if (Number.isInteger(card.exp_month) && card.exp_month >= 1 && card.exp_month <= 12) out.expMonth = card.exp_month;
    if (Number.isInteger(card.exp_year) && card.exp_year >= 1900 && card.exp_year <= 9999) out.expYear = card.exp_year;
  }
  const bank = method.type === "us_bank_account" ? method.us_bank_account : undefined;
  if (bank?.last4 && /^[0-9]{4}$/.test(bank.last4)) out.last4 = bank.last4;
  const sepa = method.type === "sepa_debit" ? method.sepa_debit : undefined;
  if (sepa?.last4 && /^[0-9]{4}$/.test(sepa.last4)) out.last4 = sepa.last4;
  return out;
}
