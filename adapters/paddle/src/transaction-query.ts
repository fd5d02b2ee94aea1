import type { ListTransactionQueryParameters, TransactionStatus } from "@paddle/paddle-node-sdk";

/** What `listInvoices` asks Paddle for, one page. */
export interface TransactionPageQuery {
  readonly customerId: string;
  readonly perPage: number;
  readonly after?: string | undefined;
  readonly status?: readonly TransactionStatus[] | undefined;
  readonly subscriptionId?: string | undefined;
}

/**
 * The query of `transactions.list` for one page, with its keys already in Paddle's
 * snake_case and in the order the camelCase query had them.
 *
 * The SDK writes every key through a regex rewrite with a callback per camelCase key
 * (`customerId` → `customer_id`), which a walk pays on every page; a key with no capital
 * letter passes through it unchanged, so this query sends the same URL without that work.
 * Values stay as the SDK's own types would carry them (lists as arrays), so the SDK writes
 * them as before. A test holds the URL to the one the camelCase query gives.
 */
export function transactionQuery(query: TransactionPageQuery): ListTransactionQueryParameters {
  const wire: Record<string, unknown> = { customer_id: [query.customerId], per_page: query.perPage };
  if (query.after !== undefined) wire.after = query.after;
  if (query.status !== undefined) wire.status = query.status;
  if (query.subscriptionId !== undefined) wire.subscription_id = [query.subscriptionId];
  return wire as ListTransactionQueryParameters;
}
