import type { Address } from "@portalkit/core";
import { splitName, validAddress } from "@portalkit/core/adapter";
import type Stripe from "stripe";

type AddressKey = keyof Address;

/** Stripe's postal address fields, as sent in `address[...]` parameters. */
export interface StripeAddressParams {
  line1: string;
  line2: string;
  city: string;
  state: string;
  postal_code: string;
  country: string;
}

/**
 * Every postal field, an empty string for those not given: Stripe unsets a field sent
 * empty, so the address is replaced as a whole rather than merged with the old one.
 */
export function toStripeAddressParams(address: Address): StripeAddressParams {
  return {
    line1: address.line1 ?? "",
    line2: address.line2 ?? "",
    city: address.city ?? "",
    state: address.state ?? "",
    postal_code: address.postalCode ?? "",
    country: address.country ?? "",
  };
}

export { joinName, splitName } from "@portalkit/core/adapter";

/**
 * Builds a portable Address from Stripe's pieces. A value the portable schema would refuse
 * (Stripe accepts free text where portalkit is stricter) is left out rather than failing
 * the whole object. Undefined when nothing is left.
 */
export function fromStripeAddress(parts: {
  address?: Stripe.Address | null;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  company?: string | null;
}): Address | undefined {
  const names = splitName(parts.name);
  const candidate: Record<AddressKey, string | null | undefined> = {
    firstName: names.firstName,
    lastName: names.lastName,
    company: parts.company,
    email: parts.email,
    phone: parts.phone,
    line1: parts.address?.line1,
    line2: parts.address?.line2,
    city: parts.address?.city,
    state: parts.address?.state,
    postalCode: parts.address?.postal_code,
    country: parts.address?.country,
  };
  return validAddress(candidate);
}
