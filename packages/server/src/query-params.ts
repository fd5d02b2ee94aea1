/**
 * A listing route's query as the input its schema reads: `status` as a list (comma-separated
 * or repeated), `limit` as a number, `includePending` as a boolean, every other parameter as
 * its text. A value that does not read as its type stays a string, so that the schema names
 * the field; a parameter the route does not take is left for its strict schema to refuse.
 */
export function listingQuery(params: URLSearchParams): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    const value = values.join(",");
    if (name === "status") query.status = values.flatMap((entry) => entry.split(",")).filter(Boolean);
    else if (name === "limit") query.limit = /^\d{1,4}$/.test(value) ? Number(value) : value;
    else if (name === "includePending")
      query.includePending = value === "true" ? true : value === "false" ? false : value;
    else query[name] = value;
  }
  return query;
}
