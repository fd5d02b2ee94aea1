import { randomBytes } from "node:crypto";
import type { ApiError } from "@paddle/paddle-node-sdk";
import {
  type ParamSpec,
  paramSpecOf,
  type RouteRequest,
  type RouteSpec,
  readRoute as readByIdRoute,
  retryAfterHeader,
  type SortedCollection,
  type StatusErrorDetails,
} from "@portalkit/core/testing";

/** Paddle's error object, as the API sends it under `error` (the SDK's `ApiError` is made from it). */
export type PaddleWireError = Omit<ConstructorParameters<typeof ApiError>[0], "documentation_url"> & {
  type: "request_error" | "api_error";
};

/** A Paddle id: a prefix and 26 lower-case characters, as Paddle's are. */
export function paddleId(prefix: string): string {
  const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
  const bytes = randomBytes(26);
  let id = "";
  for (const byte of bytes) id += alphabet[byte % 32];
  return `${prefix}_${id}`;
}

/** Paddle's envelope: `{ data, meta: { request_id, pagination? } }` (or `error` in place of `data`). */
function paddleJson(status: number, body: object, headers: Record<string, string> = {}, meta: object = {}): Response {
  const requestId = crypto.randomUUID();
  return new Response(JSON.stringify({ ...body, meta: { request_id: requestId, ...meta } }), {
    status,
    headers: { "content-type": "application/json", "request-id": requestId, ...headers },
  });
}

/** An object answered (201 for one just created), or a page of a list with its `meta.pagination`. */
export function paddleData(data: unknown, status = 200, pagination?: object): Response {
  return paddleJson(status, { data }, {}, pagination ? { pagination } : {});
}

export function paddleError(status: number, error: PaddleWireError, headers: Record<string, string> = {}): Response {
  return paddleJson(
    status,
    { error: { ...error, documentation_url: `https://developer.paddle.com/v1/errors/shared/${error.code}` } },
    headers,
  );
}

export function notFound(kind: string, id: string): Response {
  return paddleError(404, { type: "request_error", code: "not_found", detail: `${kind} ${id} not found` });
}

export function invalidField(field: string, message: string): Response {
  return paddleError(400, {
    type: "request_error",
    code: "invalid_field",
    detail: "Request does not pass validation.",
    errors: [{ field, message }],
  });
}

/** Paddle refuses a missing or wrong API key with HTTP 403. */
export function authenticationError(given: string | undefined): Response {
  if (given === undefined) {
    return paddleError(403, {
      type: "request_error",
      code: "authentication_missing",
      detail: "You must provide an API key in the Authorization header, using Bearer auth.",
    });
  }
  return paddleError(403, {
    type: "request_error",
    code: "invalid_token",
    detail: "Authentication token is invalid. Check your API key.",
  });
}

const STATUS_CODES: Record<number, string> = {
  400: "bad_request",
  401: "authentication_malformed",
  402: "payment_declined",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  429: "too_many_requests",
};

/** The answer Paddle gives for a bare status (injected faults). A 5xx is an `api_error`. */
export function paddleStatusError(status: number, details: StatusErrorDetails): Response {
  const headers = retryAfterHeader(details.retryAfter);
  if (status >= 500) {
    const code = status === 503 ? "service_unavailable" : "internal_error";
    return paddleError(status, { type: "api_error", code, detail: details.message }, headers);
  }
  const code = STATUS_CODES[status] ?? "bad_request";
  return paddleError(status, { type: "request_error", code, detail: details.message }, headers);
}

/** A JSON request body, or the answer Paddle gives for a body it cannot read or a field it does not know. */
export function readBody(rawBody: string, allowed: readonly string[]): Record<string, unknown> | Response {
  let body: unknown;
  try {
    body = rawBody === "" ? {} : JSON.parse(rawBody);
  } catch {
    return paddleError(400, { type: "request_error", code: "invalid_json", detail: "Invalid JSON request body" });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return paddleError(400, { type: "request_error", code: "invalid_json", detail: "Request body must be an object" });
  }
  const unknown = Object.keys(body).find((key) => !allowed.includes(key));
  if (unknown !== undefined) return invalidField(unknown, "Unknown field");
  return body as Record<string, unknown>;
}

export interface ListOptions<T> {
  /** Paddle's default and largest page (30 for transactions, 50 and 200 for the others). */
  defaultSize: number;
  maxSize: number;
  /** The customer the path names (`/customers/:id/addresses`); else a single `customer_id` given. */
  customer?: string;
  /** The filters Paddle takes as comma-separated lists (`status=paid,completed`), each with the field it matches. */
  filters?: Readonly<Record<string, (item: T) => string | null | undefined>>;
}

/** A comma-separated list parameter (`status=paid,completed`) as its values. */
function listParam(params: URLSearchParams, name: string): string[] | undefined {
  const value = params.get(name);
  return value === null || value === "" ? undefined : value.split(",");
}

/** The query parameters a list endpoint knows: these, and Paddle's pagination. */
export function listParams(...names: string[]): ParamSpec {
  return paramSpecOf([...names, "after", "per_page", "order_by"]);
}

/** `GET <path>`: the object the `:id` names, or Paddle's 404. */
export function readRoute<T>(
  path: string,
  kind: string,
  get: (id: string) => T | undefined,
  params: ParamSpec = { include: true },
): RouteSpec {
  return readByIdRoute({ path, params, get, found: (item) => paddleData(item), missing: (id) => notFound(kind, id) });
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
  const filters = Object.entries(options.filters ?? {}).flatMap(([name, field]) => {
    const wanted = listParam(params, name);
    return wanted ? [{ wanted, field }] : [];
  });
  const customers = listParam(params, "customer_id");
  const customer = options.customer ?? (customers?.length === 1 ? customers[0] : undefined);
  const page = collection.page({
    limit: size,
    direction: orderBy === "id[ASC]" ? "reverse" : "forward",
    ...(customer !== undefined ? { partition: ["customer", customer] as const } : {}),
    ...(after !== undefined ? { after } : {}),
    ...(filters.length > 0
      ? { filter: (item: T) => filters.every(({ wanted, field }) => wanted.includes(field(item) ?? "")) }
      : {}),
  });
  const next = new URL(request.url.pathname, request.url.origin);
  next.search = request.url.search;
  const last = page.items.at(-1);
  if (last) next.searchParams.set("after", last.id);
  return paddleData(page.items, 200, {
    per_page: size,
    next: next.href,
    has_more: page.hasMore,
    estimated_total: customer !== undefined ? page.items.length : collection.size,
  });
}
