import { ListSubscriptionsInputSchema, parseInput } from "@portalkit/core";

const QuerySchema = ListSubscriptionsInputSchema.omit({ customerId: true });

/**
 * `GET /subscriptions` query: `limit`, `cursor` and `status` (comma-separated or repeated).
 * Values that do not parse are passed on as strings so that the schema names the field.
 */
export function parseSubscriptionQuery(params: URLSearchParams, provider: string) {
  const query: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    const value = values.join(",");
    if (name === "status") query.status = values.flatMap((entry) => entry.split(",")).filter(Boolean);
    else if (name === "limit") query.limit = /^\d{1,4}$/.test(value) ? Number(value) : value;
    else query[name] = value;
  }
  return parseInput(QuerySchema, query, provider);
}
