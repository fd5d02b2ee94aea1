import type { WireAddress } from "../../wire";
import { ApiError, json, need } from "../errors";
import type { MemoryRoute, MemoryStore } from "../simulator";

function updateAddress(store: MemoryStore, customerId: string, body: Record<string, unknown>): Response {
  const customer = need(store.customers, "customer", customerId);
  if (body.kind !== "billing" && body.kind !== "shipping") throw new ApiError(400, "Invalid kind.", "kind");
  if (typeof body.address !== "object" || body.address === null) {
    throw new ApiError(400, "Missing required param: address.", "address");
  }
  const address = body.address as WireAddress;
  if (typeof body.subscription_id === "string") {
    const subscription = need(store.subscriptions, "subscription", body.subscription_id);
    if (body.kind === "shipping") subscription.shipping_address = address;
    else customer.billing_address = address;
  } else if (body.kind === "shipping") customer.shipping_address = address;
  else customer.billing_address = address;
  return json(customer);
}

/** `/v1/customers/:id`: read, and set a billing or shipping address. */
export function customerRoutes(store: MemoryStore): MemoryRoute[] {
  return [
    {
      method: "GET",
      path: "/v1/customers/:id",
      params: {},
      handle: ({ pathParams: { id = "" } }) => json(need(store.customers, "customer", id)),
    },
    {
      method: "POST",
      path: "/v1/customers/:id/addresses",
      handle: ({ pathParams: { id = "" } }, body) => updateAddress(store, id, body),
    },
  ];
}
