import { type Address, AddressSchema } from "@portalkit/core";
import { fieldMap } from "@portalkit/core/adapter";

/** Chargebee's address fields (billing_address, shipping_address) as the SDK types them. */
export interface ChargebeeAddressFields {
  first_name?: string;
  last_name?: string;
  email?: string;
  company?: string;
  phone?: string;
  line1?: string;
  line2?: string;
  line3?: string;
  city?: string;
  state_code?: string;
  state?: string;
  country?: string;
  zip?: string;
}

const PAIRS = [
  ["firstName", "first_name"],
  ["lastName", "last_name"],
  ["company", "company"],
  ["email", "email"],
  ["phone", "phone"],
  ["line1", "line1"],
  ["line2", "line2"],
  ["city", "city"],
  ["state", "state"],
  ["postalCode", "zip"],
  ["country", "country"],
] as const satisfies ReadonlyArray<readonly [keyof Address, keyof ChargebeeAddressFields]>;

const ADDRESS = fieldMap<Address, ChargebeeAddressFields>(PAIRS);

export function toChargebeeAddress(address: Address): ChargebeeAddressFields {
  return ADDRESS.toVendor(address);
}

/**
 * A Chargebee address as a portable Address. A vendor value the portable schema would
 * reject (a phone number in an odd format) is left out rather than failing the whole object.
 */
export function fromChargebeeAddress(address: ChargebeeAddressFields | undefined): Address | undefined {
  if (!address) return undefined;
  const out: Address = {};
  let any = false;
  for (const [portable, vendor] of PAIRS) {
    const raw = vendor === "state" ? (address.state ?? address.state_code) : address[vendor];
    if (typeof raw !== "string" || raw === "") continue;
    const value = portable === "country" ? raw.toUpperCase() : raw;
    if (!AddressSchema.shape[portable].safeParse(value).success) continue;
    out[portable] = value;
    any = true;
  }
  return any ? out : undefined;
}
