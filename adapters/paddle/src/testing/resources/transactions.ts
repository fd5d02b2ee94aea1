import type { RouteSpec } from "@portalkit/core/testing";
import { listPage, listParam } from "../pagination";
import type { PaddleStore } from "../simulator";
import { notFound, paddleData, paddleError } from "../wire";

const LIST_PARAMS = {
  customer_id: true,
  subscription_id: true,
  status: true,
  after: true,
  per_page: true,
  order_by: true,
} as const;

/** `/transactions`: listed newest first, 30 a page at most; `/transactions/:id/invoice`: the PDF link. */
export function transactionRoutes(store: PaddleStore): RouteSpec[] {
  return [
    {
      method: "GET",
      path: "/transactions",
      params: LIST_PARAMS,
      handle: (request) => {
        const customers = listParam(request, "customer_id");
        const subscriptions = listParam(request, "subscription_id");
        const statuses = listParam(request, "status");
        const single = customers?.length === 1 ? customers[0] : undefined;
        return listPage(request, store.transactions, {
          defaultSize: 30,
          maxSize: 30,
          ...(single !== undefined ? { partition: ["customer", single] as const } : {}),
          filter: (transaction) =>
            (customers === undefined || customers.includes(transaction.customer_id ?? "")) &&
            (subscriptions === undefined || subscriptions.includes(transaction.subscription_id ?? "")) &&
            (statuses === undefined || statuses.includes(transaction.status)),
        });
      },
    },
    {
      method: "GET",
      path: "/transactions/:id",
      params: { include: true },
      handle: ({ pathParams: { id = "" } }) => {
        const transaction = store.transactions.get(id);
        return transaction ? paddleData(transaction) : notFound("transaction", id);
      },
    },
    {
      method: "GET",
      path: "/transactions/:id/invoice",
      params: { disposition: true },
      handle: ({ pathParams: { id = "" } }) => {
        const transaction = store.transactions.get(id);
        if (!transaction) return notFound("transaction", id);
        const manualBilled = transaction.status === "billed" && transaction.collection_mode === "manual";
        if (transaction.status !== "completed" && !manualBilled) {
          return paddleError(400, {
            type: "request_error",
            code: "transaction_immutable_when_processing",
            detail:
              "Invoice PDFs are available for completed transactions, or billed transactions on manual collection.",
          });
        }
        const expires = Math.floor(store.now() / 1000) + 3600;
        return paddleData({
          url: `https://paddle-sandbox-invoice-service-pdfs.s3.amazonaws.com/invoices/${id}.pdf?X-Amz-Expires=3600&X-Amz-Date=${expires}`,
        });
      },
    },
  ];
}
