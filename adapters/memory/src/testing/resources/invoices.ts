import { INVOICE_STATUSES } from "@portalkit/core";
import type { RouteRequest } from "@portalkit/core/testing";
import type { WireInvoice } from "../../wire";
import { ApiError, json, need, nowSeconds } from "../errors";
import { listPage } from "../list-page";
import type { MemoryRoute, MemoryStore } from "../simulator";

function listInvoices(store: MemoryStore, request: RouteRequest): Response {
  const q = request.url.searchParams;
  const statuses = q.get("status")?.split(",");
  for (const status of statuses ?? []) {
    if (!(INVOICE_STATUSES as readonly string[]).includes(status)) {
      throw new ApiError(400, `Invalid status: ${status}.`, "status");
    }
  }
  const subscriptionId = q.get("subscription_id");
  return listPage(
    store.invoices,
    request,
    subscriptionId !== null || statuses !== undefined
      ? (invoice: WireInvoice) =>
          (subscriptionId === null || invoice.subscription_id === subscriptionId) &&
          (statuses === undefined || statuses.includes(invoice.status))
      : undefined,
  );
}

/** `/v1/invoices`: a page by position, one invoice, its PDF. */
export function invoiceRoutes(store: MemoryStore): MemoryRoute[] {
  return [
    {
      method: "GET",
      path: "/v1/invoices",
      params: { limit: true, offset: true, status: true, customer_id: true, subscription_id: true },
      handle: (request) => listInvoices(store, request),
    },
    {
      method: "GET",
      path: "/v1/invoices/:id",
      params: {},
      handle: ({ pathParams: { id = "" } }) => json(need(store.invoices, "invoice", id)),
    },
    {
      method: "GET",
      path: "/v1/invoices/:id/pdf",
      params: {},
      handle: ({ pathParams: { id = "" } }) => {
        const invoice = need(store.invoices, "invoice", id);
        const expires = nowSeconds() + 3600;
        const url = `${store.portalUrl}/invoices/${encodeURIComponent(invoice.id)}.pdf?expires=${expires}`;
        return json({ object: "download", url, expires_at: expires });
      },
    },
  ];
}
