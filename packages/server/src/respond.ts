import { httpStatusFromCode, PortalError, type PortalErrorCode, redactSecrets } from "@portalkit/core";
import { isBodyTooLarge } from "./read-body";

/** The body of every error response. `internal` is answered only for errors that are not PortalErrors. */
export interface ErrorBody {
  error: {
    code: PortalErrorCode | "internal";
    message: string;
    /** The offending input field as a dotted path, for `invalid_input`. */
    field?: string;
  };
}

const HEADERS = {
  "content-type": "application/json",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
};

export function json(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...headers } });
}

/**
 * Maps any error to a response. A PortalError keeps its code, field and (redacted)
 * message; anything else is a 500 that says nothing about the error.
 */
export function errorResponse(error: unknown): Response {
  if (!PortalError.isInstance(error)) {
    const body: ErrorBody = { error: { code: "internal", message: "Internal server error" } };
    return json(500, body);
  }
  const body: ErrorBody = { error: { code: error.code, message: redactSecrets(error.message) } };
  if (error.field !== undefined) body.error.field = error.field;
  const headers: Record<string, string> = {};
  if (error.retryAfterMs !== undefined) headers["retry-after"] = String(Math.ceil(error.retryAfterMs / 1000));
  if (isBodyTooLarge(error)) headers.connection = "close";
  return json(isBodyTooLarge(error) ? 413 : httpStatusFromCode(error.code), body, headers);
}

/** The answer to a HEAD request: the GET answer's status and headers, no body. */
export function withoutBody(response: Response): Response {
  return new Response(null, { status: response.status, headers: response.headers });
}

export function methodNotAllowed(method: string, allow: readonly string[]): Response {
  const body: ErrorBody = { error: { code: "invalid_request", message: `Method ${method} is not allowed here` } };
  return json(405, body, { allow: allow.join(", ") });
}
