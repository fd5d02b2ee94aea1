import type { Customer } from "@portalkit/core";
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
  return out;
}
