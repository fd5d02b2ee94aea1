import { paramSpecOf, type RouteSpec } from "@portalkit/core/testing";
import { redirectParam, referencedCustomer } from "../params";
import type { ChargebeeStore } from "../simulator";
import { json, type WireHostedPage } from "../wire";

const HOSTED_PAGE_TTL = 3600;

function managePaymentSources(store: ChargebeeStore, params: URLSearchParams): Response {
  const customer = referencedCustomer(store, params);
  if (customer instanceof Response) return customer;
  const badUrl = redirectParam(params, "redirect_url");
  if (badUrl) return badUrl;
  const created = store.nowSec();
  const id = store.newId("hp");
  const page: WireHostedPage = {
    object: "hosted_page",
    id,
    type: "manage_payment_sources",
    url: `https://${store.site}.chargebee.com/pages/v3/${id}/`,
    state: "created",
    embed: false,
    created_at: created,
    expires_at: created + HOSTED_PAGE_TTL,
    updated_at: created,
    resource_version: store.now(),
  };
  store.hostedPages.set(id, page);
  return json({ hosted_page: page });
}

/** `/hosted_pages/manage_payment_sources`: the hosted page where a customer manages payment methods. */
export function hostedPageRoutes(store: ChargebeeStore): RouteSpec[] {
  return [
    {
      method: "POST",
      path: "/api/v2/hosted_pages/manage_payment_sources",
      params: paramSpecOf(["customer[id]", "redirect_url", "business_entity_id"]),
      handle: ({ inputParams }) => managePaymentSources(store, inputParams),
    },
  ];
}
