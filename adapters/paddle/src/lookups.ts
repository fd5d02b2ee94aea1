import type { Paddle, Subscription, Transaction } from "@paddle/paddle-node-sdk";
import type { AdapterContext } from "@portalkit/core/adapter";
import type { PaddleProviderOptions } from "./options";

/** Paddle does not scope objects to a customer: the kit checks each named one through these. */
export const PADDLE_LOOKUPS = {
  subscription: {
    kind: "subscription",
    read: (paddle: Paddle, id: string) => paddle.subscriptions.get(id),
    customerOf: (subscription: Subscription) => subscription.customerId,
  },
  invoice: {
    kind: "invoice",
    read: (paddle: Paddle, id: string) => paddle.transactions.get(id),
    customerOf: (transaction: Transaction) => transaction.customerId,
  },
};

export type PaddleContext = AdapterContext<Paddle, typeof PADDLE_LOOKUPS, PaddleProviderOptions>;
