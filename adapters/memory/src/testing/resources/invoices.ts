import { INVOICE_STATUSES, MAX_PAGE_SIZE } from "@portalkit/core";
import type { RouteRequest } from "@portalkit/core/testing";
import type { WireInvoice, WireInvoiceList } from "../../wire";
import { ApiError, json, need, nowSeconds } from "../errors";
import type { MemoryRoute, MemoryStore } from "../simulator";

/** Newest first, then by id descending. */
export interface InvoiceKey {
  created: number;
  id: string;
}

export function compareInvoiceKeys(a: InvoiceKey, b: InvoiceKey): number {
  return b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function listInvoices(store: MemoryStore, request: RouteRequest): Response {
  const q = request.url.searchParams;
  const limit = Number(q.get("limit") ?? MAX_PAGE_SIZE);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ApiError(400, `limit must be an integer from 1 to ${MAX_PAGE_SIZE}.`, "limit");
  }
  const offset = Number(q.get("offset") ?? 0);
  if (!Number.isInteger(offset) || offset < 0) throw new ApiError(400, "Invalid offset.", "offset");
  const statuses = q.get("status")?.split(",");
  for (const status of statuses ?? []) {
    if (!(INVOICE_STATUSES as readonly string[]).includes(status)) {
      throw new ApiError(400, `Invalid status: ${status}.`, "status");
    }
  }
  const customerId = q.get("customer_id");
  const subscriptionId = q.get("subscription_id");
  const page = store.invoices.page({
    limit,
    offset,
    ...(customerId !== null ? { partition: ["customer", customerId] as const } : {}),
    ...(subscriptionId !== null || statuses !== undefined
      ? {
          filter: (invoice: WireInvoice) =>
            (subscriptionId === null || invoice.subscription_id === subscriptionId) &&
            (statuses === undefined || statuses.includes(invoice.status)),
        }
      : {}),
  });
  const list: WireInvoiceList = { object: "list", data: page.items };
  if (page.hasMore) list.next_offset = String(offset + limit);
  return json(list);
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
