import type { RouteSpec } from "@portalkit/core/testing";
import type { PaddleStore } from "../simulator";
import { listPage, listParams, notFound, paddleData, paddleError, readRoute } from "../wire";

/** `/transactions`: listed newest first, 30 a page at most; `/transactions/:id/invoice`: the PDF link. */
export function transactionRoutes(store: PaddleStore): RouteSpec[] {
  return [
    {
      method: "GET",
      path: "/transactions",
      params: listParams("customer_id", "subscription_id", "status"),
      handle: (request) =>
        listPage(request, store.transactions, {
          defaultSize: 30,
          maxSize: 30,
          filters: {
            customer_id: (transaction) => transaction.customer_id,
            subscription_id: (transaction) => transaction.subscription_id,
            status: (transaction) => transaction.status,
          },
        }),
    },
    readRoute("/transactions/:id", "transaction", (id) => store.transactions.get(id)),
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
