import type { AddressKind } from "@portalkit/core";
import type { AddressField, AddressValues, FieldErrors } from "../address-rules";
import { html, type SafeHtml } from "./html";

export interface AddressFormState {
  values: AddressValues;
  errors?: FieldErrors;
}

const INPUTS: ReadonlyArray<{ field: AddressField; label: string; type?: string; autocomplete: string }> = [
  { field: "firstName", label: "First name", autocomplete: "given-name" },
  { field: "lastName", label: "Last name", autocomplete: "family-name" },
  { field: "company", label: "Company", autocomplete: "organization" },
  { field: "email", label: "Email", type: "email", autocomplete: "email" },
  { field: "phone", label: "Phone", type: "tel", autocomplete: "tel" },
  { field: "line1", label: "Address line 1", autocomplete: "address-line1" },
  { field: "line2", label: "Address line 2", autocomplete: "address-line2" },
  { field: "city", label: "City", autocomplete: "address-level2" },
  { field: "state", label: "State or region", autocomplete: "address-level1" },
  { field: "postalCode", label: "ZIP or postal code", autocomplete: "postal-code" },
  { field: "country", label: "Country (two letters)", autocomplete: "country" },
];

function addressForm(kind: AddressKind, state: AddressFormState): SafeHtml {
  const errors = state.errors ?? {};
  return html`<form class="address card" method="post" action="/account/address" data-validate data-kind="${kind}" novalidate>
    <h2>${kind === "billing" ? "Billing address" : "Shipping address"}</h2>
    <input type="hidden" name="kind" value="${kind}" />
    ${INPUTS.map(({ field, label, type, autocomplete }) => {
      const id = `${kind}-${field}`;
      const error = errors[field];
      return html`<label for="${id}">${label}
        <input id="${id}" name="${field}" type="${type ?? "text"}" autocomplete="${kind} ${autocomplete}"
          value="${state.values[field] ?? ""}" aria-invalid="${error ? "true" : "false"}" aria-describedby="${id}-error" />
        <span class="field-error" id="${id}-error" data-error-for="${field}">${error ?? ""}</span>
      </label>`;
    })}
    <button type="submit">Save ${kind} address</button>
  </form>`;
}

export function addressPage(forms: Record<AddressKind, AddressFormState>): SafeHtml {
  return html`<h1>Addresses</h1>
    <div class="grid">${addressForm("billing", forms.billing)}${addressForm("shipping", forms.shipping)}</div>`;
}
