import { retryAfterHeader, type StatusErrorDetails } from "@portalkit/core/testing";
import type { WireError } from "../wire";

/** A refusal a resource throws; the simulator answers it in the API's error format. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

const ERROR_TYPES: Record<number, WireError["error"]["type"]> = {
  400: "invalid_request",
  401: "authentication",
  402: "payment",
  404: "not_found",
  409: "conflict",
  429: "rate_limited",
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "request-id": `req_${crypto.randomUUID()}`, ...headers } });
}

export function errorResponse(status: number, details: StatusErrorDetails & { param?: string }): Response {
  const body: WireError = {
    error: {
      type: ERROR_TYPES[status] ?? (status === 403 ? "authentication" : "api_error"),
      message: details.message,
      ...(details.param ? { param: details.param } : {}),
    },
  };
  return json(body, status, retryAfterHeader(details.retryAfter));
}

/** The record, or a 404 in the API's words. */
export function need<T>(map: { get(id: string): T | undefined }, kind: string, id: string): T {
  const found = map.get(id);
  if (!found) throw new ApiError(404, `No such ${kind}: '${id}'`);
  return found;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
