import type { Address as PaddleAddress, UpdateAddressRequestBody } from "@paddle/paddle-node-sdk";
import type { Address } from "@portalkit/core";
import { splitName, validAddress } from "@portalkit/core/adapter";

type AddressKey = keyof Address;

/** The postal fields: the portable name and the SDK's (Paddle's own is its snake_case: `first_line`). */
export const POSTAL_FIELDS = [
  ["line1", "firstLine"],
  ["line2", "secondLine"],
  ["city", "city"],
  ["postalCode", "postalCode"],
  ["state", "region"],
  ["country", "countryCode"],
] as const satisfies ReadonlyArray<readonly [AddressKey, keyof PaddleAddress]>;

export { joinName } from "@portalkit/core/adapter";

/**
 * The postal part as Paddle's address fields; fields not given are cleared (`null`), so the
 * address is replaced as a whole. The country is kept when not given (Paddle requires one).
 */
export function toPaddleAddress(address: Address): UpdateAddressRequestBody {
  const body: Record<string, string | null> = {};
  for (const [portable, sdk] of POSTAL_FIELDS) {
    if (portable !== "country" || address.country !== undefined) body[sdk] = address[portable] ?? null;
  }
  return body as UpdateAddressRequestBody;
}

/**
 * A portable address from Paddle's address and the customer's name and email (Paddle keeps
 * no name, phone or company on an address). A value the portable schema would refuse is
 * left out rather than failing the whole object; undefined when nothing is left.
 */
export function fromPaddleAddress(
  address: PaddleAddress | undefined,
  customer: { name?: string | null; email?: string | null },
): Address | undefined {
  const candidate: Partial<Record<AddressKey, string | null | undefined>> = {
    ...splitName(customer.name),
    email: customer.email,
  };
  for (const [portable, sdk] of POSTAL_FIELDS) candidate[portable] = address?.[sdk];
  return validAddress(candidate);
}
