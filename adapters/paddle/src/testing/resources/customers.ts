import type { IAddressResponse } from "@paddle/paddle-node-sdk";
import { isCountryCode, type RouteSpec } from "@portalkit/core/testing";
import { WIRE_ADDRESS_FIELDS } from "../seed";
import type { PaddleStore } from "../simulator";
import { invalidField, listPage, listParams, notFound, paddleData, paddleId, readBody, readRoute } from "../wire";

/** The fields an address request may send. */
const ADDRESS_FIELDS = [...WIRE_ADDRESS_FIELDS.map(([, wire]) => wire), "description", "custom_data", "status"];

function applyAddress(address: IAddressResponse, body: Record<string, unknown>): Response | undefined {
  for (const [field, value] of Object.entries(body)) {
    if (field === "custom_data") continue;
    if (field === "country_code") {
      if (typeof value !== "string" || !isCountryCode(value))
        return invalidField("country_code", "must be a valid country code");
    } else if (field === "status") {
      if (value !== "active" && value !== "archived") return invalidField("status", "must be active or archived");
    } else if (value !== null && (typeof value !== "string" || value.length > 200)) {
      return invalidField(field, "must be a string of at most 200 characters or null");
    }
  }
  Object.assign(address, body);
  return undefined;
}

/** `/customers/:id` and `/customers/:id/addresses`. */
export function customerRoutes(store: PaddleStore): RouteSpec[] {
  return [
    readRoute("/customers/:id", "customer", (id) => store.customers.get(id), {}),
    {
      method: "PATCH",
      path: "/customers/:id",
      handle: ({ pathParams: { id = "" }, rawBody }) => {
        const customer = store.customers.get(id);
        if (!customer) return notFound("customer", id);
        const body = readBody(rawBody, ["name", "email", "status", "custom_data", "locale"]);
        if (body instanceof Response) return body;
        if (body.email !== undefined && (typeof body.email !== "string" || !/^[^@\s]+@[^@\s]+$/.test(body.email))) {
          return invalidField("email", "must be an email address");
        }
        if (body.name !== undefined && body.name !== null && typeof body.name !== "string") {
          return invalidField("name", "must be a string or null");
        }
        Object.assign(customer, body, { updated_at: store.at() });
        store.emit("customer.updated", customer);
        return paddleData(customer);
      },
    },
    {
      method: "GET",
      path: "/customers/:id/addresses",
      params: listParams("status", "id", "search"),
      handle: (request) => {
        const customer = request.pathParams.id ?? "";
        if (!store.customers.has(customer)) return notFound("customer", customer);
        const filters = { status: (address: IAddressResponse) => address.status };
        return listPage(request, store.addresses, { defaultSize: 50, maxSize: 200, customer, filters });
      },
    },
    {
      method: "GET",
      path: "/customers/:id/payment-methods",
      params: listParams("address_id", "supports_checkout"),
      handle: (request) => {
        const customer = request.pathParams.id ?? "";
        if (!store.customers.has(customer)) return notFound("customer", customer);
        return listPage(request, store.paymentMethods, { defaultSize: 50, maxSize: 200, customer });
      },
    },
    {
      method: "POST",
      path: "/customers/:id/addresses",
      handle: ({ pathParams: { id = "" }, rawBody }) => {
        if (!store.customers.has(id)) return notFound("customer", id);
        const body = readBody(rawBody, ADDRESS_FIELDS);
        if (body instanceof Response) return body;
        if (body.country_code === undefined) return invalidField("country_code", "is required");
        const at = store.at();
        const address: IAddressResponse = {
          id: paddleId("add"),
          customer_id: id,
          country_code: "US",
          status: "active",
          created_at: at,
          updated_at: at,
        };
        const refused = applyAddress(address, body);
        if (refused) return refused;
        store.addresses.put(address);
        store.emit("address.created", address);
        return paddleData(address, 201);
      },
    },
    {
      method: "PATCH",
      path: "/customers/:id/addresses/:address",
      handle: ({ pathParams: { id = "", address: addressId = "" }, rawBody }) => {
        const address = store.addresses.get(addressId);
        if (!address || address.customer_id !== id) return notFound("address", addressId);
        const body = readBody(rawBody, ADDRESS_FIELDS);
        if (body instanceof Response) return body;
        const refused = applyAddress(address, body);
        if (refused) return refused;
        address.updated_at = store.at();
        store.addresses.put(address);
        store.emit("address.updated", address);
        return paddleData(address);
      },
    },
  ];
}
