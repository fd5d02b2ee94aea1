import { ListSubscriptionsInputSchema, parseInput } from "@portalkit/core";
import { listingQuery } from "./query-params";

const QuerySchema = ListSubscriptionsInputSchema.omit({ customerId: true });

/**
 * `GET /subscriptions` query: `limit`, `cursor` and `status` (comma-separated or repeated).
 * Values that do not parse are passed on as strings so that the schema names the field.
 */
export function parseSubscriptionQuery(params: URLSearchParams, provider: string) {
  return parseInput(QuerySchema, listingQuery(params), provider);
}
