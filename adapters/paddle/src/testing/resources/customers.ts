import type { IAddressResponse } from "@paddle/paddle-node-sdk";
import { isCountryCode, type RouteSpec } from "@portalkit/core/testing";
import { listPage, listParam } from "../pagination";
import type { PaddleStore } from "../simulator";
import { invalidField, notFound, nowIso, paddleData, paddleId, readBody } from "../wire";

const ADDRESS_FIELDS = [
  "description",
  "first_line",
  "second_line",
  "city",
  "postal_code",
  "region",
  "country_code",
  "custom_data",
  "status",
];

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
    {
      method: "GET",
      path: "/customers/:id",
      params: {},
      handle: ({ pathParams: { id = "" } }) => {
        const customer = store.customers.get(id);
        return customer ? paddleData(customer) : notFound("customer", id);
      },
    },
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
        Object.assign(customer, body, { updated_at: nowIso(store.now) });
        store.emit("customer.updated", customer);
        return paddleData(customer);
      },
    },
    {
      method: "GET",
      path: "/customers/:id/addresses",
      params: { after: true, per_page: true, order_by: true, status: true, id: true, search: true },
      handle: (request) => {
        const customerId = request.pathParams.id ?? "";
        if (!store.customers.has(customerId)) return notFound("customer", customerId);
        const statuses = listParam(request, "status");
        return listPage(request, store.addresses, {
          defaultSize: 50,
          maxSize: 200,
          partition: ["customer", customerId],
          filter: (address) => statuses === undefined || statuses.includes(address.status),
        });
      },
    },
    {
      method: "GET",
      path: "/customers/:id/payment-methods",
      params: { after: true, per_page: true, order_by: true, address_id: true, supports_checkout: true },
      handle: (request) => {
        const customerId = request.pathParams.id ?? "";
        if (!store.customers.has(customerId)) return notFound("customer", customerId);
        return listPage(request, store.paymentMethods, {
          defaultSize: 50,
          maxSize: 200,
          partition: ["customer", customerId],
        });
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
        const at = nowIso(store.now);
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
        return paddleJson201(address);
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
        address.updated_at = nowIso(store.now);
        store.addresses.put(address);
        store.emit("address.updated", address);
        return paddleData(address);
      },
    },
  ];
}

function paddleJson201(data: unknown): Response {
  const response = paddleData(data);
  return new Response(response.body, { status: 201, headers: response.headers });
}
