import type { Invoice, InvoiceStatus } from "@portalkit/core";
import { type PagedResult, usePages } from "./use-pages";

export interface InvoicesQuery {
  /** Page size, 1 to 100 (the provider's maximum by default). */
  limit?: number;
  status?: readonly InvoiceStatus[];
  subscriptionId?: string;
  /** Chargebee metered billing: include `pending` invoices. */
  includePending?: boolean;
}

/**
 * The signed-in customer's invoices, newest first, from `GET {basePath}/invoices`, a
 * page at a time: `next()` and `previous()` move by the `nextCursor` the server answers.
 */
export const useInvoices = (query?: InvoicesQuery): PagedResult<Invoice> => usePages("/invoices", query);
