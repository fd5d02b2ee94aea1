import { redactSecrets } from "./redact";

export const PORTAL_ERROR_CODES = [
  "invalid_input",
  "not_found",
  "unauthenticated",
  "forbidden",
  "conflict",
  "payment_failed",
  "invalid_request",
  "rate_limited",
  "unavailable",
  "timeout",
  "unsupported",
] as const;

export type PortalErrorCode = (typeof PORTAL_ERROR_CODES)[number];

const RETRYABLE_BY_DEFAULT: ReadonlySet<PortalErrorCode> = new Set(["rate_limited", "unavailable", "timeout"]);

// Symbol.for so that two copies of @portalkit/core (two versions in one node_modules tree,
// or ESM next to CJS) recognise each other's errors.
const MARKER = Symbol.for("portalkit.error");

export interface PortalErrorOptions {
  code: PortalErrorCode;
  message: string;
  provider: string;
  retryable?: boolean;
  status?: number;
  field?: string;
  providerCode?: string;
  requestId?: string;
  /** How long the vendor asked us to wait before trying again (from Retry-After). */
  retryAfterMs?: number;
  cause?: unknown;
}

export interface PortalErrorJSON {
  name: "PortalError";
  code: PortalErrorCode;
  message: string;
  provider: string;
  retryable: boolean;
  status?: number;
  field?: string;
  providerCode?: string;
  requestId?: string;
  retryAfterMs?: number;
  cause?: { name: string; message: string };
}

export class PortalError extends Error {
  readonly [MARKER] = true;
  override readonly name = "PortalError";
  readonly code: PortalErrorCode;
  readonly provider: string;
  readonly retryable: boolean;
  readonly status?: number;
  readonly field?: string;
  readonly providerCode?: string;
  readonly requestId?: string;
  readonly retryAfterMs?: number;
  override readonly cause?: Error;

  constructor(options: PortalErrorOptions) {
    super(redactSecrets(options.message));
    this.code = options.code;
    this.provider = options.provider;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(options.code);
    if (options.status !== undefined) this.status = options.status;
    if (options.field !== undefined) this.field = options.field;
    if (options.providerCode !== undefined) this.providerCode = options.providerCode;
    if (options.requestId !== undefined) this.requestId = options.requestId;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.cause !== undefined) this.cause = sanitizeCause(options.cause);
  }

  static isInstance(error: unknown): error is PortalError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }

  /** True when the same call may succeed if tried again later. */
  static isRetryable(error: unknown): boolean {
    return PortalError.isInstance(error) && error.retryable;
  }

  toJSON(): PortalErrorJSON {
    const json: PortalErrorJSON = {
      name: "PortalError",
      code: this.code,
      message: this.message,
      provider: this.provider,
      retryable: this.retryable,
    };
    if (this.status !== undefined) json.status = this.status;
    if (this.field !== undefined) json.field = this.field;
    if (this.providerCode !== undefined) json.providerCode = this.providerCode;
    if (this.requestId !== undefined) json.requestId = this.requestId;
    if (this.retryAfterMs !== undefined) json.retryAfterMs = this.retryAfterMs;
    if (this.cause) json.cause = { name: this.cause.name, message: this.cause.message };
    return json;
  }
}

/**
 * Vendor errors and SDK errors may hold request headers, configuration or the raw
 * response. Keep only a name and a redacted message (and a redacted stack), never the
 * original object.
 */
function sanitizeCause(cause: unknown): Error {
  if (PortalError.isInstance(cause)) return cause;
  let name = "Error";
  let message: string;
  let stack: string | undefined;
  if (cause instanceof Error) {
    name = cause.name;
    message = cause.message;
    stack = cause.stack;
  } else if (typeof cause === "object" && cause !== null) {
    const record = cause as Record<string, unknown>;
    if (typeof record.name === "string") name = record.name;
    message = typeof record.message === "string" ? record.message : safeStringify(record);
  } else {
    message = String(cause);
  }
  const sanitized = errorWithoutStack(redactSecrets(message));
  sanitized.name = name;
  sanitized.stack = stack === undefined ? `${name}: ${sanitized.message}` : redactSecrets(stack);
  return sanitized;
}

/**
 * A native Error whose stack the caller sets: V8 would otherwise walk the stack for one,
 * only for it to be replaced (about a fifth of what a PortalError with a cause costs). Engines
 * without a numeric `Error.stackTraceLimit`, or where it cannot be written, build it as
 * usual. Nothing runs between the two assignments, so no other error sees the limit.
 */
function errorWithoutStack(message: string): Error {
  const limit = (Error as { stackTraceLimit?: unknown }).stackTraceLimit;
  if (typeof limit !== "number") return new Error(message);
  try {
    Error.stackTraceLimit = 0;
  } catch {
    return new Error(message);
  }
  try {
    return new Error(message);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** The portable error code for an HTTP status a vendor answered with. */
export function codeFromHttpStatus(status: number): PortalErrorCode {
  // 400, 422 and every other status below 500 not named here: invalid_request (the last line).
  if (status === 401) return "unauthenticated";
  if (status === 402) return "payment_failed";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 408) return "timeout";
  if (status === 409) return "conflict";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "unavailable";
  return "invalid_request";
}

/** The HTTP status a server answers with for a PortalError code. */
export function httpStatusFromCode(code: PortalErrorCode): number {
  switch (code) {
    case "invalid_input":
    case "invalid_request":
      return 400;
    case "unauthenticated":
      return 401;
    case "payment_failed":
      return 402;
    case "forbidden":
      return 403;
    case "not_found":
      return 404;
    case "conflict":
      return 409;
    case "unsupported":
      return 501;
    case "rate_limited":
      return 429;
    case "timeout":
      return 504;
    case "unavailable":
      return 503;
  }
}
