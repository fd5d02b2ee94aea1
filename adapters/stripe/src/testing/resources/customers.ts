import {
  type FormObject,
  hashParam,
  isCountryCode,
  type ParamSpec,
  type RouteSpec,
  stringParam,
} from "@portalkit/core/testing";
import type Stripe from "stripe";
import type { StripeStore } from "../simulator";
import { invalidParameter, resourceMissing, stripeJson } from "../wire";
import { ADDRESS, EXPAND } from "./params";

const CUSTOMER_UPDATE: ParamSpec = {
  ...EXPAND,
  address: ADDRESS,
  shipping: { name: true, phone: true, address: ADDRESS },
  name: true,
  email: true,
  phone: true,
  business_name: true,
  individual_name: true,
  description: true,
  metadata: true,
  preferred_locales: true,
};

const ADDRESS_FIELDS = ["line1", "line2", "city", "state", "postal_code", "country"] as const;

/** The error Stripe gives for a country code that names no country, or undefined. */
function unknownCountry(update: FormObject, param: string): Response | undefined {
  const country = stringParam(update.country);
  if (country === undefined || country === "" || isCountryCode(country)) return undefined;
  return invalidParameter(
    param,
    `Country '${country}' is unknown. Try using a 2-character alphanumeric country code instead, such as 'US', 'EG', or 'GB'. A full list of country codes is available at https://stripe.com/docs/api#country_codes`,
    "parameter_invalid_string",
  );
}

function mergeAddress(current: Stripe.Address | null, update: FormObject): Stripe.Address {
  const next: Stripe.Address = current
    ? { ...current }
    : { line1: null, line2: null, city: null, state: null, postal_code: null, country: null };
  for (const key of ADDRESS_FIELDS) {
    const value = stringParam(update[key]);
    if (value !== undefined) next[key] = value === "" ? null : value;
  }
  return next;
}

function updateCustomer(customer: Stripe.Customer, params: FormObject): Response {
  const address = params.address === undefined ? undefined : hashParam(params.address);
  const shipping = params.shipping === undefined ? undefined : hashParam(params.shipping);
  const shippingAddress = hashParam(shipping?.address);
  // Checked before anything changes: Stripe refuses the whole update.
  const badCountry =
    (address && unknownCountry(address, "address[country]")) ??
    (shippingAddress && unknownCountry(shippingAddress, "shipping[address][country]"));
  if (badCountry) return badCountry;
  if (params.address !== undefined) customer.address = address ? mergeAddress(customer.address ?? null, address) : null;
  if (params.shipping !== undefined) {
    if (!shipping) {
      customer.shipping = null;
    } else {
      const name = stringParam(shipping.name);
      if (!name)
        return invalidParameter("shipping[name]", "Missing required param: shipping[name].", "parameter_missing");
      if (!shippingAddress) {
        return invalidParameter("shipping[address]", "Missing required param: shipping[address].", "parameter_missing");
      }
      const phone = stringParam(shipping.phone);
      customer.shipping = { name, phone: phone ? phone : null, address: mergeAddress(null, shippingAddress) };
    }
  }
  for (const key of ["name", "email", "phone"] as const) {
    const value = stringParam(params[key]);
    if (value !== undefined) customer[key] = value === "" ? null : value;
  }
  const business = stringParam(params.business_name);
  if (business !== undefined) {
    if (business === "") delete customer.business_name;
    else customer.business_name = business;
  }
  return stripeJson(200, customer);
}

/** The `expand[]` paths asked for (`expand[]=a&expand[]=b` or `expand[0]=a`). */
export function expanded(params: FormObject): string[] {
  const value = params.expand;
  const list = Array.isArray(value)
    ? value
    : value === undefined
      ? []
      : Object.values(hashParam(value) ?? { 0: value });
  return list.map((entry) => stringParam(entry)).filter((entry): entry is string => entry !== undefined);
}

const EXPANDABLE = new Set(["invoice_settings.default_payment_method", "default_source"]);

function readCustomer(store: StripeStore, id: string, params: FormObject): Response {
  if (store.deletedCustomers.has(id)) {
    const deleted: Stripe.DeletedCustomer = { id, object: "customer", deleted: true };
    return stripeJson(200, deleted);
  }
  const customer = store.customers.get(id);
  if (!customer) return resourceMissing("customer", id);
  const paths = expanded(params);
  for (const path of paths) {
    if (!EXPANDABLE.has(path)) {
      return invalidParameter("expand[0]", `This property cannot be expanded (${path}).`, "parameter_invalid_string");
    }
  }
  const methodId = customer.invoice_settings.default_payment_method;
  if (!paths.includes("invoice_settings.default_payment_method") || typeof methodId !== "string") {
    return stripeJson(200, customer);
  }
  const method = store.paymentMethods.get(methodId);
  return stripeJson(200, {
    ...customer,
    invoice_settings: { ...customer.invoice_settings, default_payment_method: method ?? null },
  });
}

/** `/v1/customers/:id`: read (expanding the default payment method), update, delete. */
export function customerRoutes(store: StripeStore): RouteSpec[] {
  return [
    {
      method: "GET",
      path: "/v1/customers/:id",
      params: EXPAND,
      handle: ({ pathParams: { id = "" }, input }) => readCustomer(store, id, input),
    },
    {
      method: "DELETE",
      path: "/v1/customers/:id",
      params: {},
      handle: ({ pathParams: { id = "" } }) => {
        if (!store.customers.delete(id)) return resourceMissing("customer", id);
        store.deletedCustomers.add(id);
        const deleted: Stripe.DeletedCustomer = { id, object: "customer", deleted: true };
        return stripeJson(200, deleted);
      },
    },
    {
      method: "POST",
      path: "/v1/customers/:id",
      params: CUSTOMER_UPDATE,
      handle: ({ pathParams: { id = "" }, input }) => {
        const customer = store.customers.get(id);
        return customer ? updateCustomer(customer, input) : resourceMissing("customer", id);
      },
    },
  ];
}
