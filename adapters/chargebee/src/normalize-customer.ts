import type { Customer as PortalCustomer } from "@portalkit/core";
import type { Customer, Subscription } from "chargebee";
import { fromChargebeeAddress } from "./address";
import { CHARGEBEE_PROVIDER_ID } from "./provider-id";

/**
 * Chargebee keeps the shipping address on each subscription, not on the customer: pass
 * the subscription whose shipping address the portable Customer should show.
 */
export function normalizeCustomer(customer: Customer, subscription?: Subscription): PortalCustomer {
  const out: PortalCustomer = { id: customer.id, provider: CHARGEBEE_PROVIDER_ID, raw: customer };
  if (customer.email) out.email = customer.email;
  const billing = fromChargebeeAddress(customer.billing_address);
  if (billing) out.billingAddress = billing;
  const shipping = fromChargebeeAddress(subscription?.shipping_address);
  if (shipping) out.shippingAddress = shipping;
  return out;
}
