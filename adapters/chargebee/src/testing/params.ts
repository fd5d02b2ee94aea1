import { isCountryCode } from "@portalkit/core/testing";
import type { Customer } from "chargebee";
import { notFound, wrongValue } from "./error-response";
import type { ChargebeeStore } from "./simulator";
import type { WireCustomer } from "./wire";

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

/** `prefix[first_name]`, `prefix[last_name]`, …: the wire names of an address parameter. */
export const addressParamNames = (prefix: string) => ADDRESS_FIELDS.map((field) => `${prefix}[${field}]`);

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

/** The error for a redirect parameter that is not an http(s) URL, or undefined. */
export function redirectParam(params: URLSearchParams, name: string): Response | undefined {
  const value = params.get(name);
  if (value !== null && !isHttpUrl(value)) return wrongValue(name, "invalid URL");
  return undefined;
}

/** The live customer `customer[id]` names, or Chargebee's error. */
export function referencedCustomer(store: ChargebeeStore, params: URLSearchParams): WireCustomer | Response {
  const id = params.get("customer[id]");
  if (id === null || id === "") return wrongValue("customer[id]", "cannot be blank");
  const customer = store.customers.get(id);
  if (!customer || customer.deleted) return notFound(`customer ${id}`, "customer[id]");
  return customer;
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

/** `["paid","posted"]` (what the SDK sends) or `[paid,posted]` (what curl users type). */
export function listValue(raw: string): string[] | undefined {
  const trimmed = raw.trim();
  if (!trimmed.startsWith("[") || !trimmed.endsWith("]")) return undefined;
  const inner = trimmed.slice(1, -1).trim();
  if (inner === "") return [];
  return inner.split(",").map((part) => part.trim().replace(/^"(.*)"$/, "$1"));
}
