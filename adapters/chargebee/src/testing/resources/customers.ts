import { paramSpecOf, type RouteSpec } from "@portalkit/core/testing";
import { notFound } from "../error-response";
import { addressParam, addressParamNames } from "../params";
import type { ChargebeeStore } from "../simulator";
import { json, live, type WireCustomer } from "../wire";

function updateBillingInfo(store: ChargebeeStore, customer: WireCustomer, params: URLSearchParams): Response {
  const billing = addressParam(params, "billing_address");
  if (billing instanceof Response) return billing;
  // The address given replaces the one on file.
  if (billing) customer.billing_address = billing;
  const vat = params.get("vat_number");
  if (vat !== null) customer.vat_number = vat;
  const prefix = params.get("vat_number_prefix");
  if (prefix !== null) customer.vat_number_prefix = prefix;
  store.touch(customer);
  return json({ customer });
}

/** `/customers/:id`: read (with the primary card), and replace the billing address. */
export function customerRoutes(store: ChargebeeStore): RouteSpec[] {
  return [
    {
      method: "GET",
      path: "/api/v2/customers/:id",
      params: {},
      handle: ({ pathParams: { id = "" } }) => {
        const customer = live(store.customers, id);
        if (!customer) return notFound(`customer ${id}`);
        // The primary card, when it is one, comes beside the customer.
        const card = store.cards.get(id);
        return json({ customer, ...(card && customer.payment_method?.type === "card" ? { card } : {}) });
      },
    },
    {
      method: "POST",
      path: "/api/v2/customers/:id/update_billing_info",
      params: paramSpecOf([...addressParamNames("billing_address"), "vat_number", "vat_number_prefix"]),
      handle: ({ pathParams: { id = "" }, inputParams }) => {
        const customer = live(store.customers, id);
        return customer ? updateBillingInfo(store, customer, inputParams) : notFound(`customer ${id}`);
      },
    },
  ];
}
