import type { Address } from "@portalkit/core";
import { ADDRESS_FIELDS, type AddressField, type AddressValues } from "./address-rules";

/** The address fields of a submitted form, trimmed; the country upper-cased. */
export function addressValues(form: FormData): AddressValues {
  const values: AddressValues = {};
  for (const field of ADDRESS_FIELDS) {
    const value = form.get(field);
    if (typeof value !== "string") continue;
    values[field] = field === "country" ? value.trim().toUpperCase() : value.trim();
  }
  return values;
}

/** The portable Address: empty fields are left out. */
export function toAddress(values: AddressValues): Address {
  const address: Address = {};
  for (const field of ADDRESS_FIELDS) {
    const value = values[field];
    if (value) address[field] = value;
  }
  return address;
}

export function fromAddress(address: Address | undefined): AddressValues {
  const values: AddressValues = {};
  for (const field of ADDRESS_FIELDS) {
    const value = address?.[field];
    if (value) values[field] = value;
  }
  return values;
}

// The last segment of a vendor's field path, as each vendor names it, to the form's field:
// `address.postalCode` (portalkit), `billing_address.zip` (Chargebee),
// `shipping.address.postal_code` (Stripe).
const VENDOR_NAMES: Record<string, AddressField> = {
  first_name: "firstName",
  firstname: "firstName",
  last_name: "lastName",
  lastname: "lastName",
  name: "firstName",
  company: "company",
  business_name: "company",
  email: "email",
  phone: "phone",
  line1: "line1",
  line2: "line2",
  city: "city",
  state: "state",
  state_code: "state",
  zip: "postalCode",
  postal_code: "postalCode",
  postalcode: "postalCode",
  country: "country",
};

/** The form field a PortalError's `field` names, if it names one of the address's. */
export function formFieldOf(field: string | undefined): AddressField | undefined {
  if (!field) return undefined;
  const last = field.split(".").at(-1) ?? "";
  if ((ADDRESS_FIELDS as readonly string[]).includes(last)) return last as AddressField;
  return VENDOR_NAMES[last.toLowerCase()];
}
