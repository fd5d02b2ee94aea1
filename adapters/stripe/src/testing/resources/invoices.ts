import { type FormObject, type ParamSpec, type RouteSpec, stringParam } from "@portalkit/core/testing";
import type Stripe from "stripe";
import type { StripeStore } from "../simulator";
import { invalidParameter, resourceMissing, stripeJson } from "../wire";
import { EXPAND } from "./params";

const INVOICE_LIST: ParamSpec = {
  ...EXPAND,
  customer: true,
  customer_account: true,
  subscription: true,
  status: true,
  limit: true,
  starting_after: true,
  ending_before: true,
  created: { gt: true, gte: true, lt: true, lte: true },
  due_date: { gt: true, gte: true, lt: true, lte: true },
  collection_method: true,
};

const INVOICE_STATUSES = new Set(["draft", "open", "paid", "uncollectible", "void"]);

/** Where an invoice sorts: newest first, then the later created, then by id. */
export interface InvoiceKey {
  created: number;
  seq: number;
  id: string;
}

export function compareInvoiceKeys(a: InvoiceKey, b: InvoiceKey): number {
  return b.created - a.created || b.seq - a.seq || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export function invoiceCustomer(invoice: Stripe.Invoice): string | undefined {
  return typeof invoice.customer === "string" ? invoice.customer : undefined;
}

function subscriptionOf(invoice: Stripe.Invoice): string | undefined {
  const ref = invoice.parent?.subscription_details?.subscription;
  return typeof ref === "string" ? ref : ref?.id;
}

function listInvoices(store: StripeStore, query: FormObject): Response {
  const limitText = stringParam(query.limit);
  const limit = limitText === undefined ? 10 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return invalidParameter(
      "limit",
      "This value must be greater than or equal to 1 and less than or equal to 100.",
      "parameter_invalid_integer",
    );
  }
  const status = stringParam(query.status);
  if (status !== undefined && !INVOICE_STATUSES.has(status)) {
    return invalidParameter(
      "status",
      `Invalid status: must be one of draft, open, paid, uncollectible, or void`,
      "parameter_invalid_string",
    );
  }
  const customer = stringParam(query.customer);
  const subscription = stringParam(query.subscription);
  const startingAfter = stringParam(query.starting_after);
  const after = startingAfter === undefined ? undefined : store.invoices.keyOf(startingAfter);
  if (startingAfter !== undefined && after === undefined) {
    return resourceMissing("invoice", startingAfter, "starting_after", 400);
  }
  const page = store.invoices.page({
    limit,
    ...(customer !== undefined ? { partition: ["customer", customer] as const } : {}),
    ...(after !== undefined ? { after } : {}),
    ...(status !== undefined || subscription !== undefined
      ? {
          filter: (invoice: Stripe.Invoice) =>
            (status === undefined || invoice.status === status) &&
            (subscription === undefined || subscriptionOf(invoice) === subscription),
        }
      : {}),
  });
  return stripeJson(200, { object: "list", data: page.items, has_more: page.hasMore, url: "/v1/invoices" });
}

/** `/v1/invoices`: a customer's invoices newest first, in pages joined by `starting_after`. */
export function invoiceRoutes(store: StripeStore): RouteSpec[] {
  return [
    {
      method: "GET",
      path: "/v1/invoices",
      params: INVOICE_LIST,
      handle: (request) => listInvoices(store, request.input),
    },
    {
      method: "GET",
      path: "/v1/invoices/:id",
      params: EXPAND,
      handle: ({ pathParams: { id = "" } }) => {
        const invoice = store.invoices.get(id);
        return invoice ? stripeJson(200, invoice) : resourceMissing("invoice", id);
      },
    },
  ];
}
