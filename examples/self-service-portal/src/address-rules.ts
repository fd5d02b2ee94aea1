// Shared by the page script (checks as the customer types) and the server (checks again):
// no zod here, so the browser bundle stays small. The rules match @portalkit/core's
// AddressSchema, which the provider applies once more before anything reaches the vendor.

export const ADDRESS_FIELDS = [
  "firstName",
  "lastName",
  "company",
  "email",
  "phone",
  "line1",
  "line2",
  "city",
  "state",
  "postalCode",
  "country",
] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

export type AddressValues = Partial<Record<AddressField, string>>;
export type FieldErrors = Partial<Record<AddressField, string>>;

const RULES: Partial<Record<AddressField, { test: RegExp; message: string }>> = {
  email: { test: /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/, message: "Enter an email address like name@example.com." },
  phone: { test: /^\+?[0-9 ().-]{5,30}$/, message: "Enter a phone number: digits, spaces, ( ) . - and a leading +." },
  postalCode: {
    test: /^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/,
    message: "Enter a ZIP or postal code (2 to 12 letters or digits).",
  },
  country: { test: /^[A-Z]{2}$/, message: "Enter a two-letter country code such as US or DE." },
};

/** A postal address needs at least these. */
const REQUIRED: readonly AddressField[] = ["line1", "city", "country"];

const MAX_LENGTH: Partial<Record<AddressField, number>> = { company: 250, city: 50, state: 50 };

/** Errors by field: required fields left empty, and values that break a rule. */
export function validateAddress(values: AddressValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of ADDRESS_FIELDS) {
    const value = values[field]?.trim() ?? "";
    if (value === "") {
      if (REQUIRED.includes(field)) errors[field] = "This is required.";
      continue;
    }
    const rule = RULES[field];
    if (rule && !rule.test.test(value)) errors[field] = rule.message;
    else if (value.length > (MAX_LENGTH[field] ?? 150)) errors[field] = "This is too long.";
  }
  return errors;
}
