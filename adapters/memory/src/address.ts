import type { Address } from "@portalkit/core";
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

export function toWireAddress(address: Address): WireAddress {
  const wire: WireAddress = {};
  for (const [portable, vendor] of FIELDS) {
    const value = address[portable];
    if (value !== undefined) wire[vendor] = value;
  }
  return wire;
}

export function fromWireAddress(wire: WireAddress): Address {
  const address: Address = {};
  for (const [portable, vendor] of FIELDS) {
    const value = wire[vendor];
    if (value !== undefined && value !== "") address[portable] = value;
  }
  return address;
}
