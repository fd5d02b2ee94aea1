import { type Address, AddressSchema } from "@portalkit/core";
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

/** `Ada Lovelace` from first and last name; undefined when neither is given. */
export function joinName(address: Pick<Address, "firstName" | "lastName">): string | undefined {
  const name = [address.firstName, address.lastName].filter((part) => part !== undefined && part !== "").join(" ");
  return name === "" ? undefined : name;
}

/** Stripe keeps one `name`; the first word is read back as the first name, the rest as the last. */
export function splitName(name: string | null | undefined): Pick<Address, "firstName" | "lastName"> {
  const trimmed = name?.trim() ?? "";
  if (trimmed === "") return {};
  const space = trimmed.indexOf(" ");
  if (space === -1) return { firstName: trimmed };
  return { firstName: trimmed.slice(0, space), lastName: trimmed.slice(space + 1).trim() };
}

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
  const out: Address = {};
  for (const key of Object.keys(candidate) as AddressKey[]) {
    const value = candidate[key];
    if (value === null || value === undefined || value === "") continue;
    if (AddressSchema.shape[key].safeParse(value).success) out[key] = value;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}
