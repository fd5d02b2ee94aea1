import type {
  Address as PaddleAddress,
  Customer as PaddleCustomer,
  PaymentMethod as PaddlePaymentMethod,
} from "@paddle/paddle-node-sdk";
import { type Customer, type PaymentMethodSummary, PaymentMethodSummarySchema } from "@portalkit/core";
import { fromPaddleAddress } from "./address";
import { toRaw } from "./wire-values";

/** A saved payment method as its summary: the card's network, last four digits and expiry, no token. */
export function paymentMethodSummary(method: PaddlePaymentMethod): PaymentMethodSummary {
  if (method.type === "paypal") return { type: "paypal" };
  if (method.card === null) return { type: "other" };
  const { type, last4, expiryMonth, expiryYear } = method.card;
  const summary = { type: "card", brand: type, last4, expMonth: expiryMonth, expYear: expiryYear };
  // A field the portable schema would refuse is left out rather than failing the customer.
  const parsed = PaymentMethodSummarySchema.safeParse(summary);
  return parsed.success ? parsed.data : { type: "card" };
}

/** A customer with the address Paddle bills them at (their first active address) and their newest saved payment method. */
export function normalizeCustomer(
  customer: PaddleCustomer,
  address: PaddleAddress | undefined,
  provider: string,
  method?: PaddlePaymentMethod,
): Customer {
  const out: Customer = { id: customer.id, provider, raw: toRaw(customer) };
  if (customer.email) out.email = customer.email;
  if (customer.name) out.name = customer.name;
  const billing = fromPaddleAddress(address, customer);
  if (billing) out.billingAddress = billing;
  if (method) out.paymentMethod = paymentMethodSummary(method);
  return out;
}
