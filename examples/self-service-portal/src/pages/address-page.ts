import type { AddressKind } from "@portalkit/core";
import type { AddressField, AddressValues, FieldErrors } from "../address-rules";
import { html, type SafeHtml } from "./html";

export interface AddressFormState {
  values: AddressValues;
  errors?: FieldErrors;
  /** Where the vendor keeps this address on a subscription (Chargebee's shipping): which one. */
  subscriptionId?: string;
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
  const scope = state.subscriptionId;
  const title = kind === "billing" ? "Billing address" : "Shipping address";
  return html`<form class="address card" method="post" action="/account/address" data-validate data-kind="${kind}" ${
    scope ? html`data-subscription="${scope}"` : ""
  } novalidate>
    <h2>${title}${scope ? html` <span class="muted">for subscription ${scope}</span>` : ""}</h2>
    <input type="hidden" name="kind" value="${kind}" />
    ${scope ? html`<input type="hidden" name="subscriptionId" value="${scope}" />` : ""}
    ${INPUTS.map(({ field, label, type, autocomplete }) => {
      const id = `${kind}-${scope ?? "customer"}-${field}`;
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

/** The billing form, and one shipping form (or one per subscription where the vendor keeps it there). */
export function addressPage(forms: { billing?: AddressFormState; shipping: readonly AddressFormState[] }): SafeHtml {
  return html`<h1>Addresses</h1>
    <p class="muted">Read from the billing provider just now: a change made anywhere else shows here.</p>
    <div class="grid">${forms.billing ? addressForm("billing", forms.billing) : ""}${forms.shipping.map((state) =>
      addressForm("shipping", state),
    )}</div>`;
}
