import { MAX_PAGE_SIZE } from "@portalkit/core";
import type { NewestFirstKey, PageQuery, RouteRequest, SortedCollection } from "@portalkit/core/testing";
import { ApiError, json } from "./errors";

/**
 * One page of a list endpoint by position: `limit` (1 to MAX_PAGE_SIZE, default the most),
 * `offset` and `customer_id`, answered as `{ object: "list", data, next_offset? }`.
 */
export function listPage<T>(
  collection: SortedCollection<T, NewestFirstKey>,
  request: RouteRequest,
  filter?: PageQuery<T, NewestFirstKey>["filter"],
): Response {
  const q = request.url.searchParams;
  const limit = Number(q.get("limit") ?? MAX_PAGE_SIZE);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ApiError(400, `limit must be an integer from 1 to ${MAX_PAGE_SIZE}.`, "limit");
  }
  const offset = Number(q.get("offset") ?? 0);
  if (!Number.isInteger(offset) || offset < 0) throw new ApiError(400, "Invalid offset.", "offset");
  const customerId = q.get("customer_id");
  const page = collection.page({
    limit,
    offset,
    ...(customerId !== null ? { partition: ["customer", customerId] as const } : {}),
    ...(filter ? { filter } : {}),
  });
  return json({ object: "list", data: page.items, ...(page.hasMore ? { next_offset: String(offset + limit) } : {}) });
}
