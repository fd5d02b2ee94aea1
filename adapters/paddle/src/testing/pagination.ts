import type { RouteRequest, SortedCollection } from "@portalkit/core/testing";
import { invalidField, paddleData } from "./wire";

export interface ListOptions<T> {
  /** Paddle's default and largest page (30 for transactions, 50 and 200 for the others). */
  defaultSize: number;
  maxSize: number;
  partition?: readonly [name: string, value: string];
  filter?: (item: T) => boolean;
}

/** A comma-separated list parameter (`status=paid,completed`) as its values. */
export function listParam(request: RouteRequest, name: string): string[] | undefined {
  const value = request.url.searchParams.get(name);
  return value === null || value === "" ? undefined : value.split(",");
}

/**
 * One page in Paddle's cursor pagination: `after` an id, `order_by` `id[DESC]` (default) or
 * `id[ASC]`; `meta.pagination.next` is an absolute URL on the base the request came to,
 * present on the last page too (`has_more` says whether to follow it).
 */
export function listPage<T extends { id: string }, K>(
  request: RouteRequest,
  collection: SortedCollection<T, K>,
  options: ListOptions<T>,
): Response {
  const params = request.url.searchParams;
  const perPageText = params.get("per_page");
  const perPage = perPageText === null ? options.defaultSize : Number(perPageText);
  if (!Number.isInteger(perPage) || perPage < 1) return invalidField("per_page", "must be a positive integer");
  const orderBy = params.get("order_by") ?? "id[DESC]";
  if (orderBy !== "id[DESC]" && orderBy !== "id[ASC]") return invalidField("order_by", "must be id[ASC] or id[DESC]");
  const size = Math.min(perPage, options.maxSize);
  const afterId = params.get("after");
  const after = afterId === null ? undefined : collection.keyOf(afterId);
  if (afterId !== null && after === undefined) return invalidField("after", `${afterId} is not a known id`);
  const page = collection.page({
    limit: size,
    direction: orderBy === "id[ASC]" ? "reverse" : "forward",
    ...(options.partition ? { partition: options.partition } : {}),
    ...(after !== undefined ? { after } : {}),
    ...(options.filter ? { filter: options.filter } : {}),
  });
  const next = new URL(request.url.pathname, request.url.origin);
  next.search = request.url.search;
  const last = page.items.at(-1);
  if (last) next.searchParams.set("after", last.id);
  return paddleData(page.items, {
    per_page: size,
    next: next.href,
    has_more: page.hasMore,
    estimated_total: options.partition ? page.items.length : collection.size,
  });
}
