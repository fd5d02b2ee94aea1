import { type FormObject, type ParamSpec, type RouteSpec, stringParam } from "@portalkit/core/testing";
import type Stripe from "stripe";
import type { StripeStore } from "../simulator";
import { invalidParameter, stripeJson } from "../wire";
import { EXPAND, listLimit, startingAfter, stripeReadRoute } from "./params";

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

export function invoiceCustomer(invoice: Stripe.Invoice): string | undefined {
  return typeof invoice.customer === "string" ? invoice.customer : undefined;
}

function subscriptionOf(invoice: Stripe.Invoice): string | undefined {
  const ref = invoice.parent?.subscription_details?.subscription;
  return typeof ref === "string" ? ref : ref?.id;
}

function listInvoices(store: StripeStore, query: FormObject): Response {
  const limit = listLimit(query);
  if (limit instanceof Response) return limit;
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
  const start = startingAfter(query, store.invoices, "invoice");
  if (start instanceof Response) return start;
  const page = store.invoices.page({
    limit,
    ...(customer !== undefined ? { partition: ["customer", customer] as const } : {}),
    ...start,
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
    stripeReadRoute("/v1/invoices/:id", "invoice", (id) => store.invoices.get(id)),
  ];
}
