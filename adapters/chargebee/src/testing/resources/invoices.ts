import { paramSpecOf, type RouteSpec } from "@portalkit/core/testing";
import { notFound, wrongValue } from "../error-response";
import { listParams, nextOffset, readListRequest } from "../list-query";
import type { ChargebeeStore } from "../simulator";
import { chargebeeReadRoute, json, live, type WireDownload, type WireInvoice } from "../wire";

const PDF_TTL = 3600;

const LIST_PARAMS = listParams(["subscription_id[is]", "subscription_id[in]"]);

const INVOICE_STATUSES: ReadonlySet<string> = new Set([
  "paid",
  "posted",
  "payment_due",
  "not_paid",
  "voided",
  "pending",
] satisfies Array<WireInvoice["status"]>);

function listInvoices(store: ChargebeeStore, params: URLSearchParams): Response {
  const request = readListRequest<WireInvoice, WireInvoice["status"]>(params, {
    sortField: "date",
    statuses: INVOICE_STATUSES,
    unsupported: ["customer_id[in]", "subscription_id[in]", "status[not_in]"],
  });
  if (request instanceof Response) return request;
  const subscriptionId = params.get("subscription_id[is]");
  const page = store.invoices.page(
    request.query((invoice) => subscriptionId === null || invoice.subscription_id === subscriptionId),
  );
  return json({ list: page.items.map((invoice) => ({ invoice })), ...nextOffset(page, store.invoices) });
}

function invoicePdf(store: ChargebeeStore, invoice: WireInvoice, params: URLSearchParams): Response {
  const disposition = params.get("disposition_type");
  if (disposition !== null && disposition !== "attachment" && disposition !== "inline") {
    return wrongValue("disposition_type", "invalid value");
  }
  const validTill = store.nowSec() + PDF_TTL;
  const download: WireDownload = {
    object: "download",
    download_url: `https://${store.site}.chargebee-docs.example/invoices/${encodeURIComponent(invoice.id)}.pdf?valid_till=${validTill}`,
    valid_till: validTill,
    mime_type: "application/pdf",
  };
  return json({ download });
}

/** `/invoices`: pages of `{ list, next_offset }`, filtered server-side; one invoice; its PDF. */
export function invoiceRoutes(store: ChargebeeStore): RouteSpec[] {
  return [
    {
      method: "GET",
      path: "/api/v2/invoices",
      params: LIST_PARAMS,
      handle: (request) => listInvoices(store, request.inputParams),
    },
    chargebeeReadRoute(
      "/api/v2/invoices/:id",
      "invoice",
      (id) => live(store.invoices, id),
      paramSpecOf(["line_items_limit", "line_items_offset"]),
    ),
    {
      method: "POST",
      path: "/api/v2/invoices/:id/pdf",
      params: paramSpecOf(["disposition_type"]),
      handle: ({ pathParams: { id = "" }, inputParams }) => {
        const invoice = live(store.invoices, id);
        return invoice ? invoicePdf(store, invoice, inputParams) : notFound(`invoice ${id}`);
      },
    },
  ];
}
