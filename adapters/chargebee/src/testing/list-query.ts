import { type NewestFirstKey, type Page, type PageQuery, type ParamSpec, paramSpecOf } from "@portalkit/core/testing";
import { wrongValue } from "./error-response";
import { booleanParam, listValue } from "./params";

/** The parameters every list endpoint takes, and the filters `extra` names (`subscription_id[is]`). */
export function listParams(extra: readonly string[] = []): ParamSpec {
  return paramSpecOf([
    "limit",
    "offset",
    "include_deleted",
    "customer_id[is]",
    "customer_id[in]",
    ...extra,
    "status[is]",
    "status[is_not]",
    "status[in]",
    "status[not_in]",
    "sort_by[asc]",
    "sort_by[desc]",
  ]);
}

/** `next_offset` is the last object's key, as Chargebee's `["<ms>","<id>"]` string. */
export function encodeOffset(key: NewestFirstKey): string {
  return JSON.stringify([String(key.at * 1000), key.id]);
}

export function decodeOffset(offset: string): NewestFirstKey | undefined {
  try {
    const value: unknown = JSON.parse(offset);
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [ms, id] = value;
    if (typeof ms !== "string" || !/^\d+$/.test(ms) || typeof id !== "string" || id === "") return undefined;
    return { at: Number(ms) / 1000, id };
  } catch {
    return undefined;
  }
}

/** What a list endpoint takes beyond Chargebee's common list parameters. */
export interface ListEndpoint {
  /** The one field `sort_by[asc]` / `sort_by[desc]` may name. */
  sortField: string;
  /** The values `status[is]`, `status[is_not]` and `status[in]` may take. */
  statuses: ReadonlySet<string>;
  /** Filters Chargebee has that the simulator refuses rather than ignores. */
  unsupported: readonly string[];
}

/** A list request read: the page query for the collection, or Chargebee's error. */
export interface ListRequest<T> {
  /** Pages the collection with the request's limit, offset, order, customer, statuses and `include_deleted`. */
  query(extra?: (item: T) => boolean): PageQuery<T, NewestFirstKey>;
}

/**
 * Reads Chargebee's common list parameters (`limit`, `offset`, `sort_by[...]`,
 * `status[...]`, `include_deleted`, `customer_id[is]`) as Chargebee checks them.
 */
export function readListRequest<T extends { status: S; deleted?: boolean }, S extends string>(
  params: URLSearchParams,
  endpoint: ListEndpoint,
): ListRequest<T> | Response {
  const limitText = params.get("limit") ?? "10";
  if (!/^\d+$/.test(limitText)) return wrongValue("limit", "must be an integer");
  const limit = Number(limitText);
  if (limit < 1) return wrongValue("limit", "cannot be less than 1");
  if (limit > 100) return wrongValue("limit", "cannot be more than 100");
  const offsetText = params.get("offset");
  const offset = offsetText === null ? undefined : decodeOffset(offsetText);
  if (offsetText !== null && !offset) return wrongValue("offset", "invalid offset value");
  for (const name of endpoint.unsupported) {
    if (params.has(name)) return wrongValue(name, "is not supported by the simulator");
  }
  const desc = params.get("sort_by[desc]");
  const asc = params.get("sort_by[asc]");
  if (desc !== null && asc !== null) return wrongValue("sort_by", "only one sort order can be given");
  const sortField = desc ?? asc;
  if (sortField !== null && sortField !== endpoint.sortField) {
    return wrongValue(desc !== null ? "sort_by[desc]" : "sort_by[asc]", `cannot sort by ${sortField}`);
  }
  const statusFilters: Array<(status: S) => boolean> = [];
  for (const operator of ["is", "is_not", "in"] as const) {
    const name = `status[${operator}]`;
    const raw = params.get(name);
    if (raw === null) continue;
    const values = operator === "in" ? listValue(raw) : [raw];
    if (!values || values.some((v) => !endpoint.statuses.has(v))) return wrongValue(name, "invalid value");
    if (operator === "is_not") statusFilters.push((status) => status !== values[0]);
    else statusFilters.push((status) => values.includes(status));
  }
  const includeDeleted = booleanParam(params, "include_deleted");
  if (includeDeleted instanceof Response) return includeDeleted;
  const customerId = params.get("customer_id[is]");
  return {
    query: (extra) => ({
      limit,
      // Chargebee lists the newest first unless told otherwise.
      direction: asc !== null ? "reverse" : "forward",
      ...(customerId !== null ? { partition: ["customer", customerId] as const } : {}),
      ...(offset ? { after: offset } : {}),
      filter: (item) =>
        (includeDeleted === true || !item.deleted) &&
        (extra === undefined || extra(item)) &&
        statusFilters.every((passes) => passes(item.status)),
    }),
  };
}

/** `next_offset` for a page: the last item's key, when there is more. */
export function nextOffset<T extends { id: string }>(
  page: Page<T>,
  collection: { keyOf(id: string): NewestFirstKey | undefined },
): { next_offset?: string } {
  const last = page.items.at(-1);
  const key = page.hasMore && last ? collection.keyOf(last.id) : undefined;
  return key ? { next_offset: encodeOffset(key) } : {};
}
