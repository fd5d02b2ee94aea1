import { addressSchema } from "../schema-builders";
import type { Address } from "../schemas";

type AddressKey = keyof Address;

/** `Ada Lovelace` from first and last name; undefined when neither is given. */
export function joinName(address: Pick<Address, "firstName" | "lastName">): string | undefined {
  const name = [address.firstName, address.lastName].filter((part) => part !== undefined && part !== "").join(" ");
  return name === "" ? undefined : name;
}

/** A vendor's single `name`: the first word is read back as the first name, the rest as the last. */
export function splitName(name: string | null | undefined): Pick<Address, "firstName" | "lastName"> {
  const trimmed = name?.trim() ?? "";
  if (trimmed === "") return {};
  const space = trimmed.indexOf(" ");
  if (space === -1) return { firstName: trimmed };
  return { firstName: trimmed.slice(0, space), lastName: trimmed.slice(space + 1).trim() };
}

/**
 * The portable Address from a vendor's values. A value the portable schema would refuse
 * (vendors accept free text where portalkit is stricter) is left out rather than failing
 * the whole object, as is an empty one; undefined when nothing is left.
 */
export function validAddress(candidate: Partial<Record<AddressKey, string | null | undefined>>): Address | undefined {
  const out: Address = {};
  for (const key of Object.keys(candidate) as AddressKey[]) {
    const value = candidate[key];
    if (value === null || value === undefined || value === "") continue;
    if (addressSchema().shape[key].safeParse(value).success) out[key] = value;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/**
 * The address field names vendors with snake_case APIs share (`first_name`, `line1`), as
 * pairs for `fieldMap`; only the postal code's name differs between them (`zip`, `postal_code`).
 */
export function snakeCaseAddressPairs<const Postal extends string>(postalCode: Postal) {
  return [
    ["firstName", "first_name"],
    ["lastName", "last_name"],
    ["company", "company"],
    ["email", "email"],
    ["phone", "phone"],
    ["line1", "line1"],
    ["line2", "line2"],
    ["city", "city"],
    ["state", "state"],
    ["postalCode", postalCode],
    ["country", "country"],
  ] as const satisfies ReadonlyArray<readonly [AddressKey, string]>;
}
