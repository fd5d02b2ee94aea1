import { paramSpecOf, type RouteSpec } from "@portalkit/core/testing";
import { notFound, wrongValue } from "../error-response";
import { booleanParam, listValue } from "../params";
import type { ChargebeeStore } from "../simulator";
import { json, type WireDownload, type WireInvoice } from "../wire";

const PDF_TTL = 3600;

const LIST_PARAMS = paramSpecOf([
  "limit",
  "offset",
  "include_deleted",
  "customer_id[is]",
  "customer_id[in]",
  "subscription_id[is]",
  "subscription_id[in]",
  "status[is]",
  "status[is_not]",
  "status[in]",
  "status[not_in]",
  "sort_by[asc]",
  "sort_by[desc]",
]);

const INVOICE_STATUSES: ReadonlySet<string> = new Set([
  "paid",
  "posted",
  "payment_due",
  "not_paid",
  "voided",
  "pending",
] satisfies Array<WireInvoice["status"]>);

/** Where an invoice sorts: newest first (by date, then id). */
export interface InvoiceKey {
  date: number;
  id: string;
}

export const invoiceKey = (invoice: WireInvoice): InvoiceKey => ({ date: invoice.date ?? 0, id: invoice.id });

export function compareInvoiceKeys(a: InvoiceKey, b: InvoiceKey): number {
  const byDate = b.date - a.date;
  if (byDate !== 0) return byDate;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** `next_offset` is the last invoice's key, as Chargebee's `["<ms>","<id>"]` string. */
export function encodeOffset(key: InvoiceKey): string {
  return JSON.stringify([String(key.date * 1000), key.id]);
}

export function decodeOffset(offset: string): InvoiceKey | undefined {
  try {
    const value: unknown = JSON.parse(offset);
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [ms, id] = value;
    if (typeof ms !== "string" || !/^\d+$/.test(ms) || typeof id !== "string" || id === "") return undefined;
    return { date: Number(ms) / 1000, id };
  } catch {
    return undefined;
  }
}

function listInvoices(store: ChargebeeStore, params: URLSearchParams): Response {
  const limitText = params.get("limit") ?? "10";
  if (!/^\d+$/.test(limitText)) return wrongValue("limit", "must be an integer");
  const limit = Number(limitText);
  if (limit < 1) return wrongValue("limit", "cannot be less than 1");
  if (limit > 100) return wrongValue("limit", "cannot be more than 100");
  const offsetText = params.get("offset");
  const offset = offsetText === null ? undefined : decodeOffset(offsetText);
  if (offsetText !== null && !offset) return wrongValue("offset", "invalid offset value");

  for (const name of ["customer_id[in]", "subscription_id[in]", "status[not_in]"]) {
    if (params.has(name)) return wrongValue(name, "is not supported by the simulator");
  }
  const desc = params.get("sort_by[desc]");
  const asc = params.get("sort_by[asc]");
  if (desc !== null && asc !== null) return wrongValue("sort_by", "only one sort order can be given");
  const sortField = desc ?? asc;
  if (sortField !== null && sortField !== "date") {
    return wrongValue(desc !== null ? "sort_by[desc]" : "sort_by[asc]", `cannot sort by ${sortField}`);
  }

  const statusFilters: Array<(status: WireInvoice["status"]) => boolean> = [];
  for (const operator of ["is", "is_not", "in"] as const) {
    const name = `status[${operator}]`;
    const raw = params.get(name);
    if (raw === null) continue;
    const values = operator === "in" ? listValue(raw) : [raw];
    if (!values || values.some((v) => !INVOICE_STATUSES.has(v))) return wrongValue(name, "invalid value");
    if (operator === "is_not") statusFilters.push((status) => status !== values[0]);
    else statusFilters.push((status) => values.includes(status));
  }
  const includeDeleted = booleanParam(params, "include_deleted");
  if (includeDeleted instanceof Response) return includeDeleted;

  const customerId = params.get("customer_id[is]");
  const subscriptionId = params.get("subscription_id[is]");
  const page = store.invoices.page({
    limit,
    direction: asc !== null ? "reverse" : "forward",
    ...(customerId !== null ? { partition: ["customer", customerId] as const } : {}),
    ...(offset ? { after: offset } : {}),
    filter: (invoice) =>
      (includeDeleted === true || !invoice.deleted) &&
      (subscriptionId === null || invoice.subscription_id === subscriptionId) &&
      statusFilters.every((passes) => passes(invoice.status)),
  });
  const last = page.items.at(-1);
  return json({
    list: page.items.map((invoice) => ({ invoice })),
    ...(page.hasMore && last ? { next_offset: encodeOffset(invoiceKey(last)) } : {}),
  });
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
  const live = (id: string) => {
    const invoice = store.invoices.get(id);
    return invoice && !invoice.deleted ? invoice : undefined;
  };
  return [
    {
      method: "GET",
      path: "/api/v2/invoices",
      params: LIST_PARAMS,
      handle: (request) => listInvoices(store, request.inputParams),
    },
    {
      method: "GET",
      path: "/api/v2/invoices/:id",
      params: paramSpecOf(["line_items_limit", "line_items_offset"]),
      handle: ({ pathParams: { id = "" } }) => {
        const invoice = live(id);
        return invoice ? json({ invoice }) : notFound(`invoice ${id}`);
      },
    },
    {
      method: "POST",
      path: "/api/v2/invoices/:id/pdf",
      params: paramSpecOf(["disposition_type"]),
      handle: ({ pathParams: { id = "" }, inputParams }) => {
        const invoice = live(id);
        return invoice ? invoicePdf(store, invoice, inputParams) : notFound(`invoice ${id}`);
      },
    },
  ];
}
