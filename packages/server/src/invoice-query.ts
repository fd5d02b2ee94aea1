import { ListInvoicesInputSchema, PortalError, parseInput } from "@portalkit/core";
import { listingQuery } from "./query-params";

const QuerySchema = ListInvoicesInputSchema.omit({ customerId: true });

/**
 * The `listInvoices` input of a `GET /invoices` for the signed-in customer. The query takes
 * `limit`, `cursor`, `subscriptionId`, `status` (comma-separated or repeated) and
 * `includePending=true|false`, and never `customerId`: the customer is the one the request
 * authenticated. Values that do not parse are passed on as strings so that the schema names
 * the field.
 */
export function parseInvoiceQuery(params: URLSearchParams, provider: string, customerId: string) {
  const query = listingQuery(params);
  // A query without `customerId` that the whole input schema accepts is what the query schema
  // accepts too, and the whole schema's parse takes core's hand-written check of a walk's
  // pages. Anything else takes the query schema, which refuses `customerId` and names the
  // field the query got wrong, as it always has.
  if (!Object.hasOwn(query, "customerId")) {
    try {
      return parseInput(ListInvoicesInputSchema, { ...query, customerId }, provider);
    } catch (error) {
      if (!(error instanceof PortalError)) throw error;
    }
  }
  return { ...parseInput(QuerySchema, query, provider), customerId };
}
