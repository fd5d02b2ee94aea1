import type { Address } from "@portalkit/core";
import { fieldMap } from "@portalkit/core/adapter";
import type { WireAddress } from "./wire";

const FIELDS = [
  ["firstName", "first_name"],
  ["lastName", "last_name"],
  ["company", "company"],
  ["email", "email"],
  ["phone", "phone"],
  ["line1", "line1"],
  ["line2", "line2"],
  ["city", "city"],
  ["state", "state"],
  ["postalCode", "postal_code"],
  ["country", "country"],
] as const satisfies ReadonlyArray<readonly [keyof Address, keyof WireAddress]>;

const ADDRESS = fieldMap<Address, WireAddress>(FIELDS);

export function toWireAddress(address: Address): WireAddress {
  return ADDRESS.toVendor(address);
}

export function fromWireAddress(wire: WireAddress): Address {
  return ADDRESS.fromVendor(wire);
}
