import type { Customer } from "chargebee";
import { chargebeeError, wrongValue } from "./error-response";

const ADDRESS_FIELDS = [
  "first_name",
  "last_name",
  "email",
  "company",
  "phone",
  "line1",
  "line2",
  "line3",
  "city",
  "state_code",
  "state",
  "zip",
  "country",
  "validation_status",
] as const;

export type AddressField = (typeof ADDRESS_FIELDS)[number];

const address = (prefix: string) => ADDRESS_FIELDS.map((field) => `${prefix}[${field}]`);

/** The parameters each simulated endpoint accepts, as flat wire names. */
export const ALLOWED_PARAMS = {
  listInvoices: [
    "limit",
    "offset",
    "include_deleted",
    "customer_id[is]",
    "customer_id[in]",
    "subscription_id[is]",
    "subscription_id[in]",
    "status[is]",
    "status[is_not]",
    "status[in]",
    "status[not_in]",
    "sort_by[asc]",
    "sort_by[desc]",
  ],
  retrieveInvoice: ["line_items_limit", "line_items_offset"],
  invoicePdf: ["disposition_type"],
  retrieve: [],
  cancelForItems: [
    "end_of_term",
    "cancel_option",
    "cancel_at",
    "credit_option_for_current_term_charges",
    "unbilled_charges_option",
    "account_receivables_handling",
    "refundable_credits_handling",
    "contract_term_cancel_option",
    "invoice_date",
    "include_cancellation_day_in_billing",
    "cancel_reason_code",
    "decommissioned",
  ],
  reactivate: ["invoice_immediately", "billing_alignment_mode", "invoice_date", "reactivate_from"],
  removeScheduledCancellation: ["billing_cycles"],
  updateForItems: [...address("shipping_address"), "invoice_notes", "po_number"],
  updateBillingInfo: [...address("billing_address"), "vat_number", "vat_number_prefix"],
  createPortalSession: ["customer[id]", "redirect_url", "forward_url"],
  logout: [],
  managePaymentSources: ["customer[id]", "redirect_url", "business_entity_id"],
} satisfies Record<string, string[]>;

/** An answer for the first parameter the endpoint does not know, or undefined. */
export function rejectUnknown(params: URLSearchParams, allowed: readonly string[]): Response | undefined {
  for (const name of params.keys()) {
    if (!allowed.includes(name)) {
      return chargebeeError(400, "invalid_request", `${name} : unknown parameter`, {
        type: "invalid_request",
        param: name,
      });
    }
  }
  return undefined;
}

export function booleanParam(params: URLSearchParams, name: string): boolean | undefined | Response {
  const value = params.get(name);
  if (value === null) return undefined;
  if (value === "true") return true;
  if (value === "false") return false;
  return wrongValue(name, "must be true or false");
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

const regions = new Intl.DisplayNames(["en"], { type: "region" });

function isCountryCode(value: string): boolean {
  if (!/^[A-Z]{2}$/.test(value)) return false;
  const name = regions.of(value);
  return name !== undefined && name !== value && name !== "Unknown Region";
}

/** Reads `prefix[field]` parameters into an address, or answers the error Chargebee would. */
export function addressParam(params: URLSearchParams, prefix: string): Customer.BillingAddress | undefined | Response {
  const out: Customer.BillingAddress = {};
  let any = false;
  for (const field of ADDRESS_FIELDS) {
    const name = `${prefix}[${field}]`;
    const value = params.get(name);
    if (value === null) continue;
    if (value.length > (field === "line1" || field === "line2" || field === "line3" ? 180 : 150)) {
      return wrongValue(name, "is too long");
    }
    if (field === "country" && value !== "" && !isCountryCode(value)) return wrongValue(name, "invalid country code");
    if (field === "email" && value !== "" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) {
      return wrongValue(name, "invalid email format");
    }
    if (field === "validation_status") {
      if (!isValidationStatus(value)) return wrongValue(name, "invalid value");
      out.validation_status = value;
    } else if (value !== "") out[field] = value;
    any = true;
  }
  return any ? out : undefined;
}

const VALIDATION_STATUSES = ["not_validated", "valid", "partially_valid", "invalid"] as const;

function isValidationStatus(value: string): value is (typeof VALIDATION_STATUSES)[number] {
  return (VALIDATION_STATUSES as readonly string[]).includes(value);
}
