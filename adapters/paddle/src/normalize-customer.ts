import type { Address as PaddleAddress, Customer as PaddleCustomer } from "@paddle/paddle-node-sdk";
import type { Customer } from "@portalkit/core";
import { fromPaddleAddress } from "./address";
import { toRaw } from "./wire-values";

/** A customer with the address Paddle bills them at (their first active address). */
export function normalizeCustomer(
  customer: PaddleCustomer,
  address: PaddleAddress | undefined,
  provider: string,
): Customer {
  const out: Customer = { id: customer.id, provider, raw: toRaw(customer) };
  if (customer.email) out.email = customer.email;
  const billing = fromPaddleAddress(address, customer);
  if (billing) out.billingAddress = billing;
  return out;
}
