import type { Address } from "@portalkit/core";
import { fieldMap, snakeCaseAddressPairs } from "@portalkit/core/adapter";
import type { WireAddress } from "./wire";

const FIELDS = snakeCaseAddressPairs("postal_code") satisfies ReadonlyArray<
  readonly [keyof Address, keyof WireAddress]
>;

const ADDRESS = fieldMap<Address, WireAddress>(FIELDS);

export function toWireAddress(address: Address): WireAddress {
  return ADDRESS.toVendor(address);
}

export function fromWireAddress(wire: WireAddress): Address {
  return ADDRESS.fromVendor(wire);
}
