import type { Address } from "@portalkit/core";
import { fieldMap, snakeCaseAddressPairs, validAddress } from "@portalkit/core/adapter";

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

const PAIRS = snakeCaseAddressPairs("zip") satisfies ReadonlyArray<
  readonly [keyof Address, keyof ChargebeeAddressFields]
>;

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
  const candidate: Partial<Record<keyof Address, string | undefined>> = {};
  for (const [portable, vendor] of PAIRS) {
    const raw = vendor === "state" ? (address.state ?? address.state_code) : address[vendor];
    candidate[portable] = portable === "country" && typeof raw === "string" ? raw.toUpperCase() : raw;
  }
  return validAddress(candidate);
}
