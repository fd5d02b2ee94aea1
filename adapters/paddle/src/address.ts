import type { Address as PaddleAddress, UpdateAddressRequestBody } from "@paddle/paddle-node-sdk";
import { type Address, AddressSchema } from "@portalkit/core";

type AddressKey = keyof Address;

/** `Ada Lovelace` from first and last name; undefined when neither is given. */
export function joinName(address: Pick<Address, "firstName" | "lastName">): string | undefined {
  const name = [address.firstName, address.lastName].filter((part) => part !== undefined && part !== "").join(" ");
  return name === "" ? undefined : name;
}

/**
 * The postal part as Paddle's address fields; fields not given are cleared (`null`), so the
 * address is replaced as a whole. The country is kept when not given (Paddle requires one).
 */
export function toPaddleAddress(address: Address): UpdateAddressRequestBody {
  const body: UpdateAddressRequestBody = {
    firstLine: address.line1 ?? null,
    secondLine: address.line2 ?? null,
    city: address.city ?? null,
    postalCode: address.postalCode ?? null,
    region: address.state ?? null,
  };
  if (address.country !== undefined) body.countryCode = address.country as UpdateAddressRequestBody["countryCode"];
  return body;
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
  const name = customer.name?.trim() ?? "";
  const space = name.indexOf(" ");
  const candidate: Partial<Record<AddressKey, string | null | undefined>> = {
    firstName: space === -1 ? name : name.slice(0, space),
    lastName: space === -1 ? undefined : name.slice(space + 1).trim(),
    email: customer.email,
    line1: address?.firstLine,
    line2: address?.secondLine,
    city: address?.city,
    state: address?.region,
    postalCode: address?.postalCode,
    country: address?.countryCode,
  };
  const out: Address = {};
  for (const key of Object.keys(candidate) as AddressKey[]) {
    const value = candidate[key];
    if (value === null || value === undefined || value === "") continue;
    if (AddressSchema.shape[key].safeParse(value).success) out[key] = value;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}
