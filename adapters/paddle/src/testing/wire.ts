import { randomBytes } from "node:crypto";

/** Paddle's error object, as the API sends it under `error`. */
export interface PaddleWireError {
  type: "request_error" | "api_error";
  code: string;
  detail: string;
  documentation_url?: string;
  errors?: Array<{ field: string; message: string }>;
}

/** A Paddle id: a prefix and 26 lower-case characters, as Paddle's are. */
export function paddleId(prefix: string): string {
  const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
  const bytes = randomBytes(26);
  let id = "";
  for (const byte of bytes) id += alphabet[byte % 32];
  return `${prefix}_${id}`;
}

/** Paddle's envelope: `{ data, meta: { request_id, pagination? } }`. */
export function paddleJson(
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Response {
  const requestId = crypto.randomUUID();
  const meta = { request_id: requestId, ...((body.meta as object | undefined) ?? {}) };
  return new Response(JSON.stringify({ ...body, meta }), {
    status,
    headers: { "content-type": "application/json", "request-id": requestId, ...headers },
  });
}

export function paddleData(data: unknown, pagination?: Record<string, unknown>): Response {
  return paddleJson(200, pagination ? { data, meta: { pagination } } : { data });
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
export function paddleStatusError(
  status: number,
  details: { message: string; retryAfter?: number | string },
): Response {
  const headers: Record<string, string> = {};
  if (details.retryAfter !== undefined) headers["retry-after"] = String(details.retryAfter);
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

export function nowIso(now: () => number): string {
  return new Date(now()).toISOString();
}
